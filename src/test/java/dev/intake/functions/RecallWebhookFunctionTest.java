package dev.intake.functions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.intake.store.Db;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.RecallFixtures;
import dev.intake.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/** recall-webhook through its Lambda contract: a Function URL request in, a Function URL response out. */
@QuarkusTest
@TestProfile(ExportProfiles.RecallWebhook.class)
class RecallWebhookFunctionTest {

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    TestData data;
    @Inject
    Db db;

    private JsonPath invoke(String event) {
        return given().body(event).contentType("application/json").post("http://localhost:" + lambdaPort)
                .then().statusCode(200).extract().jsonPath();
    }

    private long interviewsOf(TestData.Project project) {
        return db.execute("SELECT count(*) AS n FROM interviews WHERE project_id = $1", Tuple.of(project.projectId()))
                .iterator().next().getLong("n");
    }

    @Test
    void a_signed_delivery_answers_202_with_the_interview_and_a_redelivery_200_with_the_same() {
        TestData.Project project = data.project();
        String recordingId = UUID.randomUUID().toString();
        RecallFixtures.stubRecording(recordingId, "v".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript());
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project);
        String event = FunctionUrlEvents.request("POST", "/", null, RecallFixtures.signedHeaders(body), body, false);

        JsonPath first = invoke(event);
        assertEquals(202, first.getInt("statusCode"));
        String interviewId = JsonPath.from(first.getString("body")).getString("interviewId");

        JsonPath second = invoke(event);
        assertEquals(200, second.getInt("statusCode"));
        assertEquals(interviewId, JsonPath.from(second.getString("body")).getString("interviewId"));
        assertEquals(true, JsonPath.from(second.getString("body")).getBoolean("duplicate"));
        assertEquals(1, interviewsOf(project));
    }

    @Test
    void a_base64_body_is_verified_over_its_raw_bytes() {
        TestData.Project project = data.project();
        String recordingId = UUID.randomUUID().toString();
        RecallFixtures.stubRecording(recordingId, "v".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript());
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", recordingId, project);
        JsonPath response = invoke(FunctionUrlEvents.request("POST", "/", null, RecallFixtures.signedHeaders(body), body, true));
        assertEquals(202, response.getInt("statusCode"));
    }

    @Test
    void a_forged_signature_answers_401_and_writes_nothing() {
        TestData.Project project = data.project();
        byte[] body = RecallFixtures.event("recall-sdk-upload-complete.json", UUID.randomUUID().toString(), project);
        Map<String, String> headers = RecallFixtures.signedHeaders(body);
        headers.put("webhook-signature", "v1,AAAAinvalidAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
        JsonPath response = invoke(FunctionUrlEvents.request("POST", "/", null, headers, body, false));
        assertEquals(401, response.getInt("statusCode"));
        assertEquals("no webhook signature matches the body", JsonPath.from(response.getString("body")).getString("error"));
        assertEquals(0, interviewsOf(project));
    }

    @Test
    void an_unsigned_request_answers_401_and_a_get_405() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertEquals(401, invoke(FunctionUrlEvents.request("POST", "/", null, Map.of(), body, false)).getInt("statusCode"));
        assertEquals(405, invoke(FunctionUrlEvents.request("GET", "/", null, Map.of(), null, false)).getInt("statusCode"));
    }

    @Test
    void an_event_of_another_shape_carries_no_signature_and_is_refused_with_401() {
        given().body("{\"Records\": []}").contentType("application/json").post("http://localhost:" + lambdaPort)
                .then().statusCode(200).body("statusCode", equalTo(401));
    }
}
