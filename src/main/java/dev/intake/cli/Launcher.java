package dev.intake.cli;

import dev.intake.cli.measure.ThroughputCommand;
import dev.intake.local.StartupTrace;
import dev.intake.local.DatabaseRestarts;
import dev.intake.local.LocalSecrets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.intake.embedded.LocalPostgres;
import dev.intake.embedded.LocalS3;
import dev.intake.embedded.LocalServers;
import dev.intake.embedded.PostgresSupervisor;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * The command-line entry point. Every command uses the configured database and bucket; when no
 * database is configured at all (see {@link DatabaseSettings}) it runs in local mode instead, on an
 * embedded PostgreSQL and S3 server started here, before the application reads its configuration,
 * with their data kept under {@code intake.home} (default {@code .intake}) between runs.
 * {@code INTAKE_EMBEDDED=false} forbids local mode: with no database configured the command then
 * stops, saying so. A configured database is never replaced by the embedded one, so a command meant
 * for it cannot report success on a throwaway database. On Lambda's Java runtime this class is not
 * used (the Funqy handler starts the application); as a native executable it is the {@code bootstrap},
 * which, started by Lambda with no arguments, serves invocations ({@link LambdaBootstrap}).
 */
@QuarkusMain
public final class Launcher {

    private static final Set<String> LOCAL_COMMANDS = Set.of("process", "eval", "serve", "throughput");
    private static final Set<String> COMMANDS = Set.of("process", "eval", "serve", "diagnose", "workflow-state", "repair", "sweep",
            "migrate", "audit-schema", "throughput", "sweep-scan");

    private Launcher() {
    }

    public static void main(String... args) {
        StartupTrace.mark("main");
        // Before anything touches java.util.logging, so the application's log manager takes it over.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        if (LambdaBootstrap.isWanted(System.getenv(), args)) {
            Quarkus.run(LambdaBootstrap.class, args);
            return;
        }
        // The Lambda binding insists on one exported function even when no Lambda invokes it; the
        // commands call the functions as beans, so any one will do.
        if (System.getenv("QUARKUS_FUNQY_EXPORT") == null && System.getProperty("quarkus.funqy.export") == null) {
            System.setProperty("quarkus.funqy.export", "upload-completed");
        }
        if (System.getenv("QUARKUS_LOG_CONSOLE_JSON_ENABLED") == null) {
            // Commands are read by people: plain log lines (Lambda, which never runs this, logs JSON).
            System.setProperty("quarkus.log.console.json.enabled", "false");
        }
        boolean local = args.length > 0 && LOCAL_COMMANDS.contains(args[0]);
        if (local && System.getProperty("quarkus.log.level") == null && System.getenv("QUARKUS_LOG_LEVEL") == null) {
            // The command prints its own progress; log lines would only interleave with it.
            System.setProperty("quarkus.log.level", "WARN");
        }
        boolean needsData = args.length > 0 && COMMANDS.contains(args[0]) && !asksForHelp(args);
        if (needsData) {
            ArgumentCheck.problem(args).ifPresent(problem -> {
                System.err.println(problem);
                System.exit(2);
            });
        }
        if (needsData && DatabaseSettings.ofThisProcess().configuredBy().isEmpty()) {
            if (!embeddedWanted()) {
                System.err.println("intake " + args[0] + ": no database is configured (QUARKUS_DATASOURCE_REACTIVE_URL,"
                        + " QUARKUS_DATASOURCE_JDBC_URL) and INTAKE_EMBEDDED=false forbids the embedded one");
                System.exit(2);
            }
            try {
                startEmbeddedServices(home(), args[0].equals("serve"));
            } catch (IllegalStateException | java.io.UncheckedIOException e) {
                // Expected when the data folder is another command's: one line says what to do.
                System.err.println("intake " + args[0] + ": " + e.getMessage());
                System.exit(1);
            }
            System.setProperty("intake.local-mode", "true");
            if (args[0].equals("serve")) {
                LocalSecrets.makeUpMissing();
            }
        } else if (needsData && args[0].equals("throughput") && System.getenv("QUARKUS_S3_ENDPOINT_OVERRIDE") == null) {
            // The engine measured against the configured database (bench/run's PostgreSQL); the media
            // go to a throwaway local bucket, since the bench is about the engine, not S3.
            try {
                startEmbeddedS3(java.nio.file.Files.createTempDirectory("intake-throughput-s3-"));
                System.setProperty(ThroughputCommand.OWN_BUCKET, "true");
            } catch (java.io.IOException e) {
                System.err.println("intake throughput: cannot make a folder for the local bucket: " + e.getMessage());
                System.exit(1);
            }
        }
        StartupTrace.mark("application starting");
        Quarkus.run(IntakeCli.class, args);
    }

    private static boolean asksForHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    private static boolean embeddedWanted() {
        return !"false".equalsIgnoreCase(System.getenv().getOrDefault("INTAKE_EMBEDDED", "true"));
    }

    private static Path home() {
        String home = System.getProperty("intake.home", System.getenv().getOrDefault("INTAKE_HOME", ".intake"));
        return Path.of(home).toAbsolutePath();
    }

    /**
     * Shutdown hooks run side by side: the servers wait for the application to stop first (serve's last
     * sweep finishing, a step writing its result), so nothing meets a database that is already gone. A
     * stop that takes too long is not waited for past the sweep's own limit.
     */
    private static void awaitApplicationStop() {
        io.quarkus.runtime.Application application = io.quarkus.runtime.Application.currentApplication();
        if (application == null) {
            return;
        }
        Thread waiter = new Thread(application::awaitShutdown, "intake-await-stop");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(java.time.Duration.ofSeconds(35).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void startEmbeddedServices(Path home, boolean longRunning) {
        System.err.println("Starting embedded PostgreSQL and S3 (data in " + home + ") ...");
        // The servers' start-up chatter is not for the user. The shutdown hook below keeps these
        // loggers reachable, so their levels are not lost to garbage collection.
        List<Logger> quiet = List.of(Logger.getLogger("io.zonky"), Logger.getLogger("org.gaul"));
        quiet.forEach(logger -> logger.setLevel(Level.WARNING));
        LocalServers servers = LocalServers.start(home);
        StartupTrace.mark("embedded servers started");
        LocalPostgres postgres = servers.postgres();
        // serve runs for hours: a database that dies under it is started again, or serve ends saying so.
        PostgresSupervisor supervisor = longRunning ? PostgresSupervisor.watch(postgres, PostgresSupervisor.Limits.DEFAULT,
                new DatabaseRestarts(postgres)) : null;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Their shutdown chatter is not for the user either; naming the loggers here keeps them held.
            quiet.forEach(logger -> logger.setLevel(Level.WARNING));
            awaitApplicationStop();
            StartupTrace.mark("application stopped");
            if (supervisor != null) {
                supervisor.close();
            }
            servers.close();
            StartupTrace.mark("embedded servers stopped");
        }, "intake-embedded-shutdown"));
        postgres.datasourceProperties().forEach(System::setProperty);
        LocalPostgres.directConnectionProperties().forEach(System::setProperty);
        servers.s3().clientProperties().forEach(System::setProperty);
    }

    private static void startEmbeddedS3(Path folder) {
        Logger quiet = Logger.getLogger("org.gaul");
        quiet.setLevel(Level.WARNING);
        LocalS3 s3 = LocalS3.start(folder);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            quiet.setLevel(Level.WARNING);
            awaitApplicationStop();
            s3.close();
        }, "intake-embedded-s3-shutdown"));
        s3.clientProperties().forEach(System::setProperty);
    }
}
