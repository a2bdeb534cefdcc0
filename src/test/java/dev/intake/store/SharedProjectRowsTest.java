package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.intake.entry.ObjectCreated;
import dev.intake.entry.UploadCompletion;
import dev.intake.interview.ThemeDraft;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.testing.Racers;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Rows a project's interviews share (people, themes, personas): two interviews writing them at once
 * never deadlock, and one interview's run never rewrites what another interview said about a person.
 */
@QuarkusTest
class SharedProjectRowsTest {

    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    InsightStore insights;
    @Inject
    EvidenceStore evidence;
    @Inject
    UploadCompletion completion;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;

    private Interview ready(TestData.Project project, String fileName, String transcript) {
        MediaKey key = new MediaKey(project.accountId(), project.projectId(), UUID.randomUUID(), fileName);
        interviews.insert(new InterviewStore.NewInterview(key.interviewId(), project.accountId(), project.projectId(),
                fileName, Interview.Source.upload(fileName), null, null), InterviewStatus.UPLOADING);
        data.putObject(key, transcript);
        completion.accept(new ObjectCreated(bucket.name(), key.key(), -1));
        Interview done = data.awaitSettled(key.interviewId());
        assertEquals(InterviewStatus.READY, done.status());
        return done;
    }

    /** The insights step of a new run of the interview, claimed: its lease. */
    private Lease claimedInsights(Interview interview) {
        String runId = UUID.randomUUID().toString();
        interviews.startRun(interview.id(), runId, RunPlan.resumeFrom(Step.INSIGHTS));
        Lease lease = Lease.newOwner(interview.id());
        leases.claim(lease, runId, Step.INSIGHTS, Duration.ofMinutes(2)).orElseThrow();
        return lease;
    }

    @Test
    void two_interviews_linking_the_same_themes_in_opposite_orders_at_once_never_deadlock() throws Exception {
        TestData.Project project = data.project();
        Interview first = ready(project, "a.txt", TestData.sample("standup-notes.txt"));
        Interview second = ready(project, "b.txt", TestData.sample("standup-notes.txt"));
        for (int round = 0; round < 5; round++) {
            List<String> names = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                names.add("Shared theme " + round + "-" + k);
            }
            List<String> reversed = new ArrayList<>(names);
            Collections.reverse(reversed);
            Lease a = claimedInsights(first);
            Lease b = claimedInsights(second);
            UUID evidenceOfA = evidence.list(first.id()).get(0).id();
            UUID evidenceOfB = evidence.list(second.id()).get(0).id();
            AtomicInteger turn = new AtomicInteger();

            Racers.race(2, () -> {
                boolean isA = turn.getAndIncrement() == 0;
                insights.replaceThemes(isA ? a : b, project.accountId(), project.projectId(), (isA ? names : reversed).stream()
                        .map(name -> ThemeDraft.of(name, "a theme", List.of(isA ? evidenceOfA : evidenceOfB))).toList());
                return null;
            });

            assertEquals(20L, db.execute("SELECT count(*) AS n FROM themes WHERE project_id = $1 AND name LIKE $2",
                    Tuple.of(project.projectId(), "Shared theme " + round + "-%")).iterator().next().getLong("n"),
                    "one theme per name, shared by both interviews");
        }
    }

    @Test
    void a_person_another_interview_created_keeps_that_interviews_description_when_this_one_runs_again() {
        TestData.Project project = data.project();
        Interview first = ready(project, "first.txt", "Ana: I run the night shift and the schedules are a mess.\n"
                + "Ben: How do you plan them today?\nAna: I keep a paper binder.\n");
        UUID ana = evidence.people(first.id()).stream().filter(p -> p.name().equals("Ana")).findFirst().orElseThrow().id();
        String said = description(ana);

        Interview second = ready(project, "second.txt", "Ben: Anything new since last time?\n"
                + "Ana: We moved the binder into a shared spreadsheet, and nobody updates it.\n");

        assertEquals(said, description(ana), "the second interview found Ana and described her; the first's words stand");
        assertEquals(Optional.of(ana), evidence.people(second.id()).stream().filter(p -> p.name().equals("Ana"))
                .map(dev.intake.interview.Person::id).findFirst(), "the same person, linked, not copied");
    }

    private String description(UUID personId) {
        return db.execute("SELECT description FROM people WHERE id = $1", Tuple.of(personId)).iterator().next()
                .getString("description");
    }
}
