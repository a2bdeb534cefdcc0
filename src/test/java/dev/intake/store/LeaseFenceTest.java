package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceFindings;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.PersonDraft;
import dev.intake.interview.PersonRole;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import dev.intake.media.MediaKey;
import dev.intake.testing.TestData;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** An invocation that lost its lease must not overwrite the output of the one that took over. */
@QuarkusTest
class LeaseFenceTest {

    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    TranscriptStore transcripts;
    @Inject
    EvidenceStore evidence;
    @Inject
    TestData data;

    private static Transcript transcript(String text) {
        return new Transcript("txt", List.of(new Utterance("Ana", null, null, text)));
    }

    private static EvidenceFindings findings(String quote) {
        return new EvidenceFindings(List.of(new EvidenceDraft(EvidenceKind.PAIN, quote, "Ana", null, null)),
                List.of(new PersonDraft("Ana", PersonRole.INTERVIEWEE, null)));
    }

    @Test
    void output_written_under_a_lease_that_was_taken_over_is_discarded() throws InterruptedException {
        TestData.Project project = data.project();
        MediaKey key = data.uploadingInterview(project, "call.txt");
        String runId = UUID.randomUUID().toString();
        interviews.completeUpload(key.interviewId(), key.key(), runId);

        Lease first = Lease.newOwner(key.interviewId());
        assertTrue(leases.claim(first, runId, Step.UPLOAD, Duration.ofMillis(200)).isPresent());
        Thread.sleep(300);
        Lease second = Lease.newOwner(key.interviewId());
        assertTrue(leases.claim(second, runId, Step.UPLOAD, Duration.ofMinutes(2)).isPresent());

        transcripts.save(second, transcript("the newer run's words"), key.key());
        assertThrows(LeaseLostException.class, () -> transcripts.save(first, transcript("stale words"), key.key()));
        assertEquals("the newer run's words", transcripts.load(key.interviewId()).orElseThrow().utterances().get(0).text());

        evidence.replace(second, project.accountId(), project.projectId(), key.key(), findings("newer"));
        assertThrows(LeaseLostException.class,
                () -> evidence.replace(first, project.accountId(), project.projectId(), key.key(), findings("stale")));
        assertEquals(List.of("newer"), evidence.list(key.interviewId()).stream().map(e -> e.verbatim()).toList());
    }
}
