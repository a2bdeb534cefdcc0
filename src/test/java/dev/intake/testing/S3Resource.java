package dev.intake.testing;

import java.util.Map;

import dev.intake.embedded.LocalS3;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** One real S3-API server (S3Proxy, in-memory) for the whole test JVM; see {@link PostgresResource}. */
public class S3Resource implements QuarkusTestResourceLifecycleManager {

    private static final String ENDPOINT = "embedded.test.s3.endpoint";

    @Override
    public Map<String, String> start() {
        String endpoint = System.getProperty(ENDPOINT);
        if (endpoint == null) {
            LocalS3 server = LocalS3.start(null);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
            endpoint = server.endpoint();
            System.setProperty(ENDPOINT, endpoint);
        }
        return LocalS3.clientProperties(endpoint);
    }

    @Override
    public void stop() {
        // See PostgresResource.stop.
    }
}
