package dev.intake.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.access.LocalUser;
import dev.intake.functions.OpsConsoleFunction;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.LocalMode;
import dev.intake.testing.StalledInterviews;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The operator console on local data, called as the ops-console function (which `intake serve` routes
 * the console's paths to, and Lambda hands its Function URL requests): only operators read it or act
 * through it, and on local data serve's local user is one.
 */
@QuarkusTest
@TestProfile(LocalMode.class)
class OperatorConsoleTest {

    private static final String OPERATOR = "Bearer " + Tokens.forUser(LocalUser.ID);

    @Inject
    OpsConsoleFunction function;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;
    @Inject
    Db db;
    @Inject
    ObjectMapper json;
    @Inject
    dev.intake.engine.Repairs repairs;
    @Inject
    dev.intake.engine.Engines engines;

    private HttpResponse get(String path, String query, String authorization) {
        return call("GET", path, query, authorization, null);
    }

    private HttpResponse post(String path, String body, String authorization) {
        return call("POST", path, "", authorization, body.getBytes(StandardCharsets.UTF_8));
    }

    /** As Lambda hands the ops-console function a Function URL request (and serve its local requests). */
    private HttpResponse call(String method, String path, String query, String authorization, byte[] body) {
        try {
            HttpRequest request = json.readValue(FunctionUrlEvents.request(method, path, query,
                    authorization == null ? Map.of() : Map.of("authorization", authorization), body, false), HttpRequest.class);
            return function.opsConsole(request);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode body(HttpResponse response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void an_operator_is_a_user_named_on_the_list_and_an_empty_list_names_nobody() {
        UUID user = UUID.fromString("0b6f0f9e-5d0e-4a5e-9d1e-3f0c2b8a7c11");
        assertTrue(OperatorConsole.listed(java.util.List.of("someone-else", " 0B6F0F9E-5D0E-4A5E-9D1E-3F0C2B8A7C11 "), user));
        assertTrue(!OperatorConsole.listed(java.util.List.of(), user));
        assertTrue(!OperatorConsole.listed(java.util.List.of(UUID.randomUUID().toString()), user));
    }

    @Test
    void the_pages_load_without_a_token_and_ask_for_one() {
        HttpResponse overview = get("/", "", null);
        assertEquals(200, overview.statusCode());
        assertTrue(overview.headers().get("content-type").startsWith("text/html"));
        assertTrue(overview.body().contains("id=\"token\""), overview.body());
        HttpResponse page = get("/interviews/" + UUID.randomUUID(), "", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Repair from its step"), page.body());
        assertEquals(200, get("/console/console.js", "", null).statusCode());
    }

    @Test
    void without_a_token_the_console_answers_401_and_to_a_user_who_is_not_an_operator_403() throws Exception {
        HttpResponse anonymous = get("/console/overview", "", null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("missing Authorization header", body(anonymous).get("error").asText());

        UUID someone = UUID.randomUUID();
        HttpResponse notOperator = get("/console/overview", "", "Bearer " + Tokens.forUser(someone));
        assertEquals(403, notOperator.statusCode());
        assertTrue(body(notOperator).get("error").asText().contains("user " + someone + " is not an operator"),
                notOperator.body());

        UUID untouched = stalled.uploadedThenAbandoned();
        HttpResponse repair = post("/console/interviews/" + untouched + "/repair", "{}", "Bearer " + Tokens.forUser(someone));
        assertEquals(403, repair.statusCode());
        assertEquals(InterviewStatus.UPLOADED, data.interview(untouched).status(), "a refused repair changes nothing");
        assertEquals(401, post("/console/interviews/" + untouched + "/repair", "{}", "Bearer " + Tokens.expiredFor(LocalUser.ID))
                .statusCode());
    }

    @Test
    void the_overview_counts_the_window_by_status_and_step_and_lists_the_stuck_and_the_errors() throws Exception {
        UUID stuck = stalled.uploadedThenAbandoned();
        String message = "provider refused the audio " + UUID.randomUUID();
        stalled.failedAt("evidence", message);
        stalled.failedAt("evidence", message);

        HttpResponse response = get("/console/overview", "window=1h", OPERATOR);

        assertEquals(200, response.statusCode(), response.body());
        JsonNode view = body(response);
        assertEquals(3600, view.get("windowSeconds").asLong());
        assertTrue(count(view, "error", "evidence") >= 2, view.get("counts").toString());
        JsonNode first = null;
        for (JsonNode s : view.get("stalled")) {
            if (s.get("id").asText().equals(stuck.toString())) {
                first = s;
            }
        }
        assertTrue(first != null, "the abandoned interview is listed as stuck: " + view.get("stalled"));
        assertEquals("uploaded", first.get("status").asText());
        assertEquals("upload", first.get("step").asText());
        assertTrue(first.get("silentSeconds").asLong() >= 1800, first.toString());
        assertEquals(0, first.get("resumes").asInt());
        boolean grouped = false;
        for (JsonNode e : view.get("errors")) {
            if (e.get("message").asText().equals(message)) {
                grouped = true;
                assertEquals("evidence", e.get("step").asText());
                assertEquals(2, e.get("count").asLong());
            }
        }
        assertTrue(grouped, "the two failures are one group: " + view.get("errors"));
        long oldestFirst = Long.MAX_VALUE;
        for (JsonNode s : view.get("stalled")) {
            assertTrue(s.get("silentSeconds").asLong() <= oldestFirst, "oldest first: " + view.get("stalled"));
            oldestFirst = s.get("silentSeconds").asLong();
        }
        assertEquals(400, get("/console/overview", "window=soon", OPERATOR).statusCode());
        assertEquals(400, get("/console/overview", "window=400d", OPERATOR).statusCode());
    }

    private static long count(JsonNode view, String status, String step) {
        long n = 0;
        for (JsonNode c : view.get("counts")) {
            if (c.get("status").asText().equals(status) && c.get("step").asText().equals(step)) {
                n += c.get("count").asLong();
            }
        }
        return n;
    }

    @Test
    void a_repair_from_the_console_brings_a_stalled_interview_to_ready_and_records_who_asked() throws Exception {
        UUID abandoned = stalled.uploadedThenAbandoned();

        HttpResponse before = get("/console/interviews/" + abandoned, "", OPERATOR);
        assertEquals(200, before.statusCode(), before.body());
        JsonNode page = body(before);
        assertEquals("uploaded", page.get("status").asText());
        assertEquals("upload", page.get("step").asText());
        assertTrue(page.get("media").asText().startsWith("present at s3://"), page.toString());
        assertTrue(page.get("next").asText().contains("stalled in upload"), page.toString());
        assertTrue(page.get("analysis").isNull(), "not analyzed yet: " + page);

        HttpResponse repair = post("/console/interviews/" + abandoned + "/repair", "", OPERATOR);
        assertEquals(202, repair.statusCode(), repair.body());
        assertEquals("upload", body(repair).get("from").asText());

        Interview done = data.awaitSettled(abandoned);
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        assertEquals(LocalUser.ID.toString(), done.run().getString("requested_by"));

        JsonNode after = body(get("/console/interviews/" + abandoned, "", OPERATOR));
        assertEquals("ready", after.get("status").asText());
        assertEquals(100, after.get("progress").asInt());
        assertEquals("upload", after.get("timeline").get(0).get("step").asText(), after.toString());
        assertTrue(after.get("timeline").get(0).has("seconds"), after.toString());
        assertTrue(after.get("outputs").get("evidence").asLong() > 0, after.toString());
        assertTrue(after.get("analysis").asText().startsWith("sentence_model"), "how it was analyzed: " + after);
        assertEquals(LocalUser.ID.toString(), after.get("requestedBy").asText());

        JsonNode overview = body(get("/console/overview", "", OPERATOR));
        boolean uploadTimed = false;
        for (JsonNode d : overview.get("stepDurations")) {
            uploadTimed |= d.get("step").asText().equals("upload") && d.get("runs").asLong() >= 1;
        }
        assertTrue(uploadTimed, overview.get("stepDurations").toString());
        assertTrue(overview.get("endedPerHour").size() >= 1, overview.toString());
        JsonNode hour = overview.get("endedPerHour").get(overview.get("endedPerHour").size() - 1);
        java.time.OffsetDateTime.parse(hour.get("hour").asText()); // as the page's chart reads it
        assertTrue(hour.get("ready").asLong() >= 1, hour.toString());

        assertTrue(repairs.repair(abandoned, java.util.Optional.of(dev.intake.workflow.Step.FINALIZE), engines.of("local"))
                instanceof dev.intake.engine.Repairs.Result.Started);
        assertEquals(InterviewStatus.READY, data.awaitSettled(abandoned).status());
        assertEquals(null, data.interview(abandoned).run().getString("requested_by"), "a run nobody named is nobody's");

        HttpResponse again = post("/console/interviews/" + abandoned + "/repair", "{\"from\": \"sideways\"}", OPERATOR);
        assertEquals(400, again.statusCode(), again.body());
        assertEquals(404, get("/console/interviews/" + UUID.randomUUID(), "", OPERATOR).statusCode());
    }
}
