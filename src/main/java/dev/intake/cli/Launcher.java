package dev.intake.cli;

import java.nio.file.Path;
import java.util.Set;

import dev.intake.embedded.LocalPostgres;
import dev.intake.embedded.LocalS3;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The command-line entry point. The local commands ({@code process}) run on an embedded PostgreSQL
 * and S3 server, started here before the application reads its configuration, with their data kept
 * under {@code intake.home} (default {@code .intake}) between runs. Set {@code INTAKE_EMBEDDED=false}
 * to use the configured database and bucket instead. In Lambda this class is not used: the Funqy
 * handler starts the application.
 */
@QuarkusMain
public final class Launcher {

    private static final Set<String> LOCAL_COMMANDS = Set.of("process");

    private Launcher() {
    }

    public static void main(String... args) {
        if (args.length > 0 && LOCAL_COMMANDS.contains(args[0]) && embeddedWanted()) {
            startEmbeddedServices(home());
        }
        Quarkus.run(IntakeCli.class, args);
    }

    private static boolean embeddedWanted() {
        return !"false".equalsIgnoreCase(System.getenv().getOrDefault("INTAKE_EMBEDDED", "true"));
    }

    private static Path home() {
        String home = System.getProperty("intake.home", System.getenv().getOrDefault("INTAKE_HOME", ".intake"));
        return Path.of(home).toAbsolutePath();
    }

    private static void startEmbeddedServices(Path home) {
        System.err.println("Starting embedded PostgreSQL and S3 (data in " + home + ") ...");
        LocalPostgres postgres = LocalPostgres.start(home.resolve("postgres"));
        LocalS3 s3 = LocalS3.start(home.resolve("s3"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            s3.close();
            postgres.close();
        }, "intake-embedded-shutdown"));
        postgres.datasourceProperties().forEach(System::setProperty);
        s3.clientProperties().forEach(System::setProperty);
    }
}
