package dev.intake.lambda;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.embedded.LocalPostgres;
import dev.intake.embedded.LocalS3;
import dev.intake.testing.Eventually;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.RecallFixtures;
import dev.intake.testing.SecretsManagerStub;
import dev.intake.testing.Tokens;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Runs after `package`, on target/function.zip, the way Lambda's java21 runtime runs it: the zip unpacked
 * as Lambda unpacks it, each of production's fourteen functions a JVM of its own started by the runtime
 * interface client with production's environment, talking to a local Runtime API; the aws engine's
 * executions run by a local Step Functions that interprets the checked-in state machine; a real
 * PostgreSQL migrated by the artifact's own `migrate`, and a real S3-API server. Prints (and writes to
 * target/lambda-runtime-report.md) what each cold start cost. Logs of the functions: target/lambda-runtime/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LambdaRuntimeIT {

    private static final Path FUNCTION_ZIP = Path.of("target/function.zip");
    private static final Path STATE_MACHINE = Path.of("infra/src/main/resources/state-machine.asl.json");
    private static final Path FUNCTION_LOGS = Path.of("target/lambda-runtime");
    private static final String STATE_MACHINE_ARN = "arn:aws:states:us-east-1:111122223333:stateMachine:intake-run";
    private static final String BUCKET = "intake-media";
    /** A second of the state machine's waits (retry intervals, Wait states) lasts this long here. */
    private static final Duration ASL_SECOND = Duration.ofMillis(10);
    /** Cold starts at once: by default one per core, so each start's numbers are its own. */
    private static final int COLD_STARTS_AT_ONCE = Integer.getInteger("lambda.coldStarts.parallel",
            Runtime.getRuntime().availableProcessors());
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final List<String> STEPS = List.of("upload", "evidence", "enrich-person", "insights", "personas", "answers",
            "finalize");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path work;

    private static List<LambdaFunction> functions;
    private static TaskRoot artifact;
    private static LocalPostgres database;
    private static LocalS3 bucket;
    private static S3Client media;
    private static InsightsRows rows;
    private static InsightsRows.Workspace workspace;
    private static LocalLambda lambda;
    private static LocalStepFunctions stepFunctions;
    private static final List<BenchmarkRow> benchmark = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void deployTheArtifactAsProductionDoes() {
        functions = LambdaFunction.fromInfra();
        artifact = TaskRoot.unpack(FUNCTION_ZIP, work.resolve("task"));
        database = LocalPostgres.start(null);
        bucket = LocalS3.start(null);
        media = s3Client();
        media.createBucket(b -> b.bucket(BUCKET));

        ArtifactCommand.Result migrate = ArtifactCommand.run(artifact, databaseSettings(true), "migrate");
        assertEquals(0, migrate.exit(), "`intake migrate` from the artifact:\n" + migrate.output());

        rows = new InsightsRows(jdbcUrl(), LocalPostgres.USER, LocalPostgres.USER);
        workspace = rows.workspace();
        ProductionEnvironment.storeSecrets(LocalPostgres.USER, LocalPostgres.USER);

        // The role's credentials are the S3-API server's keys. It refuses the x-amz-security-token header
        // (501) that a role's session token adds, so there is none.
        lambda = new LocalLambda(artifact, JavaRuntime.install(work.resolve("runtime")), functions,
                function -> ProductionEnvironment.of(function, backends()),
                new JavaRuntime.Credentials(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, null), FUNCTION_LOGS);
        stepFunctions = LocalStepFunctions.start(STATE_MACHINE_ARN,
                StateMachine.load(read(STATE_MACHINE), stepFunctionArns(), ASL_SECOND), new LambdaInvokeTask(lambda));
    }

    @AfterAll
    static void stopEverything() {
        try {
            if (!benchmark.isEmpty()) {
                String report = RuntimeReport.table(benchmark, context());
                System.out.println(report);
                RuntimeReport.write(report);
            }
        } finally {
            close(lambda, stepFunctions, media, bucket, database);
        }
    }

    @Test
    @Order(1)
    void every_function_starts_under_the_runtime_interface_client_and_answers_a_cold_and_a_warm_invocation() {
        Map<String, Probe> probes = probes();
        assertEquals(new TreeSet<>(functions.stream().map(LambdaFunction::name).toList()), new TreeSet<>(probes.keySet()),
                "every function production deploys has its probe here");

        Map<String, CompletableFuture<ColdStart>> started = lambda.coldStartAll(
                probes.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().event())),
                COLD_STARTS_AT_ONCE);

        assertAll(probes.entrySet().stream().map(probe -> (Executable) () -> {
            String function = probe.getKey();
            ColdStart start = joined(started.get(function));
            expect(function, "cold", start.first(), probe.getValue());
            InvocationResult warm = lambda.instance(function).invoke(probe.getValue().event());
            expect(function, "warm", warm, probe.getValue());
            benchmark.add(new BenchmarkRow(start, warm, lambda.instance(function).peakRssKib()));
        }));
    }

    @Test
    @Order(2)
    void a_malformed_event_is_reported_through_the_runtime_api_as_a_function_error_naming_what_is_wrong() {
        InvocationResult result = lambda.instance("upload-completed").invoke("{\"hello\": \"world\"}");

        InvocationResult.FunctionError error = assertInstanceOf(InvocationResult.FunctionError.class, result,
                () -> "upload-completed answered " + result + "\n" + tail("upload-completed"));
        assertTrue(error.errorMessage().contains("InvalidEventException: not an S3 notification, an EventBridge event or a"
                + " forwarded R2 notification"), error.toString());
    }

    @Test
    @Order(3)
    void an_uploaded_transcript_is_taken_by_upload_completed_and_run_by_the_state_machine_step_by_step_to_ready() throws IOException {
        String file = "Onboarding call #1 (Dana).vtt";
        UUID interview = rows.uploadingInterview(workspace, file);
        String key = "interviews/" + workspace.accountId() + "/" + workspace.projectId() + "/" + interview + "/" + file;
        byte[] transcript = Files.readAllBytes(Path.of("samples/onboarding-interview.vtt"));
        media.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(transcript));

        InvocationResult delivered = lambda.instance("upload-completed").invoke(s3Notification(key, transcript.length));

        JsonNode results = body(delivered, "upload-completed").path("results");
        assertEquals("started", results.path(0).path("outcome").asText(), results.toString());
        assertEquals(interview.toString(), results.path(0).path("interviewId").asText(), results.toString());

        InsightsRows.InterviewRow row = settled(interview);
        Execution execution = stepFunctions.awaitEnded(interview.toString(), SETTLE);
        assertEquals("ready", row.status(), row + "\n" + execution);
        assertEquals("SUCCEEDED", execution.status(), execution.toString());
        assertEquals(STEPS, execution.tasksEntered(), "each step once, in order:\n" + execution);
        assertEquals("complete", row.currentStep(), row.toString());
        assertEquals(100, row.progress(), row.toString());
        assertTrue(row.evidence() > 0, "the evidence step found quotes in the sample: " + row);
        assertEquals(List.of(), stepFunctions.violations(), "the aws engine calls only StartExecution");
    }

    @Test
    @Order(4)
    void no_function_process_listens_on_a_tcp_port() {
        Map<String, List<String>> listening = new TreeMap<>();
        for (LambdaFunction function : functions) {
            LambdaProcess process = lambda.instance(function.name());
            process.awaitInit();
            List<String> sockets = process.listeningSockets();
            if (!sockets.isEmpty()) {
                listening.put(function.name(), sockets);
            }
        }
        assertEquals(Map.of(), listening, "a Lambda function is reached through its Runtime API only; these processes listen"
                + " (QUARKUS_HTTP_PORT=0 moved Quarkus HTTP from 8080 to an ephemeral port)");
    }

    @Test
    @Order(5)
    void every_function_speaks_the_runtime_api_as_lambda_defines_it() {
        Map<String, List<String>> violations = new TreeMap<>();
        lambda.instances().forEach(p -> {
            if (!p.protocolViolations().isEmpty()) {
                violations.put(p.function().name(), p.protocolViolations());
            }
        });
        assertEquals(Map.of(), violations);
    }

    // --- what each function is asked first, and what it must answer -------------------------------------

    /** An event for a function and what its answer must be. */
    private record Probe(String event, String expected, Consumer<InvocationResult> check) {
    }

    private static Map<String, Probe> probes() {
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("upload-completed", new Probe(RecallFixtures.contract("s3-object-created.json").toString(),
                "the contract's object rejected: its interview does not exist", result -> {
                    JsonNode answer = body(result, "upload-completed").path("results").path(0);
                    assertEquals("rejected", answer.path("outcome").asText(), answer.toString());
                    assertTrue(answer.path("detail").asText().startsWith("no interview"), answer.toString());
                }));
        probes.put("recall-webhook", new Probe(forgedWebhook(), "401 for a forged Svix signature",
                result -> assertStatus(401, result, "recall-webhook")));
        probes.put("url-import", new Probe(urlImportByStranger(), "403 for a signed-in user who is not a member of the account",
                result -> assertStatus(403, result, "url-import")));
        probes.put("interview-status", new Probe(FunctionUrlEvents.request("GET", "/interviews/" + UUID.randomUUID(), null,
                Map.of("authorization", "Bearer " + Tokens.signedWithAnotherSecret(workspace.ownerId())), null, false),
                "401 for a token signed with another secret", result -> assertStatus(401, result, "interview-status")));
        probes.put("ops-console", new Probe(FunctionUrlEvents.request("GET", "/console/overview", null,
                Map.of("authorization", "Bearer " + Tokens.forUser(workspace.ownerId())), null, false),
                "403 for a signed-in user who is not on the operators' list (nobody is, by default)",
                result -> assertStatus(403, result, "ops-console")));
        probes.put("sweep-stuck", new Probe(RecallFixtures.contract("eventbridge-scheduled.json").toString(),
                "a sweep report", result -> {
                    JsonNode report = body(result, "sweep-stuck");
                    assertTrue(report.has("resumed") && report.has("failed"), report.toString());
                }));
        for (String step : STEPS) {
            probes.put("step-" + step, new Probe(JSON.createObjectNode().put("interviewId", UUID.randomUUID().toString())
                    .put("runId", "probe").toString(), "not-claimed for an interview that does not exist", result -> {
                        JsonNode answer = body(result, "step-" + step);
                        assertEquals("not-claimed", answer.path("outcome").asText(), answer.toString());
                        assertEquals(step, answer.path("step").asText(), answer.toString());
                    }));
        }
        ObjectNode failure = JSON.createObjectNode().put("interviewId", UUID.randomUUID().toString()).put("runId", "probe")
                .put("step", "evidence");
        failure.putObject("error").put("Error", "Sandbox.Timedout").put("Cause", "Task timed out after 900.00 seconds");
        probes.put("step-failed", new Probe(failure.toString(), "the failure acknowledged, with Lambda's error", result -> {
            JsonNode answer = body(result, "step-failed");
            assertEquals("failed", answer.path("outcome").asText(), answer.toString());
            assertEquals("the evidence function failed: Sandbox.Timedout: Task timed out after 900.00 seconds",
                    answer.path("error").asText(), answer.toString());
        }));
        return probes;
    }

    private static String forgedWebhook() {
        String body = RecallFixtures.contract("function-url-request.json").path("body").asText();
        Map<String, String> headers = Map.of("content-type", "application/json", "webhook-id", "msg_" + UUID.randomUUID(),
                "webhook-timestamp", String.valueOf(Instant.now().getEpochSecond()),
                "webhook-signature", "v1," + Base64.getEncoder().encodeToString(new byte[32]));
        return FunctionUrlEvents.request("POST", "/", null, headers, body.getBytes(StandardCharsets.UTF_8), false);
    }

    private static String urlImportByStranger() {
        String body = JSON.createObjectNode().put("accountId", workspace.accountId().toString())
                .put("projectId", workspace.projectId().toString()).put("url", "https://files.example.com/call.vtt").toString();
        return FunctionUrlEvents.request("POST", "/", null, Map.of("content-type", "application/json",
                "authorization", "Bearer " + Tokens.forUser(UUID.randomUUID())), body.getBytes(StandardCharsets.UTF_8), false);
    }

    /** The contract's S3 notification, for {@code key} (URL-encoded, as S3 writes it) in the media bucket. */
    private static String s3Notification(String key, long size) {
        ObjectNode event = RecallFixtures.contract("s3-object-created.json");
        ObjectNode object = (ObjectNode) event.get("Records").get(0).get("s3").get("object");
        object.put("key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", size);
        return event.toString();
    }

    // --- the world the functions run in -------------------------------------------------------------------

    /** Where production's configuration points the functions, here: read when a function starts, all servers up by then. */
    private static ProductionEnvironment.Backends backends() {
        Map<String, String> database = databaseSettings(false);
        return new ProductionEnvironment.Backends(database.get("QUARKUS_DATASOURCE_REACTIVE_URL"), BUCKET,
                STATE_MACHINE_ARN, bucket.endpoint(), stepFunctions.endpoint(), SecretsManagerStub.endpoint());
    }

    /** The datasource settings as environment variables; the JDBC URL only for migrations, as in production. */
    private static Map<String, String> databaseSettings(boolean withJdbc) {
        Map<String, String> settings = new LinkedHashMap<>();
        database.datasourceProperties().forEach((key, value) -> {
            if (withJdbc || !key.contains(".jdbc.")) {
                settings.put(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"), value);
            }
        });
        return settings;
    }

    private static String jdbcUrl() {
        return database.datasourceProperties().get("quarkus.datasource.jdbc.url");
    }

    /** {@code ${step-upload}} and the rest: the ARN of each function, as the stack substitutes them. */
    private static Map<String, String> stepFunctionArns() {
        return functions.stream().collect(Collectors.toMap(LambdaFunction::name, LambdaFunction::arn));
    }

    private static S3Client s3Client() {
        return S3Client.builder().endpointOverride(URI.create(bucket.endpoint())).region(Region.of(LocalS3.REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)))
                .forcePathStyle(true).httpClient(UrlConnectionHttpClient.create()).build();
    }

    // --- reading answers ----------------------------------------------------------------------------------

    private static void expect(String function, String which, InvocationResult result, Probe probe) {
        try {
            probe.check().accept(result);
        } catch (AssertionError e) {
            throw new AssertionError(function + " (" + which + " invocation) should answer " + probe.expected() + ", but: "
                    + e.getMessage() + "\n" + tail(function), e);
        }
    }

    private static JsonNode body(InvocationResult result, String function) {
        InvocationResult.Response response = assertInstanceOf(InvocationResult.Response.class, result,
                () -> function + " answered " + result + "\n" + tail(function));
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(function + " answered something that is not JSON: " + response.body());
        }
    }

    private static void assertStatus(int status, InvocationResult result, String function) {
        JsonNode response = body(result, function);
        assertEquals(status, response.path("statusCode").asInt(), response.toString());
    }

    /** The interview once it is ready or in error, read from its row; the execution is told if it never is. */
    private static InsightsRows.InterviewRow settled(UUID interview) {
        try {
            return Eventually.await(() -> rows.interview(interview), r -> r.status().equals("ready") || r.status().equals("error"),
                    SETTLE, "interview " + interview + " to be ready (or error)");
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + stepFunctions.describe(interview.toString()), e);
        }
    }

    private static String tail(String function) {
        return lambda.instances().stream().filter(p -> p.function().name().equals(function)).findFirst()
                .map(LambdaProcess::outputTail).orElse("(" + function + " never started)");
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw e;
        }
    }

    private static String context() {
        return "Measured " + Instant.now() + " on " + Runtime.getRuntime().availableProcessors() + " cores, "
                + COLD_STARTS_AT_ONCE + " cold starts at a time, Java " + System.getProperty("java.version")
                + " (Lambda's java21 runs Java 21). Init: process start to the first `/next`; invocations: event taken to"
                + " answer (the warm one once every function has started); peak RSS: VmHWM after the warm invocation."
                + " sweep-stuck's invocations include the sweeper's random jitter (INTAKE_SWEEPER_JITTER, up to 5 s)."
                + " function.zip holds " + artifact.duplicateEntries().size() + " duplicate entries.";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }

    private static void close(AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource != null) {
                try {
                    resource.close();
                } catch (Exception e) {
                    System.err.println("could not stop " + resource + ": " + e);
                }
            }
        }
    }
}
