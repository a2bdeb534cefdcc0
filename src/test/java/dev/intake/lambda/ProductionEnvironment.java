package dev.intake.lambda;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.intake.testing.RecallFixtures;
import dev.intake.testing.SecretsManagerStub;
import dev.intake.testing.Tokens;

/**
 * A function's own environment variables as infra's {@code IntakeStack} sets them (keep the two alike), with
 * the test's servers in place of AWS's and the secrets, with test values, in a stand-in Secrets Manager
 * the functions read at run time. What differs from production only because the test is not in AWS is
 * set apart at the end.
 */
final class ProductionEnvironment {

    /** Where the functions find what production gives them as AWS services and secrets. */
    record Backends(String reactiveUrl, String bucket, String stateMachineArn, String s3Endpoint,
                    String stepFunctionsEndpoint, String secretsEndpoint) {
    }

    /** The stack's default secret names (DeploymentSettings: databaseSecret, appSecret). */
    static final String DATABASE_SECRET = "intake/database";
    static final String APP_SECRET = "intake/app";

    /** The app secret as the deploy guide has it created, with the tests' values. */
    private static final Map<String, String> APP_SECRET_VALUES = Map.of(
            "jwtSecret", Tokens.SECRET,
            "recallWebhookSecret", RecallFixtures.SECRET,
            "recallApiKey", "test-recall-key",
            "r2ForwardSecret", "test-forward-secret",
            "assemblyAiApiKey", "test-assemblyai-key",
            "analysisApiKey", "test-openai-key");

    /** Puts the secrets in the stand-in Secrets Manager: the database's login, and the app's values. */
    static void storeSecrets(String databaseUser, String databasePassword) {
        SecretsManagerStub.holds(DATABASE_SECRET, Map.of("username", databaseUser, "password", databasePassword));
        SecretsManagerStub.holds(APP_SECRET, APP_SECRET_VALUES);
    }

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
        env.put("INTAKE_SECRETS_DATABASE_SECRET_ID", DATABASE_SECRET);
        if (function.usesAppSecret()) {
            env.put("INTAKE_SECRETS_APP_SECRET_ID", APP_SECRET);
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
        env.put("INTAKE_SECRETS_ENDPOINT", backends.secretsEndpoint());
        // Each Lambda has a network namespace of its own; here fourteen share one host. A port the
        // artifact listens on (Quarkus HTTP, 8080 by default) is made ephemeral so they do not fight over
        // it; the listening check still sees it.
        env.put("QUARKUS_HTTP_PORT", "0");
        return env;
    }
}
