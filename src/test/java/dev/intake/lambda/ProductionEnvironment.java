package dev.intake.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.intake.testing.RecallFixtures;
import dev.intake.testing.Tokens;

/**
 * A function's own environment variables as infra's {@code IntakeStack.function()} sets them (keep the two
 * alike), with the test's servers in place of AWS's and test values for the secrets. What differs from
 * production only because the test is not in AWS is set apart at the end.
 */
final class ProductionEnvironment {

    /** Where the functions find what production gives them as AWS services and secrets. */
    record Backends(String reactiveUrl, String username, String password, String bucket, String stateMachineArn,
                    String s3Endpoint, String stepFunctionsEndpoint) {
    }

    private static final Map<String, String> TEST_SECRETS = Map.of(
            "INTAKE_AUTH_JWT_SECRET", Tokens.SECRET,
            "INTAKE_RECALL_WEBHOOK_SECRET", RecallFixtures.SECRET,
            "INTAKE_RECALL_API_KEY", "test-recall-key",
            "INTAKE_R2_FORWARD_SECRET", "test-forward-secret",
            "INTAKE_TRANSCRIPTION_ASSEMBLYAI_API_KEY", "test-assemblyai-key",
            "INTAKE_ANALYSIS_OPENAI_API_KEY", "test-openai-key");

    private ProductionEnvironment() {
    }

    static Map<String, String> of(LambdaFunction function, Backends backends) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_FUNQY_EXPORT", function.name());
        env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        env.put("INTAKE_METRICS_EMF", "true");
        env.put("INTAKE_BUCKET", backends.bucket());
        env.put("INTAKE_ENGINE_KIND", "aws");
        // The stack's defaults (DeploymentSettings: analysisProvider, transcriptionProvider).
        env.put("INTAKE_ANALYSIS_PROVIDER", "local");
        env.put("INTAKE_TRANSCRIPTION_PROVIDER", "none");
        env.put("QUARKUS_DATASOURCE_REACTIVE_URL", backends.reactiveUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", backends.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", backends.password());
        for (String secret : function.secretVariables()) {
            env.put(secret, TEST_SECRETS.get(secret));
        }
        if (function.name().equals("sweep-stuck")) {
            env.put("INTAKE_SWEEPER_EMIT_EMF", "true");
        }
        if (function.startsRuns()) {
            env.put("INTAKE_ENGINE_STATE_MACHINE_ARN", backends.stateMachineArn());
        }

        // Not in AWS: the bucket is an S3-API server (as for R2), Step Functions a local one.
        env.put("QUARKUS_S3_ENDPOINT_OVERRIDE", backends.s3Endpoint());
        env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "true");
        env.put("INTAKE_ENGINE_STEP_FUNCTIONS_ENDPOINT", backends.stepFunctionsEndpoint());
        // Each Lambda has a network namespace of its own; here thirteen share one host. A port the
        // artifact listens on (Quarkus HTTP, 8080 by default) is made ephemeral so they do not fight over
        // it; the listening check still sees it.
        env.put("QUARKUS_HTTP_PORT", "0");
        return env;
    }
}
