package dev.intake.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.steps.StepContext;
import dev.intake.steps.StepHandler;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.Lease;
import dev.intake.store.StepLeases;
import dev.intake.testing.Cli;
import dev.intake.testing.StepEnds;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.StatusTransitions;
import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import picocli.CommandLine;

/**
 * The incident, replayed: interview 931e3b81 sat in processing for 8 hours with nothing to show why.
 * The ops commands say where it is and bring it to ready.
 */
@QuarkusTest
class OpsCommandsTest {

    private static final UUID INCIDENT = UUID.fromString("931e3b81-ef32-48c3-b6f3-382461b362e4");

    @Inject
    CommandLine.IFactory factory;
    @Inject
    InterviewStore interviews;
    @Inject
    StepLeases leases;
    @Inject
    MediaBucket bucket;
    @Inject
    TestData data;
    @Inject
    Db db;
    @Inject
    @Any
    Instance<StepHandler> handlers;

    private Cli.Run intake(String... args) {
        return Cli.run(factory, args);
    }

    /** The interview as the incident left it: uploaded and transcribed, then stuck in evidence for 8 hours. */
    private void theIncident() {
        if (interviews.find(INCIDENT).isPresent()) {
            return;
        }
        TestData.Project project = data.project("What slows onboarding down?");
        MediaKey key = new MediaKey(project.accountId(), project.projectId(), INCIDENT, "Customer call #2 (Dana).vtt");
        interviews.insert(new InterviewStore.NewInterview(INCIDENT, project.accountId(), project.projectId(),
                "Customer call #2 (Dana)", Interview.Source.upload(key.fileName()), null, null), InterviewStatus.UPLOADING);
        data.putObject(key, TestData.sample("onboarding-interview.vtt"));
        String runId = "run_incident";
        interviews.completeUpload(INCIDENT, key.key(), runId);
        Lease lease = Lease.newOwner(INCIDENT);
        Interview claimed = leases.claim(lease, runId, Step.UPLOAD, java.time.Duration.ofMinutes(2)).orElseThrow();
        handlers.stream().filter(h -> h.step() == Step.UPLOAD).findFirst().orElseThrow()
                .run(new StepContext(claimed, lease, runId));
        StepEnds.complete(leases, lease, runId, Step.UPLOAD, java.util.Optional.of(Step.EVIDENCE), new JsonObject());
        db.execute("""
                UPDATE interviews SET status = 'processing', updated_at = now() - interval '8 hours',
                       conversation_analysis = conversation_analysis || '{"status_detail": "Analyzing"}'
                WHERE id = $1""", Tuple.of(INCIDENT));
    }

    @Test
    void the_incident_is_diagnosed_and_repaired_to_ready() throws Exception {
        theIncident();

        Cli.Run diagnosis = intake("diagnose", INCIDENT.toString());
        assertEquals(0, diagnosis.exit(), diagnosis.err());
        assertTrue(diagnosis.out().contains("status processing, step evidence, progress 30%"), diagnosis.out());
        assertTrue(diagnosis.out().contains("last sign of life 8 h ago"), diagnosis.out());
        assertTrue(diagnosis.out().contains("completed steps: upload"), diagnosis.out());
        assertTrue(diagnosis.out().contains("media: present at s3://"), diagnosis.out());
        assertTrue(diagnosis.out().contains("outputs: evidence 0, people 0, themes 0, personas 0, answers 0"), diagnosis.out());
        // A configured database without the deployed state machine: the suggestion runs the steps here, as printed below.
        assertTrue(diagnosis.out().contains("Next: stalled in evidence for 8 h: `intake repair " + INCIDENT + " --engine local`"),
                diagnosis.out());

        Cli.Run state = intake("workflow-state", INCIDENT.toString(), "--json");
        assertEquals(0, state.exit());
        assertEquals("evidence", new ObjectMapper().readTree(state.out()).get("current_step").asText());

        Cli.Run repair = intake("repair", INCIDENT.toString(), "--engine", "local");
        assertEquals(0, repair.exit(), repair.out() + repair.err());
        assertTrue(repair.out().contains(INCIDENT + ": running again from evidence"), repair.out());
        assertTrue(repair.out().contains(INCIDENT + ": ready"), repair.out());

        Cli.Run after = intake("diagnose", INCIDENT.toString());
        assertTrue(after.out().contains("status ready, step complete, progress 100%"), after.out());
        assertTrue(after.out().contains("Next: nothing to do: the interview is ready."), after.out());
        assertTrue(after.out().contains("  analysis: sentence_model (all-MiniLM-L6-v2 (quantized) sentence embeddings)"),
                "how the interview was analyzed: " + after.out());
        List<String> timed = after.out().lines().dropWhile(l -> !l.contains("step durations:")).skip(1)
                .takeWhile(l -> l.startsWith("    ")).map(l -> l.strip().split("\\s+")[0]).toList();
        List<String> pipelineOrder = java.util.Arrays.stream(dev.intake.workflow.Step.values()).map(dev.intake.workflow.Step::key)
                .filter(timed::contains).toList();
        assertEquals(pipelineOrder, timed, "step durations in the order the pipeline runs them: " + after.out());
        assertTrue(timed.size() >= 6, after.out());
        assertTrue(data.rows("evidence", INCIDENT) > 0);
    }

    @Test
    void repair_stuck_dry_run_lists_without_changing_anything() {
        MediaKey key = data.uploadingInterview(data.project(), "call.vtt");
        interviews.completeUpload(key.interviewId(), key.key(), UUID.randomUUID().toString());
        db.execute("UPDATE interviews SET updated_at = now() - interval '3 hours' WHERE id = $1", Tuple.of(key.interviewId()));
        Interview before = data.interview(key.interviewId());

        Cli.Run dry = intake("repair", "--stuck", "--older-than", "PT2H", "--dry-run");

        assertEquals(0, dry.exit(), dry.err());
        assertTrue(dry.out().contains("would repair " + key.interviewId() + " silent for 3 h"), dry.out());
        assertEquals(before.updatedAt(), data.interview(key.interviewId()).updatedAt());
    }

    @Test
    void a_failed_interview_is_repaired_from_the_step_named() {
        MediaKey key = data.uploadingInterview(data.project(), "notes.txt");
        data.putObject(key, "Ana: " + "x ".repeat(5));
        interviews.completeUpload(key.interviewId(), key.key(), UUID.randomUUID().toString());
        interviews.recordFailureIfStill(key.interviewId(), StatusTransitions.predecessorsOf(InterviewStatus.ERROR),
                new dev.intake.workflow.StepError("upload", "simulated outage", dev.intake.workflow.ErrorKind.TRANSIENT, 4));
        data.putObject(key, TestData.sample("standup-notes.txt"));

        Cli.Run repair = intake("repair", key.interviewId().toString(), "--from", "upload", "--engine", "local");

        assertEquals(0, repair.exit(), repair.out());
        assertEquals(InterviewStatus.READY, data.interview(key.interviewId()).status());
    }

    @Test
    void bad_arguments_and_unknown_interviews_fail_with_a_message_and_a_non_zero_exit() {
        Cli.Run notAnId = intake("diagnose", "931e3b81");
        assertEquals(2, notAnId.exit());
        assertTrue(notAnId.err().contains("'931e3b81' is not an interview id"), notAnId.err());
        UUID unknown = UUID.randomUUID();
        Cli.Run missing = intake("diagnose", unknown.toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().strip().endsWith("\nintake diagnose: no interview " + unknown), missing.err());
        assertEquals(2, intake("repair").exit());
        Cli.Run badStep = intake("repair", unknown.toString(), "--from", "transcribe");
        assertEquals(2, badStep.exit());
        assertTrue(badStep.err().contains("unknown step 'transcribe'"), badStep.err());
        assertEquals(1, intake("repair", unknown.toString(), "--engine", "local").exit());
    }

    @Test
    void every_command_has_help() {
        for (String command : new String[] {"process", "serve", "diagnose", "workflow-state", "repair", "sweep", "migrate",
                "audit-schema"}) {
            Cli.Run help = intake(command, "--help");
            assertEquals(0, help.exit(), command);
            assertTrue(help.out().startsWith("Usage: intake " + command), help.out());
        }
    }

    @Test
    void sweep_and_audit_schema_report_what_they_did() {
        Cli.Run sweep = intake("sweep", "--engine", "local");
        assertEquals(0, sweep.exit(), sweep.err());
        assertTrue(sweep.out().contains("Swept: "), sweep.out());
        Cli.Run audit = intake("audit-schema");
        assertEquals(0, audit.exit(), audit.out());
        assertTrue(audit.out().matches("(?s)All \\d+ statements prepare against the schema.\\s*"), audit.out());
    }
}
