package dev.intake.embedded;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The embedded PostgreSQL and S3 servers of local mode, on one data folder ({@code postgres/} and
 * {@code s3/} in it). The two share nothing, so they start side by side: PostgreSQL mostly waits on its
 * own processes while S3 loads its classes, and a command waits for the slower of the two only. When
 * either cannot start, the other is stopped and the failure is the one that stopped it.
 */
public record LocalServers(LocalPostgres postgres, LocalS3 s3) implements AutoCloseable {

    public static LocalServers start(Path home) {
        CompletableFuture<LocalS3> s3Started = CompletableFuture.supplyAsync(() -> LocalS3.start(home.resolve("s3")),
                task -> new Thread(task, "intake-s3-start").start());
        LocalPostgres postgres;
        try {
            postgres = LocalPostgres.start(home.resolve("postgres"));
        } catch (RuntimeException e) {
            s3Started.thenAccept(LocalS3::close);
            throw e;
        }
        try {
            return new LocalServers(postgres, s3Started.join());
        } catch (CompletionException e) {
            postgres.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** S3 first: nothing the database holds depends on it, and PostgreSQL's stop is the longer. */
    @Override
    public void close() {
        try {
            s3.close();
        } finally {
            postgres.close();
        }
    }
}
