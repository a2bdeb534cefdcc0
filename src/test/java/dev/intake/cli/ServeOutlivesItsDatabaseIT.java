package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * `./intake serve` as a person runs it, on local data, when its embedded PostgreSQL is killed with
 * SIGKILL: serve starts the server again, answers again, and an interview in flight at the kill
 * reaches ready; when the data folder cannot be served any more, serve ends non-zero with one line
 * saying why and what to run. Stopping it never prints a stack trace or an ERROR. Builds the local
 * package through the script when it is missing or older than the sources, as `./intake` does.
 */
class ServeOutlivesItsDatabaseIT {

    private static final Path SCRIPT = Path.of("intake").toAbsolutePath();
    private static final Pattern TOKEN = Pattern.compile("a token for the local user \\(1 h\\):\\s+(\\S+)");
    private static final Pattern WORKSPACE = Pattern.compile("account (\\S+), project (\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private Process serve;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void theLocalPackageIsBuilt() throws Exception {
        // `./intake --help` builds it if needed and touches no data.
        Process help = new ProcessBuilder(SCRIPT.toString(), "--help").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(help.waitFor(20, TimeUnit.MINUTES), "the local package was built");
        assertEquals(0, help.exitValue(), "./intake --help");
    }

    @AfterEach
    void stopServe() throws InterruptedException {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly();
            serve.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path data() {
        return home.resolve("local-data").resolve("postgres");
    }

    private String out() throws IOException {
        return Files.readString(home.resolve("out"));
    }

    private String err() throws IOException {
        return Files.readString(home.resolve("err"));
    }

    /** `./intake serve --port PORT` with {@code javaOptions}, returned once it says it serves. */
    private int startServe(String javaOptions) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "serve", "--port", String.valueOf(port))
                .redirectOutput(home.resolve("out").toFile()).redirectError(home.resolve("err").toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("INTAKE_"));
        builder.environment().put("INTAKE_HOME", home.resolve("local-data").toString());
        // The build machines are shared and loaded: a first connection's class loading can hold the event loop
        // past Vert.x's 2 s warning, which prints a stack trace that says nothing about serve.
        builder.environment().put("INTAKE_JAVA_OPTS", "-Dquarkus.vertx.max-event-loop-execute-time=PT60S " + javaOptions);
        serve = builder.start();
        // The banner's last line (local data is swept): the token and ids are printed before it.
        awaitOutput(() -> out().contains("sweeping every"), Duration.ofMinutes(4), "serve to start");
        return port;
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private void awaitOutput(Check check, Duration within, String what) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!check.holds()) {
            assertTrue(System.nanoTime() < deadline, "waited " + within.toSeconds() + " s for " + what + "\n" + out() + err());
            Thread.sleep(200);
        }
    }

    private long killPostmaster() throws IOException {
        long pid = Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip());
        // SIGKILL, as kill -9: no shutdown, no checkpoint.
        assertTrue(ProcessHandle.of(pid).orElseThrow().destroyForcibly(), "SIGKILL to the postmaster " + pid);
        return pid;
    }

    private HttpResponse<String> get(String url, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertNoStackTraceNorError(String err) {
        assertFalse(err.contains("\tat "), "no stack trace:\n" + err);
        assertFalse(err.lines().anyMatch(line -> line.contains(" ERROR ") || line.startsWith("ERROR")
                || line.startsWith("Exception in thread")), "no ERROR:\n" + err);
    }

    @Test
    void serve_starts_its_killed_database_again_answers_again_and_the_interview_in_flight_reaches_ready() throws Exception {
        // The media server holds the transcript back until the database is running again, so the interview
        // is mid-step across the kill.
        CountDownLatch fetched = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        byte[] transcript = Files.readAllBytes(Path.of("samples/onboarding-interview.vtt"));
        HttpServer media = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        media.createContext("/call.vtt", exchange -> {
            fetched.countDown();
            try {
                release.await(3, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseHeaders().add("Content-Type", "text/vtt");
            exchange.sendResponseHeaders(200, transcript.length);
            exchange.getResponseBody().write(transcript);
            exchange.close();
        });
        media.start();
        String mediaHost = "127.0.0.1:" + media.getAddress().getPort();
        try {
            // Short stall and sweep clocks, as the fault tests use, so what the kill stalled is resumed in seconds.
            int port = startServe("-Dintake.url-import.allow-http=true -Dintake.url-import.allowed-hosts=" + mediaHost
                    + " -Dintake.lease=PT5S -Dintake.sweeper.stalled-after=PT10S -Dintake.sweeper.every=PT2S");
            String root = "http://127.0.0.1:" + port;
            Matcher token = TOKEN.matcher(out());
            Matcher workspace = WORKSPACE.matcher(out());
            assertTrue(token.find() && workspace.find(), out());

            HttpResponse<String> imported = http.send(HttpRequest.newBuilder(URI.create(root + "/url-import"))
                    .header("Authorization", "Bearer " + token.group(1)).header("content-type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(java.util.Map.of(
                            "accountId", workspace.group(1), "projectId", workspace.group(2),
                            "url", "http://" + mediaHost + "/call.vtt")))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, imported.statusCode(), imported.body());
            String interview = JSON.readTree(imported.body()).get("interviewId").asText();
            assertTrue(fetched.await(2, TimeUnit.MINUTES), "the upload step fetched the media\n" + err());

            long killed = killPostmaster();
            awaitOutput(() -> err().contains("the embedded PostgreSQL stopped; it is running again"), Duration.ofMinutes(2),
                    "serve to start its database again");
            release.countDown();

            assertNotEquals(killed, Long.parseLong(Files.readAllLines(data().resolve("postmaster.pid")).get(0).strip()));
            String statusUrl = root + "/interview-status/" + interview;
            awaitOutput(() -> get(statusUrl, token.group(1)).statusCode() == 200, Duration.ofMinutes(1),
                    "interview-status to answer again");
            awaitOutput(() -> settled(get(statusUrl, token.group(1))), Duration.ofMinutes(3), "the interview to settle");
            JsonNode status = JSON.readTree(get(statusUrl, token.group(1)).body());
            assertEquals("ready", status.get("status").asText(), status.toString());
        } finally {
            release.countDown();
            media.stop(0);
        }

        int said = err().length();
        serve.destroy();
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops serve");
        assertNoStackTraceNorError(err().substring(said));
    }

    private static boolean settled(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            return false;
        }
        String status = JSON.readTree(response.body()).get("status").asText();
        return List.of("ready", "error").contains(status);
    }

    @Test
    void serve_whose_database_folder_cannot_be_served_any_more_ends_non_zero_with_one_line_saying_what_to_run() throws Exception {
        startServe("");
        // A running server does not read it again; the next one refuses a folder without it.
        Files.delete(data().resolve("PG_VERSION"));

        killPostmaster();

        assertTrue(serve.waitFor(3, TimeUnit.MINUTES), "serve ended on its own\n" + err());
        assertNotEquals(0, serve.exitValue(), err());
        String err = err();
        List<String> said = err.lines().filter(line -> line.contains("could not be started again")).toList();
        assertEquals(1, said.size(), err);
        assertTrue(said.get(0).startsWith("intake serve: ") && said.get(0).contains("not a database cluster directory")
                && said.get(0).contains("./intake serve"), said.get(0));
        List<String> lines = err.lines().filter(line -> !line.isBlank()).toList();
        assertEquals(said.get(0), lines.get(lines.size() - 1), "the last word is why and what to run:\n" + err);
        assertNoStackTraceNorError(err);
    }

    @Test
    void serve_stopped_while_its_database_is_up_or_down_prints_no_stack_trace() throws Exception {
        startServe("");
        int said = err().length();
        serve.destroy();
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops serve");
        assertNoStackTraceNorError(err().substring(said));

        startServe("");
        // A dead server the watch has not yet started again, or is starting: stopping must still be quiet.
        said = err().length();
        killPostmaster();
        serve.destroy();
        assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops serve");
        assertNoStackTraceNorError(err().substring(said));
    }

}
