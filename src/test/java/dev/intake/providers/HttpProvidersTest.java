package dev.intake.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.intake.engine.Repairs;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.functions.StepLambdas;
import dev.intake.interview.Evidence;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.steps.StepExecutor;
import dev.intake.steps.StepOutcome;
import dev.intake.steps.UploadStep;
import dev.intake.store.Db;
import dev.intake.store.EvidenceStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.sweeper.SweepReport;
import dev.intake.sweeper.Sweeper;
import dev.intake.testing.LogCapture;
import dev.intake.testing.TestData;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * An audio upload through AssemblyAI and an OpenAI-compatible model, over real HTTP against WireMock:
 * what each answer of the providers does to the interview and to the rows written.
 */
@QuarkusTest
@TestProfile(HttpProvidersProfile.class)
class HttpProvidersTest {

    @Inject
    dev.intake.store.ConversationLensStore lenses;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHAT = "/llm/v1/chat/completions";

    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    EvidenceStore evidence;
    @Inject
    TestData data;
    @Inject
    InterviewStore interviews;
    @Inject
    StepExecutor executor;
    @Inject
    Repairs repairs;
    @Inject
    Sweeper sweeper;
    @Inject
    Db db;
    @Inject
    StepLambdas functions;

    private MediaKey key;
    private String marker;
    private String dana;

    @BeforeEach
    void anAudioUpload() {
        bucket.ensureExists();
        key = data.uploadingInterview(data.project("What would they pay for?"), "call.mp4");
        data.putObject(key, "not really audio, AssemblyAI is WireMock");
        marker = "Q" + UUID.randomUUID().toString().substring(0, 8);
        // Long enough that the conversation overview is asked of the model (Insights analyses 200 characters or more).
        dana = "It takes two weeks before a new analyst ships a report " + marker
                + ", because every dashboard needs a ticket to the data team and the queue is always long.";
    }

    private Interview process() {
        completion.accept(new ObjectCreated(bucket.name(), key.key(), 10));
        return data.awaitSettled(key.interviewId());
    }

    private String transcriptId() {
        return "tr-" + key.interviewId();
    }

    /** AssemblyAI answers the submission for this interview's media, then "processing", then the transcript. */
    private void assemblyAiTranscribes() {
        stubAssemblyAiSubmit(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"id\": \"" + transcriptId() + "\", \"status\": \"queued\"}"));
        String scenario = "poll-" + transcriptId();
        WireMockResource.server().register(get(urlEqualTo("/assemblyai/v2/transcript/" + transcriptId()))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(json("{\"id\": \"" + transcriptId() + "\", \"status\": \"processing\"}")));
        ObjectNode completed = (ObjectNode) dev.intake.testing.RecallFixtures.contract("assemblyai-transcript-completed.json");
        completed.put("id", transcriptId());
        ((ObjectNode) completed.get("utterances").get(1)).put("text", dana);
        WireMockResource.server().register(get(urlEqualTo("/assemblyai/v2/transcript/" + transcriptId()))
                .inScenario(scenario).whenScenarioStateIs("done")
                .willReturn(json(completed.toString())));
    }

    /**
     * AssemblyAI accepts the media, reports {@code states} on successive checks, then the transcript
     * (or, with {@code error}, its failure).
     */
    private void assemblyAiAnswers(boolean error, String... states) {
        stubAssemblyAiSubmit(json("{\"id\": \"" + transcriptId() + "\", \"status\": \"queued\"}"));
        String scenario = "checks-" + transcriptId();
        String state = Scenario.STARTED;
        for (int i = 0; i < states.length; i++) {
            WireMockResource.server().register(get(urlEqualTo("/assemblyai/v2/transcript/" + transcriptId()))
                    .inScenario(scenario).whenScenarioStateIs(state).willSetStateTo("check-" + (i + 1))
                    .willReturn(json("{\"id\": \"" + transcriptId() + "\", \"status\": \"" + states[i] + "\"}")));
            state = "check-" + (i + 1);
        }
        ObjectNode last = (ObjectNode) dev.intake.testing.RecallFixtures.contract(error
                ? "assemblyai-transcript-error.json" : "assemblyai-transcript-completed.json");
        last.put("id", transcriptId());
        if (!error) {
            ((ObjectNode) last.get("utterances").get(1)).put("text", dana);
        }
        WireMockResource.server().register(get(urlEqualTo("/assemblyai/v2/transcript/" + transcriptId()))
                .inScenario(scenario).whenScenarioStateIs(state).willReturn(json(last.toString())));
    }

    private int submissions() {
        return WireMockResource.server().find(postRequestedFor(urlEqualTo("/assemblyai/v2/transcript"))
                .withRequestBody(containing(key.interviewId().toString()))).size();
    }

    private int checks() {
        return WireMockResource.server().find(getRequestedFor(urlEqualTo("/assemblyai/v2/transcript/" + transcriptId()))).size();
    }

    /** The upload completed and its run recorded, but no engine told: the test invokes the step, as Step Functions would. */
    private String uploadedRun() {
        String runId = UUID.randomUUID().toString();
        assertTrue(interviews.completeUpload(key.interviewId(), key.key(), runId).won());
        return runId;
    }

    /** One invocation of the upload step, as its Lambda function gets it. */
    private StepOutcome invokeUpload(String runId) {
        return executor.execute(key.interviewId(), runId, Step.UPLOAD);
    }

    /** The interview between invocations: still at upload, its lease released, AssemblyAI's transcript id kept. */
    private Interview assertWaitingForAssemblyAi() {
        Interview waiting = data.interview(key.interviewId());
        assertEquals(InterviewStatus.TRANSCRIBING, waiting.status(), waiting.lastError().map(Object::toString).orElse(""));
        assertEquals("upload", waiting.currentStep().orElseThrow());
        JsonObject job = waiting.run().getJsonObject("transcription");
        assertEquals("assemblyai", job == null ? null : job.getString("provider"), waiting.run().encode());
        assertEquals(transcriptId(), job.getString("id"));
        assertTrue(job.containsKey("submitted_at"), job.encode());
        assertFalse(waiting.run().containsKey("lease_owner"), "no invocation holds the step while AssemblyAI works");
        assertEquals(0, waiting.run().getInteger("attempt", 0), "a check that finds the transcript unfinished is no failed attempt");
        assertTrue(waiting.statusDetail().orElseThrow().contains("AssemblyAI"), waiting.statusDetail().orElseThrow());
        return waiting;
    }

    private void stubAssemblyAiSubmit(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        WireMockResource.server().register(post(urlEqualTo("/assemblyai/v2/transcript"))
                .withHeader("Authorization", equalTo("test-assemblyai-key"))
                .withRequestBody(matchingJsonPath("$.speaker_labels", equalTo("true")))
                .withRequestBody(containing(key.interviewId().toString()))
                .willReturn(response));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** A chat completion whose message content is {@code content}. */
    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder completion(String content) {
        ObjectNode answer = JSON.createObjectNode().put("id", "chatcmpl-1").put("object", "chat.completion");
        ObjectNode choice = answer.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content).putNull("refusal");
        return json(answer.toString());
    }

    private MappingBuilder chatFor(String schema) {
        return post(urlEqualTo(CHAT))
                .withHeader("Authorization", equalTo("Bearer test-llm-key"))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo(schema)))
                .withRequestBody(containing(marker));
    }

    private String evidenceAnswer() {
        return "{\"evidence\": [{\"kind\": \"pain\", \"verbatim\": \"" + dana + "\", \"speaker\": \"Speaker B\","
                + " \"start_seconds\": 6.4, \"end_seconds\": 11.2," + turnFields(dana) + "}],"
                + " \"people\": [{\"name\": \"Speaker A\", \"role\": \"interviewer\", \"relation\": null},"
                + " {\"name\": \"Speaker B\", \"role\": \"interviewee\", \"relation\": null}]}";
    }

    /** The model answers every step for this interview. */
    private void modelAnalyses() {
        WireMockResource.server().register(chatFor("evidence").willReturn(completion(evidenceAnswer())));
        WireMockResource.server().register(chatFor("people").willReturn(completion(
                "{\"people\": [{\"name\": \"Unknown Participant\", \"description\": \"Leads analysts; " + marker + "\"}]}")));
        WireMockResource.server().register(chatFor("themes").willReturn(completion(
                "{\"themes\": [{\"name\": \"Slow onboarding\", \"statement\": \"New analysts take weeks.\","
                        + " \"inclusion_criteria\": \"Quotes about ramp-up time\", \"exclusion_criteria\": null,"
                        + " \"synonyms\": [\"ramp-up\"], \"project_theme\": null,"
                        + " \"evidence\": [{\"number\": 0, \"confidence\": 0.9, \"rationale\": \"Says how long it takes\"}]}]}")));
        WireMockResource.server().register(chatFor("personas").willReturn(completion(
                "{\"personas\": [{\"name\": \"Analytics lead\", \"description\": \"Runs a team.\", \"goals\": [\"Faster onboarding\"],"
                        + " \"pains\": [\"Two-week ramp-up\"]}]}")));
        WireMockResource.server().register(chatFor("answers").willReturn(completion(
                "{\"answers\": [{\"question\": 0, \"answer\": null, \"confidence\": 0, \"reasoning\": null,"
                        + " \"next_steps\": null, \"evidence\": []}]}")));
        WireMockResource.server().register(chatFor("conversation_overview").willReturn(completion(
                "{\"overview\": \"An analytics lead on slow onboarding.\", \"duration_estimate\": null, \"questions\": [],"
                        + " \"participant_goals\": [], \"key_takeaways\": [{\"priority\": \"high\", \"summary\":"
                        + " \"Onboarding takes two weeks\", \"evidence_snippets\": [\"two weeks\"], \"evidence\": [0]}],"
                        + " \"open_questions\": [], \"recommended_next_steps\": [], \"title\": \"Analyst Onboarding\"}")));
    }

    private void assertFailedAt(Interview failed, String step, String kind, String messageStart) {
        assertEquals(InterviewStatus.ERROR, failed.status());
        JsonObject error = failed.lastError().orElseThrow();
        assertEquals(step, error.getString("step"));
        assertEquals(kind, error.getString("kind"));
        assertTrue(error.getString("message").startsWith(messageStart), error.getString("message"));
        assertEquals(0, data.rows("evidence", failed.id()));
    }

    @Test
    void audio_is_transcribed_by_assemblyai_and_analysed_by_the_model_to_ready() {
        assemblyAiTranscribes();
        modelAnalyses();
        Interview done = process();
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        List<Evidence> found = evidence.list(done.id());
        assertEquals(1, found.size());
        assertEquals(dana, found.get(0).verbatim());
        assertEquals(6.4, found.get(0).startSec(), 1e-9);
        assertEquals(1, data.rows("interview_people", done.id()),
                "Speaker B is Insights' Unknown Participant; the interviewer, a label with no member behind it, no one");
        assertEquals(1, data.rows("themes", done.id()));
        assertEquals(1, data.rows("theme_evidence", done.id()));
        assertEquals(1, data.rows("personas", done.id()));
        assertEquals(0, data.rows("project_answers", done.id()), "the model left the one question unanswered: no answer row");
        assertEquals(1, done.analysis().getInteger("evidence_count"));
        JsonObject takeaway = lenses.find(done.id()).orElseThrow().analysisData().getJsonArray("key_takeaways").getJsonObject(0);
        assertEquals(new JsonArray().add(found.get(0).id().toString()), takeaway.getJsonArray("supporting_evidence_ids"),
                "the model's evidence number becomes the evidence's id");
        assertEquals("Analyst Onboarding", data.interview(done.id()).title(), "call.mp4 was a placeholder");
    }

    @Test
    void the_models_themes_and_answers_land_in_the_columns_insights_fills() {
        assemblyAiTranscribes();
        modelAnalyses();
        WireMockResource.server().register(chatFor("answers").atPriority(1).willReturn(completion(
                "{\"answers\": [{\"question\": 0, \"answer\": \"Nothing said on price; the ramp-up is the pain.\","
                        + " \"confidence\": 0.7, \"reasoning\": \"Only the ramp-up time was discussed\","
                        + " \"next_steps\": \"Ask about budget\", \"evidence\": [{\"number\": 0, \"relationship\": \"neutral\","
                        + " \"confidence\": 0.7, \"rationale\": \"Speaks to cost in time, not money\"}]}]}")));
        Interview done = process();
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        var theme = db.execute("""
                SELECT t.name, t.statement, t.inclusion_criteria, t.synonyms, te.confidence, te.rationale
                FROM theme_evidence te JOIN themes t ON t.id = te.theme_id JOIN evidence e ON e.id = te.evidence_id
                WHERE e.interview_id = $1""", Tuple.of(done.id())).iterator().next();
        assertEquals("Quotes about ramp-up time", theme.getString("inclusion_criteria"));
        assertEquals(List.of("ramp-up"), List.of(theme.getArrayOfStrings("synonyms")));
        assertEquals(0.9, theme.getNumeric("confidence").doubleValue(), 1e-9);
        assertEquals("Says how long it takes", theme.getString("rationale"));
        var answer = db.execute("""
                SELECT a.confidence, a.analysis_rationale, a.analysis_next_steps, pae.payload
                FROM project_answers a JOIN project_answer_evidence pae ON pae.answer_id = a.id
                WHERE a.interview_id = $1""", Tuple.of(done.id())).iterator().next();
        assertEquals(0.7, answer.getNumeric("confidence").doubleValue(), 1e-9);
        assertEquals("Only the ramp-up time was discussed", answer.getString("analysis_rationale"));
        assertEquals("Ask about budget", answer.getString("analysis_next_steps"));
        assertEquals("neutral", ((JsonObject) answer.getValue("payload")).getString("relationship"));
    }

    @Test
    void custom_instructions_reach_every_analysis_prompt() {
        key = data.uploadingInterview(data.project("What would they pay for?"), "call.mp4", "Focus on pricing " + marker);
        data.putObject(key, "audio");
        assemblyAiTranscribes();
        modelAnalyses();
        assertEquals(InterviewStatus.READY, process().status());
        for (String schema : List.of("evidence", "people", "themes", "personas", "answers", "conversation_overview")) {
            assertEquals(1, WireMockResource.server().find(postRequestedFor(urlEqualTo(CHAT))
                    .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo(schema)))
                    .withRequestBody(matchingJsonPath("$.messages[0].content", containing("Focus on pricing " + marker))))
                    .size(), schema);
        }
    }

    @Test
    void a_429_is_retried_after_the_time_retry_after_gives() {
        assemblyAiTranscribes();
        modelAnalyses();
        String scenario = "busy-" + marker;
        WireMockResource.server().register(chatFor("evidence").atPriority(1).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("calm")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody("{\"error\": {\"message\": \"Rate limit reached\"}}")));
        WireMockResource.server().register(chatFor("evidence").atPriority(1).inScenario(scenario)
                .whenScenarioStateIs("calm").willReturn(completion(evidenceAnswer())));

        Interview done = process();

        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        List<LoggedRequest> calls = WireMockResource.server().find(postRequestedFor(urlEqualTo(CHAT))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.name", equalTo("evidence")))
                .withRequestBody(containing(marker)));
        assertEquals(2, calls.size());
        long waited = calls.get(1).getLoggedDate().getTime() - calls.get(0).getLoggedDate().getTime();
        assertTrue(waited >= 1000, "waited " + waited + " ms for a Retry-After of 1 s");
    }

    @Test
    void a_500_then_success_is_retried_to_ready() {
        String scenario = "flaky-" + marker;
        WireMockResource.server().register(post(urlEqualTo("/assemblyai/v2/transcript")).atPriority(1)
                .withRequestBody(containing(key.interviewId().toString()))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\": \"internal\"}")));
        assemblyAiTranscribes();
        modelAnalyses();
        WireMockResource.server().register(post(urlEqualTo("/assemblyai/v2/transcript")).atPriority(1)
                .withRequestBody(containing(key.interviewId().toString()))
                .inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(json("{\"id\": \"" + transcriptId() + "\", \"status\": \"queued\"}")));
        assertEquals(InterviewStatus.READY, process().status());
    }

    @Test
    void a_400_is_permanent_and_carries_the_providers_message() {
        assemblyAiTranscribes();
        WireMockResource.server().register(chatFor("evidence").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Invalid schema for response_format 'evidence'\"}}")));
        try (LogCapture logs = LogCapture.start()) {
            assertFailedAt(process(), "evidence", "permanent",
                    "the analysis model refused the request (HTTP 400): Invalid schema for response_format 'evidence'");
            List<LogCapture.Line> failed = logs.saying(key.interviewId() + ": evidence failed (permanent");
            assertEquals(1, failed.size(), logs.lines().toString());
            assertEquals(null, failed.get(0).thrown(), "an expected refusal is one line, without a stack trace");
        }
    }

    @Test
    void malformed_json_from_the_model_endpoint_is_a_permanent_error() {
        assemblyAiTranscribes();
        WireMockResource.server().register(chatFor("evidence").willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"choices\": [")));
        assertFailedAt(process(), "evidence", "permanent", "the analysis model answered with malformed JSON");
    }

    @Test
    void output_that_breaks_the_schema_fails_the_step_and_writes_nothing() {
        assemblyAiTranscribes();
        WireMockResource.server().register(chatFor("evidence").willReturn(completion(
                "{\"evidence\": [{\"kind\": \"pain\", \"verbatim\": \"Onboarding is slow " + marker + "\", \"speaker\": \"Speaker B\","
                        + " \"start_seconds\": 6.4, \"end_seconds\": 11.2," + turnFields("Onboarding is slow " + marker)
                        + "}], \"people\": []}")));
        assertFailedAt(process(), "evidence", "permanent",
                "the analysis model returned output that does not match the schema: the quote");
        assertEquals(0, data.rows("interview_people", key.interviewId()));
    }

    @Test
    void a_missing_field_in_the_output_fails_the_step() {
        assemblyAiTranscribes();
        WireMockResource.server().register(chatFor("evidence").willReturn(completion(
                "{\"evidence\": [{\"kind\": \"pain\", \"verbatim\": \"" + dana + "\"}], \"people\": []}")));
        assertFailedAt(process(), "evidence", "permanent",
                "the analysis model returned output that does not match the schema: 'speaker' is not a non-empty string");
    }

    @Test
    void a_model_that_never_answers_in_time_ends_in_a_transient_error_after_the_retries_each_logged_in_one_line() {
        assemblyAiTranscribes();
        WireMockResource.server().register(chatFor("evidence").willReturn(completion(evidenceAnswer()).withFixedDelay(1500)));
        try (LogCapture logs = LogCapture.start()) {
            assertFailedAt(process(), "evidence", "transient",
                    "the analysis model did not answer within 1 s (gave up after 3 attempts)");
            List<LogCapture.Line> retries = logs.saying(key.interviewId() + ": evidence failed transiently");
            assertEquals(2, retries.size(), logs.lines().toString());
            for (LogCapture.Line retry : retries) {
                assertTrue(retry.says("the analysis model did not answer within 1 s"), retry.message());
                assertEquals(null, retry.thrown(), "a retried failure is one line, without a stack trace");
            }
        }
    }

    @Test
    void an_assemblyai_transcription_error_is_permanent_with_its_reason() {
        stubAssemblyAiSubmit(json("{\"id\": \"" + transcriptId() + "\", \"status\": \"queued\"}"));
        ObjectNode error = (ObjectNode) dev.intake.testing.RecallFixtures.contract("assemblyai-transcript-error.json");
        error.put("id", transcriptId());
        WireMockResource.server().register(get(urlEqualTo("/assemblyai/v2/transcript/" + transcriptId()))
                .willReturn(json(error.toString())));
        Interview failed = process();
        assertFailedAt(failed, "upload", "permanent", "AssemblyAI could not transcribe 'call.mp4': Download error");
    }

    @Test
    void assemblyai_milliseconds_become_seconds_and_speakers_are_named() {
        assemblyAiTranscribes();
        modelAnalyses();
        Interview done = process();
        assertEquals(InterviewStatus.READY, done.status());
        JsonObject summary = done.analysis().getJsonObject("transcript_data");
        assertEquals("assemblyai", summary.getString("format"));
        assertEquals(11.2, summary.getDouble("duration_sec"), 1e-9);
        assertEquals(List.of("Speaker A", "Speaker B"), summary.getJsonArray("speakers").getList());
    }

    @Test
    void assemblyai_is_submitted_once_and_checked_once_per_invocation_until_its_transcript_is_completed() {
        assemblyAiAnswers(false, "queued", "processing");
        String runId = uploadedRun();

        StepOutcome submitted = invokeUpload(runId);
        assertWaitingForAssemblyAi();
        assertEquals(List.of(1, 0), List.of(submissions(), checks()), submitted.toString());
        assertEquals(Duration.ofMillis(50), assertInstanceOf(StepOutcome.Waiting.class, submitted).checkAgainIn());
        // The step's Lambda function answers so the state machine waits (whole seconds) and calls it again.
        StepLambdas.StepResponse queued = functions.upload(new StepLambdas.StepRequest(key.interviewId().toString(), runId));
        assertEquals(List.of("waiting", "upload", 1L), List.of(queued.outcome(), queued.next(), queued.retryAfterSeconds()));
        assertWaitingForAssemblyAi();
        assertInstanceOf(StepOutcome.Waiting.class, invokeUpload(runId));
        assertWaitingForAssemblyAi();
        StepOutcome completed = invokeUpload(runId);

        assertEquals(Step.EVIDENCE, assertInstanceOf(StepOutcome.Advanced.class, completed).next());
        assertEquals(List.of(1, 3), List.of(submissions(), checks()));
        Interview transcribed = data.interview(key.interviewId());
        assertEquals(InterviewStatus.TRANSCRIBED, transcribed.status());
        assertEquals("assemblyai", transcribed.analysis().getJsonObject("transcript_data").getString("format"));
    }

    @Test
    void a_url_import_of_audio_is_copied_in_one_invocation_and_transcribed_from_the_next_copied_once() {
        String path = "/media/" + UUID.randomUUID() + "/call.mp3";
        WireMockResource.server().register(get(urlEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "audio/mpeg").withBody("not really audio either")));
        TestData.Project project = data.project("What would they pay for?");
        key = new MediaKey(project.accountId(), project.projectId(), UUID.randomUUID(), "call.mp3");
        String runId = UUID.randomUUID().toString();
        interviews.insertStarted(new InterviewStore.NewInterview(key.interviewId(), project.accountId(), project.projectId(),
                "Call", Interview.Source.url(WireMockResource.baseUrl() + path, "call.mp3"), null, null), runId,
                "Import from URL queued").orElseThrow();
        assemblyAiAnswers(false, "processing");
        java.util.function.IntSupplier copies = () -> WireMockResource.server().find(getRequestedFor(urlEqualTo(path))).size();

        StepOutcome copied = invokeUpload(runId);

        // The copy is the whole of the first invocation: the step lets go, spending no attempt, and goes on at once.
        assertEquals(UploadStep.CONTINUE_AFTER_COPY, assertInstanceOf(StepOutcome.Waiting.class, copied).checkAgainIn());
        assertEquals(List.of(1, 0), List.of(copies.getAsInt(), submissions()));
        Interview between = data.interview(key.interviewId());
        assertEquals(key.key(), between.mediaKey());
        assertFalse(between.run().containsKey("lease_owner"));
        assertEquals(0, between.run().getInteger("attempt", 0));
        assertTrue(between.statusDetail().orElseThrow().contains("Copied 'call.mp3'"), between.statusDetail().orElseThrow());

        assertInstanceOf(StepOutcome.Waiting.class, invokeUpload(runId));
        assertWaitingForAssemblyAi();
        assertEquals(List.of(1, 1), List.of(copies.getAsInt(), submissions()));
        assertInstanceOf(StepOutcome.Waiting.class, invokeUpload(runId));
        StepOutcome transcribed = invokeUpload(runId);

        assertEquals(Step.EVIDENCE, assertInstanceOf(StepOutcome.Advanced.class, transcribed).next());
        assertEquals(List.of(1, 1), List.of(copies.getAsInt(), submissions()), "the media copied once, submitted once");
    }

    @Test
    void a_repair_while_assemblyai_transcribes_checks_the_same_transcript_and_submits_nothing_again() {
        assemblyAiAnswers(false, "queued", "processing");
        modelAnalyses();
        String runId = uploadedRun();
        invokeUpload(runId);
        invokeUpload(runId);
        assertWaitingForAssemblyAi();

        var repaired = repairs.repair(key.interviewId(), Optional.of(Step.UPLOAD));

        assertInstanceOf(Repairs.Result.Started.class, repaired);
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        assertEquals(1, submissions());
        assertEquals(3, checks());
    }

    @Test
    void a_sweeper_resume_while_assemblyai_transcribes_checks_the_same_transcript_and_submits_nothing_again() {
        assemblyAiAnswers(false, "processing");
        modelAnalyses();
        String runId = uploadedRun();
        invokeUpload(runId);
        assertWaitingForAssemblyAi();
        // The invocation that was to check again never comes (its execution died): the check it was waiting
        // for fell due long ago, and the sweeper finds it stalled.
        db.execute("""
                UPDATE interviews SET updated_at = now() - interval '30 minutes',
                    conversation_analysis = jsonb_set(conversation_analysis, '{intake,retry_at}',
                        to_jsonb(now() - interval '29 minutes'))
                WHERE id = $1""", Tuple.of(key.interviewId()));

        SweepReport report = sweeper.sweepNow(Duration.ofMinutes(5));

        assertTrue(report.resumed().stream().anyMatch(e -> e.interviewId().equals(key.interviewId().toString())),
                report.toString());
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        assertEquals(1, done.resumeCount());
        assertEquals(1, submissions());
    }

    @Test
    void a_transcript_assemblyai_fails_while_being_checked_is_a_permanent_error_with_its_reason() {
        assemblyAiAnswers(true, "queued");
        String runId = uploadedRun();
        invokeUpload(runId);
        invokeUpload(runId);
        assertWaitingForAssemblyAi();

        StepOutcome failed = invokeUpload(runId);

        assertInstanceOf(StepOutcome.Failed.class, failed);
        Interview interview = data.interview(key.interviewId());
        assertFailedAt(interview, "upload", "permanent", "AssemblyAI could not transcribe 'call.mp4': Download error");
        assertNull(interview.run().getJsonObject("transcription"), "forgotten, so a repair submits the media afresh");
        assertEquals(List.of(1, 2), List.of(submissions(), checks()));
    }

    /** The fields of Insights' evidence turn a model answers beside a quote. */
    private static String turnFields(String quote) {
        return " \"chunk\": \"" + quote + "\", \"gist\": \"Slow onboarding\", \"topic\": null,"
                + " \"why_it_matters\": \"delays the first invoice\", \"confidence\": \"high\", \"is_question\": false,"
                + " \"facet_mentions\": [{\"kind_slug\": \"pain\", \"value\": \"slow onboarding\", \"quote\": null}]";
    }
}
