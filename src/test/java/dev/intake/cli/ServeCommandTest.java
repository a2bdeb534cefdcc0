package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.intake.store.Interview;
import dev.intake.testing.Eventually;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * `intake serve` on local data is a long-running process, and recovers what stalls on its own, on
 * production's schedule: what a crash or a kill -9 left behind is resumed without anyone sweeping.
 */
@QuarkusTest
@TestProfile(ServeCommandTest.InLocalMode.class)
class ServeCommandTest {

    /** As the launcher runs serve when no database is configured. */
    public static class InLocalMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.local-mode", "true");
        }
    }

    @Inject
    CommandLine.IFactory factory;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;

    /** Runs `serve --port 0` until {@code done} holds, then stops it as Ctrl-C would; returns what it printed. */
    static String serveUntil(CommandLine.IFactory factory, Runnable done) throws Exception {
        ServeCommand serve = factory.create(ServeCommand.class);
        CountDownLatch stop = new CountDownLatch(1);
        serve.lifetime = stop::await;
        StringWriter out = new StringWriter();
        AtomicInteger exit = new AtomicInteger(-1);
        Thread serving = new Thread(() -> exit.set(new CommandLine(serve, factory).setOut(new PrintWriter(out))
                .execute("--port", "0")), "serve-under-test");
        serving.start();
        try {
            done.run();
        } finally {
            stop.countDown();
            serving.join(Duration.ofSeconds(40).toMillis());
        }
        assertEquals(0, exit.get(), out.toString());
        return out.toString();
    }

    @Test
    void serve_resumes_an_interview_a_crash_left_stalled_without_anyone_running_sweep() throws Exception {
        UUID abandoned = stalled.uploadedThenAbandoned();

        String out = serveUntil(factory, () -> Eventually.await(() -> data.interview(abandoned),
                i -> i.status().isSettled(), Duration.ofSeconds(30), "serve's sweeper to bring " + abandoned + " to an end"));

        Interview after = data.interview(abandoned);
        assertEquals(InterviewStatus.READY, after.status());
        assertEquals(1, after.resumeCount());
        assertTrue(out.contains("sweeping every 2 min, as production does"), out);
    }
}
