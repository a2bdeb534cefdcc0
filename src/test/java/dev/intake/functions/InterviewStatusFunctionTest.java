package dev.intake.functions;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.intake.ingest.MediaKey;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.FunctionUrlEvents;
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
    void strangers_unknown_ids_and_missing_tokens_get_403_404_and_401() {
        TestData.Project project = data.project();
        MediaKey key = data.uploadingInterview(project, "call.vtt");
        assertEquals(403, get("/interviews/" + key.interviewId(), null, Tokens.forUser(UUID.randomUUID())).getInt("statusCode"));
        assertEquals(404, get("/interviews/" + UUID.randomUUID(), null, Tokens.forUser(UUID.randomUUID())).getInt("statusCode"));
        assertEquals(401, get("/interviews/" + key.interviewId(), null, null).getInt("statusCode"));
        assertEquals(400, get("/interviews/not-an-id", null, Tokens.forUser(UUID.randomUUID())).getInt("statusCode"));
    }
}
