package dev.intake.media;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import dev.intake.media.GuardedHttp;
import dev.intake.media.MediaCopier;
import dev.intake.media.MediaCopyMemoryTest;
import dev.intake.media.MediaDownload;
import dev.intake.media.UrlGuard;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Run in a JVM of its own with a small heap by {@link MediaCopyMemoryTest}: fetches a URL through the
 * guarded client and copies it into a bucket, as the upload step does. Prints the bytes copied.
 * Arguments: source URL, S3 endpoint, bucket, key, part size.
 */
public final class MediaCopyProbe {

    private MediaCopyProbe() {
    }

    public static void main(String[] args) throws Exception {
        URI source = URI.create(args[0]);
        S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(args[1]))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local-secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        UrlGuard guard = new UrlGuard(true, List.of(source.getHost() + ":" + source.getPort()));
        GuardedHttp http = new GuardedHttp(guard, Duration.ofSeconds(5), Duration.ofSeconds(30));
        try (MediaDownload download = http.open(args[0])) {
            long copied = new MediaCopier(s3, args[2], Integer.parseInt(args[4]))
                    .copy(download.body(), download.contentLength(), "video/mp4", args[3], Long.MAX_VALUE);
            System.out.println("copied " + copied);
        } finally {
            http.close();
            s3.close();
        }
    }
}
