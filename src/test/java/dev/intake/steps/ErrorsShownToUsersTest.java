package dev.intake.steps;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.access.Caller;
import dev.intake.access.InterviewStatusQuery;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.entry.UrlImport;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.Eventually;
import dev.intake.testing.LogCapture;
import dev.intake.testing.TestData;
import dev.intake.testing.WireMockResource;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * What an interview's user reads (last_error, status_detail, processing_metadata, the status answer)
 * is a sentence for them: no driver or SQL text, no URL's query string or credentials. Operators find
 * the driver's text in the run's state and in the log.
 */
@QuarkusTest
class ErrorsShownToUsersTest {

    private static final String SQL_TEXT = "relation evidence_x violates check evidence_guard: INSERT INTO evidence VALUES";

    @Inject
    TestData data;
    @Inject
    Db db;
    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    UrlImport urlImport;
    @Inject
    WorkspaceStore workspace;
    @Inject
    InterviewStatusQuery statusQuery;

    @Test
    void a_database_error_with_sql_text_ends_the_interview_with_a_sentence_and_keeps_the_text_for_operators() {
        TestData.Project project = data.project();
        String trigger = "refuse_evidence_" + project.projectId().toString().replace("-", "");
        // A real PostgreSQL error, raised by the server inside the evidence step's own INSERT, for this project only.
        db.execute("CREATE FUNCTION " + trigger + "() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN IF NEW.project_id = ''"
                + project.projectId() + "'' THEN RAISE EXCEPTION ''" + SQL_TEXT + "''; END IF; RETURN NEW; END'", Tuple.tuple());
        db.execute("CREATE TRIGGER " + trigger + " BEFORE INSERT ON evidence FOR EACH ROW EXECUTE FUNCTION " + trigger + "()",
                Tuple.tuple());
        UUID member = UUID.randomUUID();
        workspace.ensureMember(project.accountId(), member, "member");
        try (LogCapture logs = LogCapture.start()) {
            MediaKey key = data.uploadingInterview(project, "standup-notes.txt");
            data.putObject(key, TestData.sample("standup-notes.txt"));
            completion.accept(new ObjectCreated(bucket.name(), key.key(), 1));
            Interview failed = Eventually.await(() -> data.interview(key.interviewId()), i -> i.status().isSettled(),
                    Duration.ofSeconds(120), "the evidence step to fail on the database");

            assertEquals(InterviewStatus.ERROR, failed.status());
            Row row = db.execute("SELECT conversation_analysis->>'last_error' AS last_error,"
                    + " conversation_analysis->>'status_detail' AS status_detail, processing_metadata::text AS metadata,"
                    + " conversation_analysis->'intake'->'error'->>'detail' AS detail FROM interviews WHERE id = $1",
                    Tuple.of(key.interviewId())).iterator().next();
            assertTrue(row.getString("last_error").startsWith("the database failed while finding evidence"), row.getString("last_error"));
            for (String shown : new String[] {row.getString("last_error"), row.getString("status_detail"), row.getString("metadata"),
                    statusQuery.statusOf(new Caller(member), key.interviewId()).toString()}) {
                assertFalse(shown.contains("evidence_guard") || shown.contains("INSERT INTO"), shown);
            }
            assertTrue(row.getString("detail").contains(SQL_TEXT), row.getString("detail"));
            assertTrue(logs.lines().stream().anyMatch(line -> line.says(SQL_TEXT)
                    || (line.thrown() != null && String.valueOf(line.thrown()).contains("evidence_guard"))),
                    "the log has the driver's text for operators");
        } finally {
            db.execute("DROP TRIGGER " + trigger + " ON evidence", Tuple.tuple());
            db.execute("DROP FUNCTION " + trigger + "()", Tuple.tuple());
        }
    }

    @Test
    void a_pre_signed_urls_token_and_credentials_reach_no_log_line_and_nothing_a_user_reads() {
        UUID member = UUID.randomUUID();
        String path = "/signed/" + UUID.randomUUID() + "/call.vtt";
        WireMockResource.server().register(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(403)));
        try (LogCapture logs = LogCapture.everything()) {
            UUID id = importSigned(member, path);
            Interview settled = Eventually.await(() -> data.interview(id), i -> i.status().isSettled(), Duration.ofSeconds(120),
                    "the import to fail on the 403");

            assertEquals(InterviewStatus.ERROR, settled.status());
            Row row = db.execute("SELECT title, conversation_analysis::text AS analysis, processing_metadata::text AS metadata"
                    + " FROM interviews WHERE id = $1", Tuple.of(id)).iterator().next();
            for (String shown : new String[] {row.getString("title"), row.getString("analysis"), row.getString("metadata"),
                    statusQuery.statusOf(new Caller(member), id).toString()}) {
                assertFalse(shown.contains("X-Amz-Signature") || shown.contains("tok-s3cr3t"), shown);
            }
            assertTrue(logs.saying(path).size() > 0, "the import is logged, by its path");
            for (LogCapture.Line line : logs.lines()) {
                assertFalse(line.says("X-Amz-Signature") || line.says("tok-s3cr3t"), line.message());
            }
        }
    }

    @Test
    void once_the_media_is_copied_the_interview_keeps_its_url_without_the_pre_signed_query() {
        String path = "/signed/" + UUID.randomUUID() + "/call.vtt";
        WireMockResource.server().register(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/vtt").withBody(TestData.sample("onboarding-interview.vtt"))));
        UUID id = importSigned(UUID.randomUUID(), path);
        Interview settled = Eventually.await(() -> data.interview(id), i -> i.status().isSettled(), Duration.ofSeconds(120),
                "the import to finish");

        assertEquals(InterviewStatus.READY, settled.status(), String.valueOf(settled.lastError()));
        assertEquals(WireMockResource.baseUrl() + path, settled.source().sourceUrl(),
                "the URL it came from, without the query that carried the signature");
    }

    /** Imports {@code path} of the media server as a pre-signed URL (a signature and a token in its query), as {@code member}. */
    private UUID importSigned(UUID member, String path) {
        TestData.Project project = data.project();
        workspace.ensureMember(project.accountId(), member, "member");
        String url = WireMockResource.baseUrl() + path + "?X-Amz-Signature=sig-" + UUID.randomUUID() + "&token=tok-s3cr3t";
        return urlImport.submit(new Caller(member), Optional.of("application/json"),
                ("{\"accountId\":\"" + project.accountId() + "\",\"projectId\":\"" + project.projectId() + "\",\"url\":\""
                        + url + "\"}").getBytes(StandardCharsets.UTF_8)).interviewId();
    }
}
