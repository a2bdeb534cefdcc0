package dev.intake.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.InterviewStore;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Interviews a crashed process left behind, for the commands that must recover them. */
@ApplicationScoped
public class StalledInterviews {

    private final TestData data;
    private final InterviewStore interviews;
    private final Db db;

    StalledInterviews(TestData data, InterviewStore interviews, Db db) {
        this.data = data;
        this.interviews = interviews;
        this.db = db;
    }

    /**
     * Uploaded, its run recorded, and then the process that was to run it died: nothing has happened
     * to it for half an hour.
     */
    public UUID uploadedThenAbandoned() {
        MediaKey key = data.uploadingInterview(data.project("What problems do they have today?"), "notes.txt");
        data.putObject(key, TestData.sample("standup-notes.txt"));
        assertTrue(interviews.completeUpload(key.interviewId(), key.key(), UUID.randomUUID().toString()).won());
        db.execute("UPDATE interviews SET updated_at = now() - interval '30 minutes' WHERE id = $1",
                Tuple.of(key.interviewId()));
        return key.interviewId();
    }

    /** An abandoned interview that then failed at {@code step}, as the step would record it. */
    public UUID failedAt(String step, String message) {
        UUID id = uploadedThenAbandoned();
        db.execute("""
                UPDATE interviews SET status = 'error', updated_at = now(),
                    conversation_analysis = jsonb_set(conversation_analysis || jsonb_build_object('current_step', $3::text),
                        '{intake,error}', jsonb_build_object('step', $3::text, 'message', $2::text, 'kind', 'permanent',
                                                             'attempts', 3, 'at', now()))
                WHERE id = $1""", Tuple.of(id, message, step));
        return id;
    }
}
