package dev.intake.functions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.store.Db;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.LogCapture;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** url-import through its Lambda contract. */
@QuarkusTest
@TestProfile(ExportProfiles.UrlImport.class)
class UrlImportFunctionTest {

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    TestData data;
    @Inject
    WorkspaceStore workspace;
    @Inject
    Db db;

    private TestData.Project project;
    private UUID user;

    @BeforeEach
    void aMember() {
        project = data.project();
        user = UUID.randomUUID();
        workspace.ensureMember(project.accountId(), user, "member");
    }

    private JsonPath invoke(Map<String, String> headers, String url) {
        return invoke(headers, url, "");
    }

    private JsonPath invoke(Map<String, String> headers, String url, String moreFields) {
        byte[] body = ("{\"accountId\": \"" + project.accountId() + "\", \"projectId\": \"" + project.projectId()
                + "\", \"url\": \"" + url + "\"" + moreFields + "}").getBytes(StandardCharsets.UTF_8);
        String event = FunctionUrlEvents.request("POST", "/", null, headers, body, false);
        return given().body(event).contentType("application/json").post("http://localhost:" + lambdaPort)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("authorization", "Bearer " + token, "content-type", "application/json");
    }

    private long interviews() {
        return db.execute("SELECT count(*) AS n FROM interviews WHERE account_id = $1", Tuple.of(project.accountId()))
                .iterator().next().getLong("n");
    }

    @Test
    void a_member_gets_202_with_the_new_interview() {
        String path = "/files/" + UUID.randomUUID() + "/notes.txt";
        WireMockResource.server().register(get(urlEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(TestData.sample("standup-notes.txt"))));
        JsonPath response = invoke(bearer(Tokens.forUser(user)), WireMockResource.baseUrl() + path);
        assertEquals(202, response.getInt("statusCode"));
        UUID id = UUID.fromString(JsonPath.from(response.getString("body")).getString("interviewId"));
        assertEquals(InterviewStatus.READY, data.awaitSettled(id).status());
        assertEquals(1, interviews());
    }

    @Test
    void a_nul_character_in_a_field_is_a_400_naming_it_with_a_log_line_and_nothing_written() {
        try (LogCapture logs = LogCapture.start()) {
            JsonPath response = invoke(bearer(Tokens.forUser(user)), WireMockResource.baseUrl() + "/a.vtt",
                    ", \"title\": \"Call\\u0000\"");
            assertEquals(400, response.getInt("statusCode"));
            String reason = "the body at /title contains a NUL character (U+0000), which Intake does not accept";
            assertEquals(reason, JsonPath.from(response.getString("body")).getString("error"));
            assertEquals(1, logs.saying("url-import rejected a request").stream().filter(l -> l.says(reason)).count(),
                    logs.lines().toString());
        }
        assertEquals(0, interviews());
    }

    @Test
    void unauthenticated_expired_and_cross_account_requests_are_refused_and_write_nothing() {
        assertEquals(401, invoke(Map.of("content-type", "application/json"), "https://93.184.215.14/a.mp4").getInt("statusCode"));
        assertEquals(401, invoke(bearer(Tokens.expiredFor(user)), "https://93.184.215.14/a.mp4").getInt("statusCode"));
        assertEquals(403, invoke(bearer(Tokens.forUser(UUID.randomUUID())), "https://93.184.215.14/a.mp4").getInt("statusCode"));
        JsonPath unsafe = invoke(bearer(Tokens.forUser(user)), "https://169.254.169.254/latest/meta-data/");
        assertEquals(422, unsafe.getInt("statusCode"));
        assertEquals("host 169.254.169.254 resolves to 169.254.169.254, the cloud metadata address",
                JsonPath.from(unsafe.getString("body")).getString("error"));
        assertEquals(0, interviews());
    }
}
