package dev.intake.functions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.intake.access.LocalUser;
import dev.intake.media.MediaKey;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.LogCapture;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * ops-console through its Lambda contract, as deployed (not on local data): operators are the users on
 * intake.console.operators, and nobody else, the local user included.
 */
@QuarkusTest
@TestProfile(ExportProfiles.OpsConsole.class)
class OpsConsoleFunctionTest {

    private static final UUID OPERATOR = UUID.fromString(ExportProfiles.OpsConsole.OPERATOR);

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    TestData data;

    private JsonPath call(String method, String path, String query, UUID user, String body) {
        Map<String, String> headers = user == null ? Map.of() : Map.of("authorization", "Bearer " + Tokens.forUser(user));
        return given().body(FunctionUrlEvents.request(method, path, query, headers,
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8), false))
                .contentType("application/json").post("http://localhost:" + lambdaPort)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void the_pages_are_served_at_the_function_urls_root() {
        JsonPath page = call("GET", "/", null, null, null);
        assertEquals(200, page.getInt("statusCode"));
        assertTrue(page.getString("headers.content-type").startsWith("text/html"), page.prettify());
        assertTrue(page.getString("body").contains("operator console"), page.getString("body"));
        assertEquals(200, call("GET", "/console/console.js", null, null, null).getInt("statusCode"));
        assertEquals(404, call("GET", "/elsewhere", null, null, null).getInt("statusCode"));
    }

    @Test
    void a_listed_operator_reads_the_overview_and_an_interview() {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        JsonPath overview = call("GET", "/console/overview", "window=1h", OPERATOR, null);
        assertEquals(200, overview.getInt("statusCode"), overview.prettify());
        assertEquals(3600, JsonPath.from(overview.getString("body")).getLong("windowSeconds"));
        JsonPath interview = call("GET", "/console/interviews/" + key.interviewId(), null, OPERATOR, null);
        assertEquals(200, interview.getInt("statusCode"), interview.prettify());
        assertEquals("uploading", JsonPath.from(interview.getString("body")).getString("status"));
    }

    @Test
    void off_local_data_the_local_user_and_unlisted_users_are_refused_and_the_refusal_is_logged() {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        try (LogCapture logs = LogCapture.start()) {
            JsonPath local = call("GET", "/console/overview", null, LocalUser.ID, null);
            assertEquals(403, local.getInt("statusCode"));
            assertTrue(local.getString("body").contains("is not an operator"), local.getString("body"));
            UUID stranger = UUID.randomUUID();
            JsonPath repair = call("POST", "/console/interviews/" + key.interviewId() + "/repair", null, stranger, "{}");
            assertEquals(403, repair.getInt("statusCode"));
            assertEquals(1, logs.saying("ops-console rejected a request").stream()
                    .filter(line -> line.says("user " + stranger + " is not an operator")).count(), logs.lines().toString());
        }
        assertEquals("uploading", data.interview(key.interviewId()).status().dbValue(), "a refused repair changes nothing");
    }

    @Test
    void a_request_without_a_valid_token_is_401() {
        assertEquals(401, call("GET", "/console/overview", null, null, null).getInt("statusCode"));
        Map<String, String> forged = Map.of("authorization", "Bearer " + Tokens.signedWithAnotherSecret(OPERATOR));
        JsonPath refused = given().body(FunctionUrlEvents.request("GET", "/console/overview", null, forged, null, false))
                .contentType("application/json").post("http://localhost:" + lambdaPort).then().statusCode(200).extract().jsonPath();
        assertEquals(401, refused.getInt("statusCode"));
    }

    @Test
    void bad_requests_are_refused_with_their_reason_and_change_nothing() {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        String repair = "/console/interviews/" + key.interviewId() + "/repair";
        JsonPath unknownStep = call("POST", repair, null, OPERATOR, "{\"from\": \"polish\"}");
        assertEquals(400, unknownStep.getInt("statusCode"));
        assertTrue(unknownStep.getString("body").contains("no step 'polish'"), unknownStep.getString("body"));
        assertEquals(405, call("GET", repair, null, OPERATOR, null).getInt("statusCode"));
        assertEquals(400, call("GET", "/console/interviews/not-an-id", null, OPERATOR, null).getInt("statusCode"));
        assertEquals(413, call("POST", repair, null, OPERATOR, "{\"from\": \"" + "x".repeat(2000) + "\"}").getInt("statusCode"));
        assertEquals(404, call("GET", "/console/interviews/" + UUID.randomUUID(), null, OPERATOR, null).getInt("statusCode"));
        assertEquals("uploading", data.interview(key.interviewId()).status().dbValue());
    }
}
