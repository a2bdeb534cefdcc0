package dev.intake.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.intake.engine.StepFunctionsEngine;
import dev.intake.store.InterviewStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;

/** The Step Functions API as WireMock plays it, and the aws engine built on the real SDK client against it. */
public final class StepFunctionsStub {

    public static final String ARN = "arn:aws:states:us-east-1:111122223333:stateMachine:intake-run";
    private static final String TARGET = "AWSStepFunctions.StartExecution";

    private StepFunctionsStub() {
    }

    /** The engine, with the SDK's own retries and a per-call timeout of {@code callTimeout}. */
    public static StepFunctionsEngine engine(InterviewStore interviews, ObjectMapper json, Duration callTimeout) {
        SfnClient sfn = SfnClient.builder()
                .endpointOverride(URI.create(WireMockResource.baseUrl() + "/sfn"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.apiCallTimeout(callTimeout))
                .build();
        return new StepFunctionsEngine(sfn, ARN, interviews, json);
    }

    /** What StartExecution of the execution named for this interview and run answers. */
    public static void startAnswers(UUID interviewId, String runId, ResponseDefinitionBuilder response) {
        WireMockResource.server().register(post(urlEqualTo("/sfn/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.name", equalTo(interviewId + "-" + runId)))
                .willReturn(response));
    }

    /** What StartExecution of any run of this interview answers (a stub for one run, added later, wins). */
    public static void anyRunAnswers(UUID interviewId, ResponseDefinitionBuilder response) {
        WireMockResource.server().register(post(urlEqualTo("/sfn/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.name", matching(interviewId + "-.*")))
                .willReturn(response));
    }

    /** What every StartExecution answers unless a stub for its name says otherwise; remove it when done. */
    public static com.github.tomakehurst.wiremock.stubbing.StubMapping everyStartAnswers(ResponseDefinitionBuilder response) {
        return WireMockResource.server().register(post(urlEqualTo("/sfn/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .atPriority(10).willReturn(response));
    }

    public static ResponseDefinitionBuilder started(UUID interviewId, String runId) {
        return aResponse().withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"executionArn\": \"" + ARN.replace("stateMachine", "execution") + ":" + interviewId + "-"
                        + runId + "\", \"startDate\": 1764950400.0}");
    }

    public static ResponseDefinitionBuilder error(int status, String type) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.0")
                .withBody("{\"__type\": \"" + type + "\", \"message\": \"" + type + "\"}");
    }

    public static int startsOf(UUID interviewId, String runId) {
        return WireMockResource.server().find(postRequestedFor(urlEqualTo("/sfn/")).withHeader("X-Amz-Target", equalTo(TARGET))
                .withRequestBody(matchingJsonPath("$.name", equalTo(interviewId + "-" + runId)))).size();
    }
}
