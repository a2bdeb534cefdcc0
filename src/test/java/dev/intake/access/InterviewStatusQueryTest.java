package dev.intake.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.http.RequestRejected;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.WorkspaceStore;
import dev.intake.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

@QuarkusTest
class InterviewStatusQueryTest {

    @Inject
    InterviewStatusQuery query;
    @Inject
    WorkspaceStore workspace;
    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;

    private Caller memberOf(TestData.Project project) {
        Caller member = new Caller(UUID.randomUUID());
        workspace.ensureMember(project.accountId(), member.userId(), "member");
        return member;
    }

    private MediaKey processed(TestData.Project project, String fileName, String content) {
        MediaKey key = data.uploadingInterview(project, fileName);
        data.putObject(key, content);
        completion.accept(new ObjectCreated(bucket.name(), key.key(), content.length()));
        data.awaitSettled(key.interviewId());
        return key;
    }

    @Test
    void a_member_sees_status_step_progress_and_completed_steps() {
        TestData.Project project = data.project();
        MediaKey key = processed(project, "notes.txt", TestData.sample("standup-notes.txt"));

        StatusView view = query.statusOf(memberOf(project), key.interviewId());

        assertEquals("ready", view.status());
        assertEquals("complete", view.currentStep());
        assertEquals(100, view.progress());
        assertEquals(List.of("upload", "evidence", "enrich-person", "insights", "personas", "answers", "finalize"),
                view.completedSteps());
        assertNull(view.lastError());
        assertEquals("Ready", view.statusDetail());
    }

    @Test
    void a_failed_interview_shows_where_and_why() {
        TestData.Project project = data.project();
        MediaKey key = processed(project, "call.mp4", "bytes");

        StatusView view = query.statusOf(memberOf(project), key.interviewId());

        assertEquals("error", view.status());
        assertEquals("upload", view.lastError().get("step"));
        assertEquals("permanent", view.lastError().get("kind"));
        assertEquals("Failed at upload: " + view.lastError().get("message"), view.statusDetail());
    }

    @Test
    void another_accounts_interview_is_not_found_exactly_as_one_that_does_not_exist() {
        TestData.Project project = data.project();
        MediaKey key = data.uploadingInterview(project, "call.vtt");
        Caller outsider = memberOf(data.project());
        UUID unknown = UUID.randomUUID();
        RequestRejected hidden = assertThrows(RequestRejected.class, () -> query.statusOf(outsider, key.interviewId()));
        RequestRejected missing = assertThrows(RequestRejected.class, () -> query.statusOf(outsider, unknown));
        assertEquals(404, hidden.status());
        assertEquals(404, missing.status());
        assertEquals("no interview " + key.interviewId(), hidden.getMessage());
        assertEquals("no interview " + unknown, missing.getMessage());
    }
}
