package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.store.Interview;
import dev.intake.testing.Eventually;
import dev.intake.testing.LocalMode;
import dev.intake.testing.StalledInterviews;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * `intake serve` on local data is a long-running process, and recovers what stalls on its own, on
 * production's schedule: what a crash or a kill -9 left behind is resumed without anyone sweeping.
 */
@QuarkusTest
@TestProfile(LocalMode.class)
class ServeCommandTest {

    @Inject
    CommandLine.IFactory factory;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;

    /** Runs `serve --port 0` with {@code options} until {@code done} holds, then stops it as Ctrl-C would; returns what it printed. */
    static String serveUntil(CommandLine.IFactory factory, Runnable done, String... options) throws Exception {
        RunningServe serve = RunningServe.start(factory, options);
        int exit;
        try {
            done.run();
        } finally {
            exit = serve.stop();
        }
        assertEquals(0, exit, serve.output());
        return serve.output();
    }

    @Test
    void serve_resumes_an_interview_a_crash_left_stalled_without_anyone_running_sweep() throws Exception {
        UUID abandoned = stalled.uploadedThenAbandoned();

        String out = serveUntil(factory, () -> Eventually.await(() -> data.interview(abandoned),
                i -> i.status().isSettled(), Duration.ofSeconds(30), "serve's sweeper to bring " + abandoned + " to an end"));

        Interview after = data.interview(abandoned);
        assertEquals(InterviewStatus.READY, after.status());
        assertEquals(1, after.resumeCount());
        java.util.regex.Matcher sweeping = java.util.regex.Pattern
                .compile("sweeping every 30 s: what stalls is resumed or failed within (\\d+) s").matcher(out);
        assertTrue(sweeping.find(), out);
        assertTrue(Integer.parseInt(sweeping.group(1)) <= 120, "within two minutes: " + sweeping.group());
    }

    @Test
    void serve_answers_the_console_at_its_root_and_its_json_to_operators_only() throws Exception {
        try (RunningServe serve = RunningServe.start(factory)) {
            String root = serve.root() + "/";
            var http = java.net.http.HttpClient.newHttpClient();
            var page = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("operator console"), page.body());
            var anonymous = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "console/overview")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(401, anonymous.statusCode());
            var overview = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "console/overview?window=2h"))
                    .header("Authorization", "Bearer " + dev.intake.testing.Tokens.forUser(dev.intake.access.LocalUser.ID)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, overview.statusCode(), overview.body());
            assertEquals(7200, new com.fasterxml.jackson.databind.ObjectMapper().readTree(overview.body()).get("windowSeconds").asLong());
            var function = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "interview-status/" + UUID.randomUUID()))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(401, function.statusCode(), "the functions are still served beside it: " + function.body());
        }
    }
}
