package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testing.Eventually;
import dev.intake.testing.OutageResource;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * `intake serve` on a configured database it does not own: when that database goes away serve
 * restarts nothing, answers 503 saying the database is not answering and when to try again, and
 * answers as before once the database is back, without being restarted itself.
 */
@QuarkusTest
@TestProfile(ServeThroughADatabaseOutageTest.ConfiguredDatabaseBehindAnOutage.class)
class ServeThroughADatabaseOutageTest {

    /** The configured database behind a proxy the test can take away. */
    public static class ConfiguredDatabaseBehindAnOutage implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(OutageResource.class));
        }
    }

    @Inject
    CommandLine.IFactory factory;
    @Inject
    TestData data;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> status(String root) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(root + "/interview-status/" + UUID.randomUUID()))
                .header("Authorization", "Bearer " + Tokens.forUser(UUID.randomUUID())).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void serve_answers_503_saying_so_while_its_database_is_away_and_as_before_once_it_is_back() throws Exception {
        TestData.Project project = data.project();
        try (RunningServe serve = RunningServe.start(factory, "--project", project.projectId().toString())) {
            String root = serve.root();
            int before = status(root).statusCode();
            assertNotEquals(503, before);

            OutageResource.down(OutageResource.DATABASE);
            HttpResponse<String> away;
            try {
                away = status(root);
            } finally {
                OutageResource.up(OutageResource.DATABASE);
            }

            assertEquals(503, away.statusCode(), away.body());
            assertTrue(away.body().contains("the database is not answering; try again in"), away.body());
            assertTrue(away.headers().firstValue("retry-after").isPresent(), away.headers().toString());
            HttpResponse<String> back = Eventually.await(() -> status(root), r -> r.statusCode() != 503, Duration.ofSeconds(30),
                    "serve to answer again once its database is back");
            assertEquals(before, back.statusCode(), back.body());
        }
    }
}
