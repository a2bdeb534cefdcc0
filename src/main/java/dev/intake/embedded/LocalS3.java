package dev.intake.embedded;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3-API server (S3Proxy) on loopback, for local mode and tests. With a data folder objects are
 * files that survive restarts; without one they live in memory.
 */
public final class LocalS3 implements AutoCloseable {

    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret";
    public static final String REGION = "us-east-1";

    private final S3Proxy server;

    private LocalS3(S3Proxy server) {
        this.server = server;
    }

    public static LocalS3 start(Path dataDirectory) {
        try {
            var blobStore = dataDirectory == null
                    ? new TransientNio2BlobStore()
                    : new FilesystemNio2BlobStore(Files.createDirectories(dataDirectory).toString());
            S3Proxy server = S3Proxy.builder()
                    .blobStore(blobStore)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            server.start();
            while (!"STARTED".equals(server.getState())) {
                Thread.sleep(10);
            }
            return new LocalS3(server);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the embedded S3 server: " + e.getMessage(), e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getPort();
    }

    /** The Quarkus S3 client settings that point the application at this server. */
    public Map<String, String> clientProperties() {
        return clientProperties(endpoint());
    }

    /** The settings for a server of this kind already running at {@code endpoint}. */
    public static Map<String, String> clientProperties(String endpoint) {
        return Map.of(
                "quarkus.s3.endpoint-override", endpoint,
                "quarkus.s3.path-style-access", "true",
                "quarkus.s3.aws.region", REGION,
                "quarkus.s3.aws.credentials.type", "static",
                "quarkus.s3.aws.credentials.static-provider.access-key-id", ACCESS_KEY,
                "quarkus.s3.aws.credentials.static-provider.secret-access-key", SECRET_KEY);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the embedded S3 server: " + e.getMessage(), e);
        }
    }
}
