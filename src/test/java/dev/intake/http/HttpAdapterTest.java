package dev.intake.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.functions.InterviewStatusFunction;
import dev.intake.functions.RecallWebhookFunction;
import dev.intake.functions.UploadCompletedFunction;
import dev.intake.functions.UrlImportFunction;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.LogCapture;
import dev.intake.testing.ShortDatabaseLimits;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** What every Function URL entry point answers before and around its own work: size limits, and a silent database. */
@QuarkusTest
@TestProfile(ShortDatabaseLimits.class)
class HttpAdapterTest {

    @Inject
    InterviewStatusFunction status;
    @Inject
    UrlImportFunction urlImport;
    @Inject
    RecallWebhookFunction recall;
    @Inject
    UploadCompletedFunction uploadCompleted;
    @Inject
    ObjectMapper json;
    @Inject
    Db db;
    @Inject
    TestData data;
    @Inject
    WorkspaceStore workspace;

    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private HttpRequest request(String method, String query, Map<String, String> headers, byte[] body) {
        try {
            return json.readValue(FunctionUrlEvents.request(method, "/", query, headers, body, false), HttpRequest.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] jsonOf(int bytes) {
        return ("{\"pad\": \"" + "x".repeat(bytes) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void a_body_over_each_entry_points_limit_is_refused_with_413_before_anything_else() {
        Map<String, String> unauthenticated = Map.of("content-type", "application/json");
        assertEquals(413, urlImport.urlImport(request("POST", null, unauthenticated, jsonOf(64 * 1024))).statusCode());
        assertEquals(413, recall.recallWebhook(request("POST", null, unauthenticated, jsonOf(256 * 1024))).statusCode());
        assertEquals(413, status.interviewStatus(request("GET", null, unauthenticated, jsonOf(1024))).statusCode());
        var forwarded = json.valueToTree(request("POST", null, Map.of("x-intake-forward-secret", "test-forward-secret"),
                jsonOf(1024 * 1024)));
        assertEquals(413, uploadCompleted.uploadCompleted((com.fasterxml.jackson.databind.JsonNode) forwarded)
                .get("statusCode").asInt());
        // Under the limits, the same requests go on to be checked (and refused) for what they lack.
        assertEquals(401, urlImport.urlImport(request("POST", null, unauthenticated, jsonOf(1000))).statusCode());
        assertEquals(401, recall.recallWebhook(request("POST", null, unauthenticated, jsonOf(1000))).statusCode());
    }

    @Test
    void a_malformed_query_string_is_a_400_at_every_entry_point() {
        HttpResponse response = urlImport.urlImport(request("POST", "a=%e", Map.of("content-type", "application/json"),
                jsonOf(10)));
        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("the query string is not URL-encoded: '%e'"), response.body());
        assertEquals(400, recall.recallWebhook(request("POST", "x=%00", Map.of(), jsonOf(10))).statusCode());
    }

    @Test
    void a_database_that_gives_no_connection_is_a_503_to_retry_logged_in_one_line() throws Exception {
        TestData.Project project = data.project();
        UUID user = UUID.randomUUID();
        workspace.ensureMember(project.accountId(), user, "member");
        MediaKey key = data.uploadingInterview(project, "call.vtt");

        CountDownLatch holding = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<Object>> holders = List.of(hold(holding, release), hold(holding, release));
        assertTrue(holding.await(10, TimeUnit.SECONDS), "both pooled connections held");
        HttpResponse response;
        try (LogCapture logs = LogCapture.start()) {
            response = status.interviewStatus(request("GET", "interviewId=" + key.interviewId(),
                    Map.of("authorization", "Bearer " + Tokens.forUser(user)), null));
            List<LogCapture.Line> lines = logs.saying("interview-status");
            assertEquals(1, lines.size(), lines.toString());
            assertEquals("WARN", lines.get(0).level().getName());
            assertTrue(lines.get(0).says("could not serve request 8a2c1f4e-7b3d-4c5e-9f6a-0b1c2d3e4f5a: the database did"
                    + " not give a connection in 1 s; answered 503"), lines.get(0).message());
            assertNull(lines.get(0).thrown(), "no stack trace for a passing failure");
        } finally {
            release.countDown();
            CompletableFuture.allOf(holders.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        }
        assertEquals(503, response.statusCode());
        assertEquals("10", response.headers().get("retry-after"));
        assertEquals("{\"error\":\"the database is not answering; try again in 10 s\"}", response.body());
    }

    private CompletableFuture<Object> hold(CountDownLatch holding, CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> db.inTransaction(tx -> {
            tx.execute("SELECT 1", Tuple.tuple());
            holding.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), threads);
    }
}
