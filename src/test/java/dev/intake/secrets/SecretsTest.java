package dev.intake.secrets;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.intake.access.Caller;
import dev.intake.access.JwtAuthenticator;
import dev.intake.access.JwtSigner;
import dev.intake.embedded.LocalPostgres;
import dev.intake.entry.ForwardSecret;
import dev.intake.entry.SvixSignature;
import dev.intake.media.MediaBucket;
import dev.intake.providers.http.ProviderHttp;
import dev.intake.steps.StepExecutor;
import dev.intake.steps.StepOutcome;
import dev.intake.steps.UploadStep;
import dev.intake.store.DatabaseUnavailable;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.testing.Eventually;
import dev.intake.testing.FunctionUrlEvents;
import dev.intake.testing.LogCapture;
import dev.intake.testing.PostgresResource;
import dev.intake.testing.RecallFixtures;
import dev.intake.testing.SecretsManagerStub;
import dev.intake.testing.TestData;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.ErrorKind;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The secrets of a deployment read from Secrets Manager (WireMock) at run time, in one application as a
 * Lambda runs it: nothing read at start, read once for many uses, a rotation used at the first refusal of
 * the old value (no redeploy, no restart), a Secrets Manager that refuses turned into a 503 or a step's
 * retry, and no value in any log line. The tests run in order: each goes on from the secrets the last left.
 */
@QuarkusTest
@TestProfile(SecretsManagerProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecretsTest {

    private static final String APP = SecretsManagerProfile.APP_SECRET;
    private static final String DATABASE = SecretsManagerProfile.DATABASE_SECRET;
    private static final String ROLE_BEFORE = "intake_secrets_before";
    private static final String ROLE_AFTER = "intake_secrets_after";
    private static final String CHAT = "/secrets-llm/v1/chat/completions";

    private static final String WEBHOOK_ONE = webhookSecret("first");
    private static final String WEBHOOK_TWO = webhookSecret("second");
    private static final String JWT_ONE = value("jwt-one-that-is-long-enough-for-hs256");
    private static final String JWT_TWO = value("jwt-two-that-is-long-enough-for-hs256");
    private static final String FORWARD_ONE = value("forward-one");
    private static final String FORWARD_TWO = value("forward-two");
    private static final String ANALYSIS_ONE = value("analysis-one");
    private static final String ANALYSIS_TWO = value("analysis-two");
    private static final String RECALL_ONE = "test-recall-key";
    private static final String RECALL_TWO = value("recall-two");
    private static final String DB_PASSWORD_ONE = value("db-password-one");
    private static final String DB_PASSWORD_TWO = value("db-password-two");
    /** Every value the secrets hold in these tests (a webhook secret with and without its prefix): none may reach a log line. */
    private static final List<String> VALUES = List.of(WEBHOOK_ONE, WEBHOOK_ONE.substring(6), WEBHOOK_TWO,
            WEBHOOK_TWO.substring(6), JWT_ONE, JWT_TWO, FORWARD_ONE, FORWARD_TWO, ANALYSIS_ONE, ANALYSIS_TWO, RECALL_ONE,
            RECALL_TWO, DB_PASSWORD_ONE, DB_PASSWORD_TWO);

    /** The app secret's fields as the test has them now. */
    private static final Map<String, String> appSecret = new HashMap<>();
    private static int readsWhileStarting;
    private static LogCapture logs;

    @ConfigProperty(name = "quarkus.lambda.mock-event-server.test-port")
    int lambdaPort;
    @Inject
    Db db;
    @Inject
    TestData data;
    @Inject
    InterviewStore interviews;
    @Inject
    MediaBucket bucket;
    @Inject
    StepExecutor executor;
    @Inject
    JwtAuthenticator authenticator;
    @Inject
    ForwardSecret forwardSecret;
    @Inject
    ProviderHttp providers;
    @Inject
    Secrets secrets;

    private static String value(String name) {
        return name + "-" + UUID.randomUUID();
    }

    private static String webhookSecret(String name) {
        return "whsec_" + Base64.getEncoder().encodeToString(value(name).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void theDeploymentsSecrets() throws SQLException {
        // Counted before anything else: the application has started, and must not have read a secret.
        readsWhileStarting = SecretsManagerStub.reads(APP) + SecretsManagerStub.reads(DATABASE);
        logs = LogCapture.everything();
        // The SDK's default chain, as a Lambda's role would give it.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        superuser("DROP ROLE IF EXISTS " + ROLE_BEFORE, "DROP ROLE IF EXISTS " + ROLE_AFTER,
                "CREATE ROLE " + ROLE_BEFORE + " LOGIN SUPERUSER", "CREATE ROLE " + ROLE_AFTER + " LOGIN SUPERUSER");
        appSecret.putAll(Map.of("recallWebhookSecret", WEBHOOK_ONE, "recallApiKey", RECALL_ONE, "jwtSecret", JWT_ONE,
                "r2ForwardSecret", FORWARD_ONE, "analysisApiKey", ANALYSIS_ONE));
        SecretsManagerStub.holds(APP, appSecret);
        SecretsManagerStub.holds(DATABASE, Map.of("username", ROLE_BEFORE, "password", DB_PASSWORD_ONE));
    }

    @AfterAll
    static void stopCapturing() {
        logs.close();
    }

    /** Statements as the server's own superuser, past the application's pool (whose login is under test). */
    private static void superuser(String... statements) throws SQLException {
        String url = LocalPostgres.datasourceProperties(PostgresResource.serverPort()).get("quarkus.datasource.jdbc.url");
        try (Connection connection = DriverManager.getConnection(url, LocalPostgres.USER, LocalPostgres.USER);
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static void rotate(String field, String value) {
        appSecret.put(field, value);
        SecretsManagerStub.holds(APP, appSecret);
    }

    private static Map<String, String> signed(String secret, byte[] body) {
        long now = Instant.now().getEpochSecond();
        String id = "msg_" + UUID.randomUUID();
        return new HashMap<>(Map.of("webhook-id", id, "webhook-timestamp", String.valueOf(now),
                "webhook-signature", new SvixSignature(secret, Duration.ofMinutes(5), Clock.systemUTC()).signatureOf(id, now, body),
                "content-type", "application/json"));
    }

    /** A Recall event that needs no action, signed with {@code secret}, through recall-webhook's Lambda contract. */
    private JsonPath deliverSignedWith(String secret) {
        byte[] body = "{\"event\": \"bot.status_change\", \"data\": {\"bot\": {\"id\": \"bot-1\"}}}".getBytes(StandardCharsets.UTF_8);
        String event = FunctionUrlEvents.request("POST", "/", null, signed(secret, body), body, false);
        return given().body(event).contentType("application/json").post("http://localhost:" + lambdaPort)
                .then().statusCode(200).extract().jsonPath();
    }

    private String currentUser() {
        return db.execute("SELECT current_user AS u", Tuple.tuple()).iterator().next().getString("u");
    }

    @Test
    @Order(1)
    void nothing_secret_is_read_while_the_application_starts() {
        assertEquals(0, readsWhileStarting, "the pool and Flyway were built at start without reading the database secret,"
                + " and nothing read the app secret: under SnapStart it would be frozen into the snapshot");
    }

    @Test
    @Order(2)
    void a_webhook_is_verified_with_the_secrets_value_read_at_its_first_use_once_for_many_deliveries() {
        for (int delivery = 0; delivery < 5; delivery++) {
            JsonPath response = deliverSignedWith(WEBHOOK_ONE);
            assertEquals(200, response.getInt("statusCode"), response.prettify());
        }

        assertEquals(1, SecretsManagerStub.reads(APP), "read once, then cached");
        JsonPath plainSetting = deliverSignedWith(RecallFixtures.SECRET);
        assertEquals(401, plainSetting.getInt("statusCode"), "the plain setting is not the secret any more");
    }

    @Test
    @Order(3)
    void a_webhook_signed_with_a_rotated_secret_is_accepted_at_once_well_within_the_ttl() {
        rotate("recallWebhookSecret", WEBHOOK_TWO);
        int before = SecretsManagerStub.reads(APP);

        JsonPath response = deliverSignedWith(WEBHOOK_TWO);

        assertEquals(200, response.getInt("statusCode"), response.prettify());
        assertEquals(before + 1, SecretsManagerStub.reads(APP), "read again once, at the refusal of the cached secret");
        assertEquals(200, deliverSignedWith(WEBHOOK_TWO).getInt("statusCode"));
        assertEquals(before + 1, SecretsManagerStub.reads(APP), "and cached again");
        assertEquals(401, deliverSignedWith(WEBHOOK_ONE).getInt("statusCode"), "the rotated-out secret is refused");
    }

    @Test
    @Order(4)
    void a_rotated_token_secret_forward_secret_or_provider_key_is_used_at_the_first_refusal_of_the_old_one() {
        UUID user = UUID.randomUUID();
        Optional<String> audience = Optional.of("authenticated");
        Instant now = Instant.now();
        assertEquals(new Caller(user), authenticator.authenticate(Map.of("authorization",
                "Bearer " + JwtSigner.sign(user, audience, now, now.plusSeconds(600), JWT_ONE))));
        rotate("jwtSecret", JWT_TWO);
        assertEquals(new Caller(user), authenticator.authenticate(Map.of("authorization",
                "Bearer " + JwtSigner.sign(user, audience, now, now.plusSeconds(600), JWT_TWO))));

        assertDoesNotThrow(() -> forwardSecret.verify(Map.of("x-intake-forward-secret", FORWARD_ONE)));
        rotate("r2ForwardSecret", FORWARD_TWO);
        assertDoesNotThrow(() -> forwardSecret.verify(Map.of("x-intake-forward-secret", FORWARD_TWO)));

        // The provider stops taking the old key as the secret starts holding the new one.
        WireMockResource.server().register(post(urlEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer " + ANALYSIS_ONE))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Incorrect API key provided\"}}")));
        WireMockResource.server().register(post(urlEqualTo(CHAT)).withHeader("Authorization", equalTo("Bearer " + ANALYSIS_TWO))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"answered\": true}")));
        rotate("analysisApiKey", ANALYSIS_TWO);
        var answer = providers.sendForJson("the analysis model", secrets.of(SecretField.ANALYSIS_API_KEY),
                key -> HttpRequest.newBuilder(URI.create(WireMockResource.baseUrl() + CHAT))
                        .header("Authorization", "Bearer " + key.orElseThrow()).POST(HttpRequest.BodyPublishers.ofString("{}")));

        assertTrue(answer.path("answered").asBoolean());
        assertEquals(List.of(1, 1), List.of(
                WireMockResource.server().find(postRequestedFor(urlEqualTo(CHAT)).withHeader("Authorization",
                        equalTo("Bearer " + ANALYSIS_ONE))).size(),
                WireMockResource.server().find(postRequestedFor(urlEqualTo(CHAT)).withHeader("Authorization",
                        equalTo("Bearer " + ANALYSIS_TWO))).size()));
    }

    private UUID recallInterview(String recordingId, String runId) {
        TestData.Project project = data.project();
        UUID id = UUID.randomUUID();
        interviews.insertStarted(new InterviewStore.NewInterview(id, project.accountId(), project.projectId(), "Call",
                Interview.Source.recall(recordingId, null), null, null), runId, "Recording queued").orElseThrow();
        return id;
    }

    @Test
    @Order(5)
    void the_upload_step_calls_recall_with_the_rotated_api_key_after_its_first_401() {
        bucket.ensureExists();
        String recordingId = UUID.randomUUID().toString();
        RecallFixtures.stubRecording(recordingId, "video".getBytes(StandardCharsets.UTF_8), RecallFixtures.transcript(), RECALL_TWO);
        String path = "/api/v1/recording/" + recordingId + "/";
        WireMockResource.server().register(get(urlEqualTo(path)).withHeader("Authorization", equalTo("Token " + RECALL_ONE))
                .willReturn(aResponse().withStatus(401).withBody("{\"detail\": \"Invalid token.\"}")));
        rotate("recallApiKey", RECALL_TWO);
        String runId = UUID.randomUUID().toString();
        UUID id = recallInterview(recordingId, runId);

        StepOutcome copied = executor.execute(id, runId, Step.UPLOAD);

        assertEquals(UploadStep.CONTINUE_AFTER_COPY, assertInstanceOf(StepOutcome.Waiting.class, copied).checkAgainIn());
        assertEquals(List.of(1, 1), List.of(
                WireMockResource.server().find(getRequestedFor(urlEqualTo(path)).withHeader("Authorization",
                        equalTo("Token " + RECALL_ONE))).size(),
                WireMockResource.server().find(getRequestedFor(urlEqualTo(path)).withHeader("Authorization",
                        equalTo("Token " + RECALL_TWO))).size()));
    }

    @Test
    @Order(6)
    void a_rotated_database_login_reaches_new_connections_without_a_restart_and_an_unreadable_one_is_a_database_outage()
            throws SQLException {
        assertEquals(ROLE_BEFORE, currentUser(), "the pool's connections log in as the secret says");
        int before = SecretsManagerStub.reads(DATABASE);
        assertTrue(before >= 1);

        // The rotation begins: the old login stops working, and for a while the secret cannot be read.
        SecretsManagerStub.denies(DATABASE);
        superuser("ALTER ROLE " + ROLE_BEFORE + " NOLOGIN");
        String outage = Eventually.await(this::failureOfAQuery,
                failure -> failure.contains("could not read the secret '" + DATABASE + "'"), Duration.ofSeconds(20),
                "a query failing because the database secret cannot be read");
        assertTrue(outage.contains("AccessDeniedException"), outage);

        SecretsManagerStub.holds(DATABASE, Map.of("username", ROLE_AFTER, "password", DB_PASSWORD_TWO));
        Eventually.await(this::failureOfAQuery, "as intake_secrets_after"::equals, Duration.ofSeconds(20),
                "a query on a connection with the rotated login");
        assertEquals(ROLE_AFTER, currentUser());
        assertTrue(SecretsManagerStub.reads(DATABASE) - before <= 5,
                "read again at the refusals, not per connection: " + (SecretsManagerStub.reads(DATABASE) - before));
    }

    /** "as <user>" when a query runs, or the DatabaseUnavailable message saying why not. */
    private String failureOfAQuery() {
        try {
            return "as " + currentUser();
        } catch (DatabaseUnavailable e) {
            return e.getMessage();
        }
    }

    @Test
    @Order(7)
    void a_secrets_manager_that_refuses_makes_a_delivery_answer_503_and_a_step_schedule_its_retry() {
        SecretsManagerStub.denies(APP);

        JsonPath forged = deliverSignedWith(webhookSecret("unknown"));
        assertEquals(503, forged.getInt("statusCode"), "the refusal's read failed: whether it was a rotation is unknown");
        assertEquals("10", forged.getString("headers.retry-after"));
        JsonPath genuine = deliverSignedWith(WEBHOOK_TWO);
        assertEquals(503, genuine.getInt("statusCode"), "a genuine delivery is asked to come again, not refused");

        String recordingId = UUID.randomUUID().toString();
        String runId = UUID.randomUUID().toString();
        UUID id = recallInterview(recordingId, runId);
        StepOutcome outcome = executor.execute(id, runId, Step.UPLOAD);

        StepOutcome.RetryScheduled retry = assertInstanceOf(StepOutcome.RetryScheduled.class, outcome);
        assertEquals(ErrorKind.TRANSIENT, retry.error().kind());
        assertTrue(retry.error().message().startsWith("could not read the secret '" + APP + "': Secrets Manager refused"
                + " GetSecretValue (HTTP 400 AccessDeniedException"), retry.error().message());
        assertEquals("transient", data.interview(id).run().getJsonObject("error").getString("kind"));

        assertFalse(logs.saying("answered 503").isEmpty(), "the 503 is logged with its reason");
        assertTrue(logs.saying("answered 503").get(0).says("could not read the secret '" + APP + "'"));
        SecretsManagerStub.holds(APP, appSecret);
    }

    @Test
    @Order(8)
    void no_secret_value_is_ever_written_to_the_log() {
        List<LogCapture.Line> lines = logs.lines();
        assertFalse(lines.isEmpty());
        for (LogCapture.Line line : lines) {
            StringBuilder text = new StringBuilder(line.message());
            for (Throwable thrown = line.thrown(); thrown != null; thrown = thrown.getCause()) {
                text.append('\n').append(thrown);
            }
            for (String value : VALUES) {
                assertFalse(text.toString().contains(value), "a log line of " + line.logger() + " holds a secret value: " + text);
            }
        }
    }
}
