package dev.intake.engine;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.media.MediaKey;
import dev.intake.store.InterviewStore;
import dev.intake.testing.TestData;
import dev.intake.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The aws engine with the real AWS SDK client, against a stub of the Step Functions API on WireMock. */
@QuarkusTest
class StepFunctionsEngineTest {

    private static final String ARN = "arn:aws:states:us-east-1:111122223333:stateMachine:intake-run";
    private static final String TARGET = "AWSStepFunctions.StartExecution";

    @Inject
    InterviewStore interviews;
    @Inject
    ObjectMapper json;
    @Inject
    TestData data;

    private StepFunctionsEngine engine() {
        SfnClient sfn = SfnClient.builder()
                .endpointOverride(URI.create(WireMockResource.baseUrl() + "/sfn"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        return new StepFunctionsEngine(sfn, ARN, interviews, json);
    }

    private UUID uploaded(String runId) {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        interviews.completeUpload(key.interviewId(), key.key(), runId);
        return key.interviewId();
    }

    @Test
    void a_run_starts_an_execution_named_after_the_interview_and_the_run() {
        String runId = UUID.randomUUID().toString();
        UUID id = uploaded(runId);
        String name = id + "-" + runId;
        WireMockResource.server().register(post(urlEqualTo("/sfn/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"executionArn\": \"" + ARN.replace("stateMachine", "execution") + ":" + name
                                + "\", \"startDate\": 1764950400.0}")));

        engine().start(id, runId);

        WireMockResource.server().verifyThat(1, postRequestedFor(urlEqualTo("/sfn/"))
                .withHeader("X-Amz-Target", equalTo(TARGET))
                .withHeader("Authorization", containing("AWS4-HMAC-SHA256"))
                .withRequestBody(matchingJsonPath("$.stateMachineArn", equalTo(ARN)))
                .withRequestBody(matchingJsonPath("$.name", equalTo(name)))
                .withRequestBody(matchingJsonPath("$.input", containing("\"step\":\"upload\""))));
    }

    @Test
    void starting_the_same_run_twice_is_a_no_op() {
        String runId = UUID.randomUUID().toString();
        UUID id = uploaded(runId);
        WireMockResource.server().register(post(urlEqualTo("/sfn/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.name", equalTo(id + "-" + runId)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"__type\": \"ExecutionAlreadyExists\", \"message\": \"Execution Already Exists\"}")));

        engine().start(id, runId);

        assertEquals(dev.intake.workflow.InterviewStatus.UPLOADED, data.interview(id).status());
    }

    @Test
    void execution_names_fit_step_functions_rules() {
        UUID id = UUID.fromString("931e3b81-ef32-48c3-b6f3-382461b362e4");
        assertEquals("931e3b81-ef32-48c3-b6f3-382461b362e4-run_incident", StepFunctionsEngine.executionName(id, "run:incident"));
        assertEquals(80, StepFunctionsEngine.executionName(id, "x".repeat(100)).length());
    }
}
