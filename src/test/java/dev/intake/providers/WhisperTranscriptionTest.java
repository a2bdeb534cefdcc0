package dev.intake.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.interview.Transcript;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Interview;
import dev.intake.store.TranscriptStore;
import dev.intake.testing.RecallFixtures;
import dev.intake.testing.TestData;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** Audio through an OpenAI-compatible /v1/audio/transcriptions endpoint: the media streamed as multipart. */
@QuarkusTest
@TestProfile(WhisperProfile.class)
class WhisperTranscriptionTest {

    private static final String URL = "/whisper/v1/audio/transcriptions";

    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TranscriptStore transcripts;
    @Inject
    TestData data;

    private MediaKey key;
    private byte[] audio;

    @BeforeEach
    void anAudioUpload() {
        bucket.ensureExists();
        key = data.uploadingInterview(data.project(), "call-" + UUID.randomUUID() + ".m4a");
        audio = ("pretend audio " + key.interviewId()).getBytes(StandardCharsets.UTF_8);
        data.putObject(key, audio);
    }

    private Interview process() {
        completion.accept(new ObjectCreated(bucket.name(), key.key(), audio.length));
        return data.awaitSettled(key.interviewId());
    }

    @Test
    void the_media_is_posted_as_multipart_and_segments_become_a_timed_transcript() {
        ObjectNode verbose = RecallFixtures.contract("openai-transcription-verbose.json");
        WireMockResource.server().register(post(urlEqualTo(URL))
                .withHeader("Authorization", equalTo("Bearer test-whisper-key"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withMultipartRequestBody(aMultipart().withName("model").withBody(equalTo("whisper-1")))
                .withMultipartRequestBody(aMultipart().withName("response_format").withBody(equalTo("verbose_json")))
                .withMultipartRequestBody(aMultipart().withName("file").withBody(binaryEqualTo(audio)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(verbose.toString())));

        Interview done = process();

        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        Transcript transcript = transcripts.load(done.id()).orElseThrow();
        assertEquals("openai", transcript.format());
        assertEquals(2, transcript.utterances().size());
        assertEquals(1.52, transcript.utterances().get(0).startSec(), 1e-9);
        assertEquals("Honestly it's painful.", transcript.utterances().get(1).text());
        assertNull(transcript.utterances().get(1).speaker());
    }

    @Test
    void a_refusal_of_the_endpoint_is_a_permanent_error_with_its_message() {
        WireMockResource.server().register(post(urlEqualTo(URL))
                .withMultipartRequestBody(aMultipart().withName("file").withBody(binaryEqualTo(audio)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": {\"message\": \"Invalid file format.\"}}")));
        Interview failed = process();
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("the transcription endpoint refused the request (HTTP 400): Invalid file format.",
                failed.lastError().orElseThrow().getString("message"));
        assertEquals("permanent", failed.lastError().orElseThrow().getString("kind"));
        assertTrue(transcripts.load(failed.id()).isEmpty());
    }

    @Test
    void an_answer_without_segments_or_text_is_a_permanent_error() {
        WireMockResource.server().register(post(urlEqualTo(URL))
                .withMultipartRequestBody(aMultipart().withName("file").withBody(binaryEqualTo(audio)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("{\"text\": \"\"}")));
        Interview failed = process();
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertTrue(failed.lastError().orElseThrow().getString("message").startsWith("the transcription endpoint returned no text"));
    }
}
