package dev.intake.functions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.intake.media.MediaKey;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.LogCapture;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/** interview-status through its Lambda contract. */
@QuarkusTest
@TestProfile(ExportProfiles.InterviewStatus.class)
class InterviewStatusFunctionTest {

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    TestData data;
    @Inject
    WorkspaceStore workspace;

    private JsonPath get(String path, String query, String token) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("authorization", "Bearer " + token);
        return given().body(FunctionUrlEvents.request("GET", path, query, headers, null, false))
                .contentType("application/json").post("http://localhost:" + lambdaPort)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_member_reads_the_status_by_path_or_query() {
        TestData.Project project = data.project();
        UUID user = UUID.randomUUID();
        workspace.ensureMember(project.accountId(), user, "viewer");
        MediaKey key = data.uploadingInterview(project, "call.vtt");

        JsonPath byPath = get("/interviews/" + key.interviewId(), null, Tokens.forUser(user));
        assertEquals(200, byPath.getInt("statusCode"));
        JsonPath body = JsonPath.from(byPath.getString("body"));
        assertEquals("uploading", body.getString("status"));
        assertEquals(key.interviewId().toString(), body.getString("interviewId"));
        assertEquals(0, body.getInt("progress"));

        JsonPath byQuery = get("/", "interviewId=" + key.interviewId(), Tokens.forUser(user));
        assertEquals(200, byQuery.getInt("statusCode"));
    }

    @Test
    void another_accounts_interview_is_answered_exactly_as_one_that_does_not_exist() {
        TestData.Project project = data.project();
        MediaKey key = data.uploadingInterview(project, "call.vtt");
        UUID unknown = UUID.randomUUID();
        String stranger = Tokens.forUser(UUID.randomUUID());
        try (LogCapture logs = LogCapture.start()) {
            JsonPath hidden = get("/interviews/" + key.interviewId(), null, stranger);
            JsonPath missing = get("/interviews/" + unknown, null, stranger);
            assertEquals(404, hidden.getInt("statusCode"));
            assertEquals(missing.getInt("statusCode"), hidden.getInt("statusCode"));
            assertEquals(missing.getString("body").replace(unknown.toString(), "ID"),
                    hidden.getString("body").replace(key.interviewId().toString(), "ID"));
            List<String> lines = logs.saying("interview-status rejected").stream().map(LogCapture.Line::message).toList();
            assertEquals(2, lines.size(), lines.toString());
            assertEquals(lines.get(1).replace(unknown.toString(), "ID"), lines.get(0).replace(key.interviewId().toString(), "ID"));
            assertFalse(lines.get(0).contains(project.accountId().toString()), lines.get(0));
        }
    }

    @Test
    void missing_tokens_are_401_and_ids_that_are_not_uuids_400() {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        assertEquals(401, get("/interviews/" + key.interviewId(), null, null).getInt("statusCode"));
        assertEquals(400, get("/interviews/not-an-id", null, Tokens.forUser(UUID.randomUUID())).getInt("statusCode"));
    }

    @Test
    void a_nul_or_a_broken_escape_in_the_query_string_is_a_400_that_says_so() {
        String token = Tokens.forUser(UUID.randomUUID());
        try (LogCapture logs = LogCapture.start()) {
            JsonPath nul = get("/", "interviewId=%00" + UUID.randomUUID(), token);
            assertEquals(400, nul.getInt("statusCode"));
            assertEquals("the query parameter interviewId contains a control character (U+0000 at position 0), which Intake does not accept",
                    JsonPath.from(nul.getString("body")).getString("error"));
            JsonPath broken = get("/", "interviewId=%zz", token);
            assertEquals(400, broken.getInt("statusCode"));
            assertEquals("the query string is not URL-encoded: '%zz' has a '%' that does not start an escape such as %20",
                    JsonPath.from(broken.getString("body")).getString("error"));
            assertEquals(2, logs.saying("interview-status rejected a request").size(), logs.lines().toString());
        }
    }
}
