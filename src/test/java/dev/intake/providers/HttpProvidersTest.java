package dev.intake.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.intake.ingest.MediaBucket;
import dev.intake.ingest.MediaKey;
import dev.intake.ingest.ObjectCreated;
import dev.intake.ingest.UploadCompletion;
import dev.intake.providers.analysis.Evidence;
import dev.intake.store.EvidenceStore;
import dev.intake.store.Interview;
import dev.intake.testing.LogCapture;
import dev.intake.testing.TestData;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;

/**
 * An audio upload through AssemblyAI and an OpenAI-compatible model, over real HTTP against WireMock:
 * what each answer of the providers does to the interview and to the rows written.
 */
@QuarkusTest
@TestProfile(HttpProvidersProfile.class)
class HttpProvidersTest {

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

    private MediaKey key;
    private String marker;
    private String dana;

    @BeforeEach
    void anAudioUpload() {
        bucket.ensureExists();
        key = data.uploadingInterview(data.project("What would they pay for?"), "call.mp4");
        data.putObject(key, "not really audio, AssemblyAI is WireMock");
        marker = "Q" + UUID.randomUUID().toString().substring(0, 8);
        dana = "It takes two weeks before a new analyst ships a report " + marker + ".";
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
                + " \"start_seconds\": 6.4, \"end_seconds\": 11.2}],"
                + " \"people\": [{\"name\": \"Speaker A\", \"role\": \"interviewer\", \"relation\": null},"
                + " {\"name\": \"Speaker B\", \"role\": \"interviewee\", \"relation\": null}]}";
    }

    /** The model answers every step for this interview. */
    private void modelAnalyses() {
        WireMockResource.server().register(chatFor("evidence").willReturn(completion(evidenceAnswer())));
        WireMockResource.server().register(chatFor("people").willReturn(completion(
                "{\"people\": [{\"name\": \"Speaker B\", \"description\": \"Leads analysts; " + marker + "\"}]}")));
        WireMockResource.server().register(chatFor("themes").willReturn(completion(
                "{\"themes\": [{\"name\": \"Slow onboarding\", \"summary\": \"New analysts take weeks.\", \"evidence\": [0]}]}")));
        WireMockResource.server().register(chatFor("personas").willReturn(completion(
                "{\"personas\": [{\"name\": \"Analytics lead\", \"description\": \"Runs a team.\", \"goals\": [\"Faster onboarding\"],"
                        + " \"pains\": [\"Two-week ramp-up\"]}]}")));
        WireMockResource.server().register(chatFor("answers").willReturn(completion(
                "{\"answers\": [{\"question\": 0, \"answer\": null, \"evidence\": []}]}")));
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
        assertEquals(2, data.rows("interview_people", done.id()));
        assertEquals(1, data.rows("themes", done.id()));
        assertEquals(1, data.rows("theme_evidence", done.id()));
        assertEquals(1, data.rows("personas", done.id()));
        assertEquals(0, data.rows("project_answers", done.id()), "the model left the one question unanswered: no answer row");
        assertEquals(1, done.analysis().getInteger("evidence_count"));
    }

    @Test
    void custom_instructions_reach_every_analysis_prompt() {
        key = data.uploadingInterview(data.project("What would they pay for?"), "call.mp4", "Focus on pricing " + marker);
        data.putObject(key, "audio");
        assemblyAiTranscribes();
        modelAnalyses();
        assertEquals(InterviewStatus.READY, process().status());
        for (String schema : List.of("evidence", "people", "themes", "personas", "answers")) {
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
        assertFailedAt(process(), "evidence", "permanent",
                "the analysis model refused the request (HTTP 400): Invalid schema for response_format 'evidence'");
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
                        + " \"start_seconds\": 6.4, \"end_seconds\": 11.2}], \"people\": []}")));
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
}
