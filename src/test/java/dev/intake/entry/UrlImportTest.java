package dev.intake.entry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.access.Caller;
import dev.intake.access.JwtAuthenticator;
import dev.intake.entry.EntryOutcome;
import dev.intake.entry.UrlImport;
import dev.intake.http.RequestRejected;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.TestData;
import dev.intake.testing.Tokens;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

@QuarkusTest
class UrlImportTest {

    private static final Optional<String> JSON_TYPE = Optional.of("application/json");

    @Inject
    UrlImport urlImport;
    @Inject
    JwtAuthenticator authenticator;
    @Inject
    WorkspaceStore workspace;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;

    private TestData.Project project;
    private Caller member;

    @BeforeEach
    void aMemberOfAProject() {
        bucket.ensureExists();
        project = data.project("What would they pay for?");
        member = new Caller(UUID.randomUUID());
        workspace.ensureMember(project.accountId(), member.userId(), "member");
    }

    private static byte[] body(TestData.Project project, String url) {
        return ("{\"accountId\": \"" + project.accountId() + "\", \"projectId\": \"" + project.projectId()
                + "\", \"url\": \"" + url + "\", \"title\": \"Call with Lee\", \"customInstructions\": \"Focus on pricing\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String served(String path, String contentType, String content) {
        WireMockResource.server().register(get(urlEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", contentType).withBody(content)));
        return WireMockResource.baseUrl() + path;
    }

    private long interviewsOfAccount() {
        return db.execute("SELECT count(*) AS n FROM interviews WHERE account_id = $1", Tuple.of(project.accountId()))
                .iterator().next().getLong("n");
    }

    private RequestRejected rejected(Caller caller, Optional<String> type, byte[] body) {
        RequestRejected e = assertThrows(RequestRejected.class, () -> urlImport.submit(caller, type, body));
        assertEquals(0, interviewsOfAccount(), "nothing written");
        return e;
    }

    @Test
    void a_transcript_at_a_url_is_imported_parsed_and_processed_to_ready() {
        String url = served("/files/" + UUID.randomUUID() + "/standup.txt", "text/plain; charset=utf-8",
                TestData.sample("standup-notes.txt"));
        EntryOutcome.Created created = urlImport.submit(member, JSON_TYPE, body(project, url));
        Interview done = data.awaitSettled(created.interviewId());
        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        assertEquals(Interview.Origin.URL, done.source().origin());
        assertEquals("transcript_import", done.source().type());
        assertEquals(url, done.source().sourceUrl());
        assertEquals("Call with Lee", done.title());
        assertEquals("Focus on pricing", done.customInstructions().orElseThrow());
        assertTrue(done.mediaKey().endsWith("/" + done.id() + "/standup.txt"), done.mediaKey());
        assertTrue(data.rows("evidence", done.id()) > 0);
    }

    @Test
    void a_media_host_that_fails_once_is_retried_by_the_step_and_the_interview_reaches_ready() {
        String path = "/flaky/" + UUID.randomUUID() + "/notes.txt";
        String scenario = "flaky-" + path;
        WireMockResource.server().register(get(urlEqualTo(path)).inScenario(scenario)
                .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED).willSetStateTo("up")
                .willReturn(aResponse().withStatus(503)));
        WireMockResource.server().register(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody(TestData.sample("standup-notes.txt"))));

        Interview done = data.awaitSettled(urlImport.submit(member, JSON_TYPE, body(project, WireMockResource.baseUrl() + path))
                .interviewId());

        assertEquals(InterviewStatus.READY, done.status(), done.lastError().map(Object::toString).orElse(""));
        assertTrue(done.lastError().isEmpty(), "a recovered step leaves no error behind");
    }

    @Test
    void a_media_host_that_keeps_failing_ends_in_a_transient_error_after_the_steps_attempts() {
        String path = "/down/" + UUID.randomUUID() + "/notes.txt";
        WireMockResource.server().register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(502)));
        Interview failed = data.awaitSettled(urlImport.submit(member, JSON_TYPE, body(project, WireMockResource.baseUrl() + path))
                .interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("transient", failed.lastError().orElseThrow().getString("kind"));
        assertEquals(dev.intake.workflow.Step.UPLOAD.retry().attempts(), failed.lastError().orElseThrow().getInteger("attempts"));
        assertEquals("fetching the media failed: 127.0.0.1 answered HTTP 502", failed.lastError().orElseThrow().getString("message"));
    }

    @Test
    void a_url_serving_a_web_page_ends_in_error_saying_what_it_served() {
        String url = served("/page-" + UUID.randomUUID(), "text/html", "<html></html>");
        Interview failed = data.awaitSettled(urlImport.submit(member, JSON_TYPE, body(project, url)).interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("the URL serves 'text/html', not audio, video or a transcript",
                failed.lastError().orElseThrow().getString("message"));
    }

    @Test
    void a_url_that_answers_404_ends_in_a_permanent_error() {
        String url = WireMockResource.baseUrl() + "/missing-" + UUID.randomUUID() + ".vtt";
        Interview failed = data.awaitSettled(urlImport.submit(member, JSON_TYPE, body(project, url)).interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("fetching the media failed: 127.0.0.1 answered HTTP 404", failed.lastError().orElseThrow().getString("message"));
        assertEquals("permanent", failed.lastError().orElseThrow().getString("kind"));
    }

    @Test
    void a_non_member_is_refused_and_nothing_is_written() {
        RequestRejected e = rejected(new Caller(UUID.randomUUID()), JSON_TYPE, body(project, "https://93.184.215.14/a.mp4"));
        assertEquals(403, e.status());
    }

    @Test
    void a_member_of_another_account_is_refused_and_nothing_is_written() {
        TestData.Project other = data.project();
        Caller outsider = new Caller(UUID.randomUUID());
        workspace.ensureMember(other.accountId(), outsider.userId(), "owner");
        assertEquals(403, rejected(outsider, JSON_TYPE, body(project, "https://93.184.215.14/a.mp4")).status());
    }

    @Test
    void a_project_of_another_account_is_unknown_and_nothing_is_written() {
        TestData.Project elsewhere = new TestData.Project(project.accountId(), data.project().projectId());
        assertEquals(404, rejected(member, JSON_TYPE, body(elsewhere, "https://93.184.215.14/a.mp4")).status());
    }

    @Test
    void unsafe_urls_are_refused_with_422_and_nothing_is_written() {
        for (String url : new String[] {"https://169.254.169.254/latest/meta-data/", "https://127.0.0.1/a.mp4",
                "https://[::ffff:10.0.0.1]/a.mp4", "https://2130706433/a.mp4", "ftp://93.184.215.14/a.mp4",
                WireMockResource.baseUrl().replace("127.0.0.1", "localhost") + "/a.vtt"}) {
            RequestRejected e = rejected(member, JSON_TYPE, body(project, url));
            assertEquals(422, e.status(), url);
        }
    }

    @Test
    void a_body_that_is_not_json_too_large_or_incomplete_is_refused() {
        assertEquals(415, rejected(member, Optional.of("text/plain"), body(project, "https://93.184.215.14/a")).status());
        assertEquals(415, rejected(member, Optional.empty(), body(project, "https://93.184.215.14/a")).status());
        assertEquals(413, rejected(member, JSON_TYPE, new byte[UrlImport.MAX_BODY_BYTES + 1]).status());
        assertEquals(400, rejected(member, JSON_TYPE, "{".getBytes(StandardCharsets.UTF_8)).status());
        RequestRejected missing = rejected(member, JSON_TYPE,
                ("{\"accountId\": \"" + project.accountId() + "\", \"projectId\": \"" + project.projectId() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertEquals("url is required", missing.getMessage());
        RequestRejected notUuid = rejected(member, JSON_TYPE,
                "{\"accountId\": \"acme\", \"projectId\": \"x\", \"url\": \"https://a.b/c\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals("accountId 'acme' is not a UUID", notUuid.getMessage());
    }

    @Test
    void a_nul_character_in_any_field_is_refused_with_400_naming_the_field_and_nothing_is_written() {
        String url = served("/files/" + UUID.randomUUID() + "/notes.txt", "text/plain", "Dana: hello");
        String nul = "\\u0000";
        String[][] cases = {
                {"\"title\": \"Call" + nul + "\"", "the body at /title"},
                {"\"customInstructions\": \"" + nul + "\"", "the body at /customInstructions"},
                {"\"extra\": [\"ignored\", {\"x" + nul + "\": 1}]", "the body at /extra/1/x\\u0000"}};
        for (String[] c : cases) {
            byte[] body = ("{\"accountId\": \"" + project.accountId() + "\", \"projectId\": \"" + project.projectId()
                    + "\", \"url\": \"" + url + "\", " + c[0] + "}").getBytes(StandardCharsets.UTF_8);
            RequestRejected e = rejected(member, JSON_TYPE, body);
            assertEquals(400, e.status(), c[0]);
            assertEquals(c[1] + " contains a NUL character (U+0000), which Intake does not accept", e.getMessage());
        }
        String encodedNul = served("/files/" + UUID.randomUUID() + "/notes%00.txt", "text/plain", "Dana: hello");
        RequestRejected e = rejected(member, JSON_TYPE, body(project, encodedNul));
        assertTrue(e.getMessage().startsWith("the path of url (decoded) contains a control character (U+0000 at position "),
                e.getMessage());
    }

    @Test
    void tokens_are_checked_before_anything_else() {
        UUID user = member.userId();
        assertEquals(member, authenticator.authenticate(Map.of("authorization", "Bearer " + Tokens.forUser(user))));
        assertEquals("missing Authorization header",
                assertThrows(RequestRejected.class, () -> authenticator.authenticate(Map.of())).getMessage());
        assertEquals("the token has expired", assertThrows(RequestRejected.class,
                () -> authenticator.authenticate(Map.of("authorization", "Bearer " + Tokens.expiredFor(user)))).getMessage());
        assertEquals("the token is not valid", assertThrows(RequestRejected.class, () -> authenticator.authenticate(
                Map.of("authorization", "Bearer " + Tokens.signedWithAnotherSecret(user)))).getMessage());
        assertEquals("Authorization must be 'Bearer <token>'", assertThrows(RequestRejected.class,
                () -> authenticator.authenticate(Map.of("authorization", "Basic dXNlcjpwdw=="))).getMessage());
    }

    @Test
    void an_audio_url_with_no_transcription_provider_is_refused_at_the_door_and_nothing_is_written() {
        long before = interviewsOfAccount();
        RequestRejected refused = rejected(member, JSON_TYPE, body(project, WireMockResource.baseUrl() + "/talks/keynote.mp3"));
        assertEquals(422, refused.status());
        assertEquals("'keynote.mp3' is audio or video, which needs a transcription provider; none is configured"
                + " (INTAKE_TRANSCRIPTION_PROVIDER)", refused.getMessage());
        assertEquals(before, interviewsOfAccount());
    }

    @Test
    void a_url_that_turns_out_to_serve_audio_fails_before_a_byte_is_copied() {
        String url = served("/stream-" + UUID.randomUUID(), "audio/mpeg", "ID3 not really an mp3");
        Interview failed = data.awaitSettled(urlImport.submit(member, JSON_TYPE, body(project, url)).interviewId());
        assertEquals(InterviewStatus.ERROR, failed.status());
        assertEquals("permanent", failed.lastError().orElseThrow().getString("kind"));
        assertTrue(failed.lastError().orElseThrow().getString("message").endsWith("Nothing was copied"),
                failed.lastError().orElseThrow().getString("message"));
        assertEquals(List.of(), bucket.objectsUnder(MediaKey.folderOf(project.accountId(), project.projectId(), failed.id()), 10));
    }
}
