package dev.intake.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.intake.testing.Cli;
import dev.intake.testing.StalledInterviews;
import dev.intake.testing.TestData;
import dev.intake.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * An operator's `intake repair` against a configured database, with the deployed state machine named
 * and the engine left at its default: the run becomes an execution of the state machine (a stub of the
 * Step Functions API here), not steps in the operator's process.
 */
@QuarkusTest
@TestProfile(RepairToStateMachineTest.WithTheDeployedStateMachine.class)
class RepairToStateMachineTest {

    private static final String ARN = "arn:aws:states:us-east-1:111122223333:stateMachine:intake-run";

    public static class WithTheDeployedStateMachine implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.engine.state-machine-arn", ARN,
                    "intake.engine.step-functions-endpoint", WireMockResource.baseUrl() + "/sfn",
                    "intake.engine.region", "us-east-1");
        }
    }

    @Inject
    CommandLine.IFactory factory;
    @Inject
    StalledInterviews stalled;
    @Inject
    TestData data;

    @BeforeAll
    static void operatorCredentials() {
        // The AWS SDK's default chain, as an operator's shell would give it.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @Test
    void repair_on_a_configured_database_starts_an_execution_of_the_deployed_state_machine() {
        UUID abandoned = stalled.uploadedThenAbandoned();
        WireMockResource.server().register(post(urlEqualTo("/sfn/"))
                .withHeader("X-Amz-Target", equalTo("AWSStepFunctions.StartExecution"))
                .withRequestBody(matchingJsonPath("$.name", containing(abandoned.toString())))
                .willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.0")
                        .withBody("{\"executionArn\": \"" + ARN.replace("stateMachine", "execution") + ":" + abandoned
                                + "\", \"startDate\": 1764950400.0}")));

        Cli.Run repair = Cli.run(factory, "repair", abandoned.toString());

        assertEquals(0, repair.exit(), repair.out() + repair.err());
        String runId = data.interview(abandoned).runId().orElseThrow();
        assertTrue(repair.out().contains(abandoned + ": running again from upload as run " + runId), repair.out());
        assertTrue(repair.out().contains(abandoned + ": handed to the state machine"), repair.out());
        WireMockResource.server().verifyThat(1, postRequestedFor(urlEqualTo("/sfn/"))
                .withRequestBody(matchingJsonPath("$.stateMachineArn", equalTo(ARN)))
                .withRequestBody(matchingJsonPath("$.name", equalTo(abandoned + "-" + runId))));
    }
}
