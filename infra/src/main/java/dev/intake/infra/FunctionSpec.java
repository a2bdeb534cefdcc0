package dev.intake.infra;

import java.util.List;
import java.util.Set;

import software.amazon.awscdk.Duration;

/** One Lambda of Intake: the function it exports, its size and time, and what it may touch. */
record FunctionSpec(String name, int memoryMb, Duration timeout, Set<Need> needs, Set<AppSecret> secrets) {

    /** Permissions beyond the database (reached over the network, not through IAM). */
    enum Need {
        /** read and write objects under interviews/ (copies, transcripts, presigned reads) */
        MEDIA_OBJECTS,
        /** list keys under interviews/ (a lost upload event) */
        LIST_MEDIA,
        /** start executions of the run state machine */
        START_RUNS,
        /** invoked asynchronously (S3, EventBridge): failed events go to the dead-letter queue */
        ASYNC
    }

    /** Fields of the app secret a function needs, as environment variables. */
    enum AppSecret {
        JWT("INTAKE_AUTH_JWT_SECRET", "jwtSecret"),
        RECALL_WEBHOOK("INTAKE_RECALL_WEBHOOK_SECRET", "recallWebhookSecret"),
        RECALL_API("INTAKE_RECALL_API_KEY", "recallApiKey"),
        R2_FORWARD("INTAKE_R2_FORWARD_SECRET", "r2ForwardSecret"),
        TRANSCRIPTION("INTAKE_TRANSCRIPTION_ASSEMBLYAI_API_KEY", "assemblyAiApiKey"),
        ANALYSIS("INTAKE_ANALYSIS_OPENAI_API_KEY", "analysisApiKey");

        final String variable;
        final String field;

        AppSecret(String variable, String field) {
            this.variable = variable;
            this.field = field;
        }
    }

    static final String HANDLER = "io.quarkus.funqy.lambda.FunqyStreamHandler::handleRequest";

    /** Every function of DESIGN.md, one Lambda each, from the same function.zip. */
    static List<FunctionSpec> all() {
        return List.of(
                new FunctionSpec("upload-completed", 512, Duration.seconds(30), Set.of(Need.START_RUNS, Need.ASYNC),
                        Set.of(AppSecret.R2_FORWARD)),
                new FunctionSpec("recall-webhook", 512, Duration.seconds(15), Set.of(Need.START_RUNS),
                        Set.of(AppSecret.RECALL_WEBHOOK)),
                new FunctionSpec("url-import", 512, Duration.seconds(15), Set.of(Need.START_RUNS), Set.of(AppSecret.JWT)),
                new FunctionSpec("interview-status", 512, Duration.seconds(10), Set.of(), Set.of(AppSecret.JWT)),
                new FunctionSpec("sweep-stuck", 512, Duration.seconds(60), Set.of(Need.LIST_MEDIA, Need.START_RUNS, Need.ASYNC),
                        Set.of()),
                // Copies media and waits on transcription: the most memory, and Lambda's longest run.
                new FunctionSpec("step-upload", 2048, Duration.minutes(15), Set.of(Need.MEDIA_OBJECTS),
                        Set.of(AppSecret.RECALL_API, AppSecret.TRANSCRIPTION)),
                new FunctionSpec("step-evidence", 1024, Duration.minutes(5), Set.of(), Set.of(AppSecret.ANALYSIS)),
                new FunctionSpec("step-enrich-person", 1024, Duration.minutes(5), Set.of(), Set.of(AppSecret.ANALYSIS)),
                new FunctionSpec("step-insights", 1024, Duration.minutes(5), Set.of(), Set.of(AppSecret.ANALYSIS)),
                new FunctionSpec("step-personas", 1024, Duration.minutes(5), Set.of(), Set.of(AppSecret.ANALYSIS)),
                new FunctionSpec("step-answers", 1024, Duration.minutes(5), Set.of(), Set.of(AppSecret.ANALYSIS)),
                new FunctionSpec("step-finalize", 512, Duration.seconds(60), Set.of(), Set.of()),
                new FunctionSpec("step-failed", 512, Duration.seconds(30), Set.of(), Set.of()));
    }
}
