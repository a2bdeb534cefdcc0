package dev.intake.testing;

import java.net.URI;
import java.util.Map;

import dev.intake.embedded.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Puts an {@link OutageProxy} between the application and each of its real servers (PostgreSQL, the
 * S3 server), so a test can take either away for a while. Test resources and tests may live in
 * different class loaders, so each proxy's switch is a control port, published as a system property
 * ({@link #down}, {@link #up}).
 */
public class OutageResource implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE = "database";
    public static final String BUCKET = "bucket";

    private OutageProxy database;
    private OutageProxy bucket;

    @Override
    public Map<String, String> start() {
        int postgres = PostgresResource.serverPort();
        String s3 = new S3Resource().start().get("quarkus.s3.endpoint-override");
        database = new OutageProxy(postgres);
        bucket = new OutageProxy(URI.create(s3).getPort());
        publish(DATABASE, database);
        publish(BUCKET, bucket);
        Map<String, String> settings = new java.util.HashMap<>(LocalPostgres.datasourceProperties(database.port()));
        settings.put("quarkus.s3.endpoint-override", "http://127.0.0.1:" + bucket.port());
        return settings;
    }

    private static void publish(String name, OutageProxy proxy) {
        System.setProperty("outage." + name + ".control", String.valueOf(proxy.controlPort()));
    }

    /** Takes {@code what} ({@link #DATABASE} or {@link #BUCKET}) away: connections reset, new ones refused. */
    public static void down(String what) {
        OutageProxy.send(Integer.getInteger("outage." + what + ".control"), "down");
    }

    public static void up(String what) {
        OutageProxy.send(Integer.getInteger("outage." + what + ".control"), "up");
    }

    @Override
    public void stop() {
        database.close();
        bucket.close();
    }
}
