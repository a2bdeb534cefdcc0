package dev.intake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * PgBouncer in transaction mode in front of the embedded PostgreSQL, as Supabase's pooler, RDS Proxy or
 * a PgBouncer would stand in front of production: every transaction may land on another server
 * connection. Needs the pgbouncer binary (Debian's package; .ci/run installs it).
 */
public class PgBouncerResource implements QuarkusTestResourceLifecycleManager {

    static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private Process process;

    public static boolean available() {
        return Files.isExecutable(BINARY);
    }

    @Override
    public Map<String, String> start() {
        if (!available()) {
            return Map.of();
        }
        int postgres = Integer.parseInt(new PostgresResource().start().get("quarkus.datasource.reactive.url")
                .replaceAll(".*:(\\d+)/.*", "$1"));
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path dir = Files.createTempDirectory("pgbouncer", PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwxr-xr-x")));
            Path ini = dir.resolve("pgbouncer.ini");
            Files.writeString(ini, String.join("\n",
                    "[databases]",
                    "postgres = host=127.0.0.1 port=" + postgres + " dbname=postgres user=postgres",
                    "[pgbouncer]",
                    "listen_addr = 127.0.0.1",
                    "listen_port = " + port,
                    "unix_socket_dir =",
                    "auth_type = trust",
                    "auth_file = " + dir.resolve("users.txt"),
                    "pool_mode = transaction",
                    "default_pool_size = 4",
                    "max_client_conn = 200",
                    "ignore_startup_parameters = extra_float_digits,options",
                    "") + "\n");
            Files.writeString(dir.resolve("users.txt"), "\"postgres\" \"postgres\"\n");
            List<String> command = new ArrayList<>(List.of(BINARY.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody")); // pgbouncer refuses to run as root
            }
            command.add(ini.toString());
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("pgbouncer.log").toFile()).start();
            awaitListening(port, dir.resolve("pgbouncer.log"));
            return Map.of("quarkus.datasource.reactive.url", "postgresql://127.0.0.1:" + port + "/postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start pgbouncer", e);
        }
    }

    private void awaitListening(int port, Path log) throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                if (!process.isAlive()) {
                    throw new IOException("pgbouncer exited: " + Files.readString(log));
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for pgbouncer", e);
                }
            }
        }
        throw new IOException("pgbouncer did not listen on " + port + ": " + Files.readString(log));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }
}
