package dev.intake.testing;

import java.util.Map;

import dev.intake.embedded.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One real PostgreSQL server for the whole test JVM. Quarkus loads test resources again for every
 * test profile in a fresh class loader, so the port is kept in a system property and the running
 * server reused.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static final String PORT = "embedded.test.postgres.port";

    @Override
    public Map<String, String> start() {
        return LocalPostgres.datasourceProperties(serverPort());
    }

    /** The tests' server, started (and published to every class loader) by whichever test needs it first. */
    public static synchronized int serverPort() {
        String port = System.getProperty(PORT);
        if (port == null) {
            LocalPostgres server = LocalPostgres.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            port = String.valueOf(server.port());
            System.setProperty(PORT, port);
        }
        return Integer.parseInt(port);
    }

    @Override
    public void stop() {
        // The server outlives each application started by the tests; the JVM's shutdown hook stops it.
    }
}
