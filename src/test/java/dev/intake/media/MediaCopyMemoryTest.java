package dev.intake.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.intake.embedded.LocalS3;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Media is streamed, never held whole: a 50 MB download of unknown length is copied into the bucket by
 * a JVM whose heap is capped at 32 MB. The copy runs in a JVM of its own so the cap applies to it
 * alone, not to the servers of the test.
 */
class MediaCopyMemoryTest {

    private static final int SIZE = 50 * 1024 * 1024;
    private static final int PART = 5 * 1024 * 1024;
    /**
     * 32 MB of heap with the serial collector, the one the JVM picks on a single-vCPU Lambda. (G1, on
     * two or more CPUs, splits the heap into regions and needs contiguous ones for the 5 MB part
     * buffer; it wants about 48 MB for the same copy.) Override with -Dprobe.heap to explore.
     */
    private static final String HEAP = System.getProperty("probe.heap", "-Xmx32m -XX:+UseSerialGC");

    @Test
    void fifty_megabytes_copy_through_a_32_megabyte_heap() throws Exception {
        MessageDigest served = MessageDigest.getInstance("SHA-256");
        HttpServer source = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        source.createContext("/recording.mp4", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "video/mp4");
            exchange.sendResponseHeaders(200, 0); // chunked: the length is not announced
            Random random = new Random(42);
            byte[] chunk = new byte[64 * 1024];
            try (OutputStream out = exchange.getResponseBody()) {
                for (int sent = 0; sent < SIZE; sent += chunk.length) {
                    random.nextBytes(chunk);
                    served.update(chunk);
                    out.write(chunk);
                }
            }
        });
        source.start();
        try (LocalS3 s3Server = LocalS3.start(null);
             S3Client s3 = client(s3Server.endpoint())) {
            s3.createBucket(b -> b.bucket("memory-test"));
            String url = "http://127.0.0.1:" + source.getAddress().getPort() + "/recording.mp4";

            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(List.of(HEAP.split(" ")));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), MediaCopyProbe.class.getName(),
                    url, s3Server.endpoint(), "memory-test", "interviews/big.mp4", String.valueOf(PART)));
            Process probe = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(probe.waitFor(120, TimeUnit.SECONDS), "the probe finished");
            assertEquals(0, probe.exitValue(), output);
            assertTrue(output.contains("copied " + SIZE), output);

            MessageDigest stored = MessageDigest.getInstance("SHA-256");
            try (InputStream in = s3.getObject(b -> b.bucket("memory-test").key("interviews/big.mp4"))) {
                byte[] buffer = new byte[64 * 1024];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    stored.update(buffer, 0, n);
                }
            }
            assertArrayEquals(served.digest(), stored.digest());
        } finally {
            source.stop(0);
        }
    }

    private static S3Client client(String endpoint) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
