package dev.intake.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.WorkspaceStore;
import dev.intake.workflow.InterviewStatus;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** Builds the accounts, projects, interviews and objects a test needs, each test with fresh ids. */
@ApplicationScoped
public class TestData {

    private final WorkspaceStore workspace;
    private final InterviewStore interviews;
    private final MediaBucket bucket;
    private final S3Client s3;
    private final Db db;

    TestData(WorkspaceStore workspace, InterviewStore interviews, MediaBucket bucket, S3Client s3, Db db) {
        this.workspace = workspace;
        this.interviews = interviews;
        this.bucket = bucket;
        this.s3 = s3;
        this.db = db;
    }

    public record Project(UUID accountId, UUID projectId) {
    }

    public Project project(String... questions) {
        Project project = new Project(UUID.randomUUID(), UUID.randomUUID());
        UUID owner = UUID.randomUUID();
        // On an Insights database (not Intake's own V1) an account's owner is one of its Supabase users.
        if (db.execute("SELECT to_regclass('auth.users') IS NOT NULL AS present", Tuple.tuple()).iterator().next()
                .getBoolean("present")) {
            db.execute("INSERT INTO auth.users (id, email) VALUES ($1, $2)", Tuple.of(owner, owner + "@owner.test"));
        }
        workspace.ensureAccount(project.accountId(), "Account " + project.accountId(), owner);
        workspace.ensureProject(project.projectId(), project.accountId(), "Project", null);
        for (int i = 0; i < questions.length; i++) {
            workspace.ensureQuestion(UUID.randomUUID(), project.projectId(), questions[i], i);
        }
        return project;
    }

    /** An interview waiting for its upload, as the desktop app creates it before uploading. */
    public MediaKey uploadingInterview(Project project, String fileName) {
        return uploadingInterview(project, fileName, null);
    }

    public MediaKey uploadingInterview(Project project, String fileName, String customInstructions) {
        MediaKey key = new MediaKey(project.accountId(), project.projectId(), UUID.randomUUID(), fileName);
        interviews.insert(new InterviewStore.NewInterview(key.interviewId(), project.accountId(), project.projectId(),
                fileName, Interview.Source.upload(fileName), null, customInstructions), InterviewStatus.UPLOADING);
        return key;
    }

    /**
     * An interview row as Insights' web upload (app/routes/api.onboarding-start.tsx, patched) creates it,
     * with the client's thumbnail key in processing_metadata; {@code mediaUrl} and {@code analysis} may be null.
     */
    public UUID insightsWebUpload(Project project, String status, String mediaUrl, String analysis, String mediaType) {
        UUID id = UUID.randomUUID();
        db.execute("""
                INSERT INTO interviews (id, account_id, project_id, title, interview_date, participant_pseudonym, status,
                                       media_url, media_type, source_type, file_extension, thumbnail_url,
                                       conversation_analysis, processing_metadata)
                VALUES ($1, $2, $3, 'standup-notes.txt', current_date, 'Participant 1', $4::interview_status, $5, $6,
                        'transcript', 'txt', 'interviews/thumbs/t.jpg', $7::text::jsonb,
                        '{"client_thumbnail_r2_key": "interviews/thumbs/t.jpg"}'::jsonb)""",
                Tuple.from(java.util.Arrays.asList(id, project.accountId(), project.projectId(), status, mediaUrl,
                        mediaType, analysis)));
        return id;
    }

    /** The key Insights' web upload stores an interview's media under: interviews/{project}/{interview}-{millis}.{ext}. */
    public static String insightsWebKey(Project project, UUID interview) {
        return "interviews/" + project.projectId() + "/" + interview + "-" + System.nanoTime() + ".txt";
    }

    public void putObject(MediaKey key, byte[] content) {
        bucket.ensureExists();
        s3.putObject(b -> b.bucket(bucket.name()).key(key.key()), RequestBody.fromBytes(content));
    }

    public void putObject(MediaKey key, String content) {
        putObject(key, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A file of samples/, the transcripts shipped with Intake. */
    public static String sample(String name) {
        try {
            return Files.readString(Path.of("samples", name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Interview interview(UUID id) {
        return interviews.find(id).orElseThrow(() -> new AssertionError("no interview " + id));
    }

    public Interview awaitSettled(UUID id) {
        return Eventually.await(() -> interview(id), i -> i.status().isSettled(), Duration.ofSeconds(30),
                "interview " + id + " to be ready or error");
    }

    /** Rows of {@code table} that belong to the interview, to check re-runs replace rather than add. */
    public long rows(String table, UUID interviewId) {
        String sql = switch (table) {
            case "evidence", "project_answers", "interview_people", "project_answer_evidence", "conversation_lens_analyses" ->
                    "SELECT count(*) AS n FROM " + table + " WHERE interview_id = $1";
            case "personas" -> "SELECT count(*) AS n FROM people_personas WHERE interview_id = $1";
            case "theme_evidence", "evidence_people" ->
                    "SELECT count(*) AS n FROM " + table + " x JOIN evidence e ON e.id = x.evidence_id WHERE e.interview_id = $1";
            case "themes" -> "SELECT count(DISTINCT te.theme_id) AS n FROM theme_evidence te"
                    + " JOIN evidence e ON e.id = te.evidence_id WHERE e.interview_id = $1";
            case "people" ->
                    "SELECT count(*) AS n FROM people p WHERE p.account_id = (SELECT account_id FROM interviews WHERE id = $1)";
            default -> throw new IllegalArgumentException("no row count for " + table);
        };
        return db.execute(sql, Tuple.of(interviewId)).iterator().next().getLong("n");
    }

    public static final List<String> OUTPUT_TABLES = List.of(
            "evidence", "evidence_people", "interview_people", "people", "themes", "theme_evidence", "personas",
            "project_answers", "project_answer_evidence", "conversation_lens_analyses");
}
