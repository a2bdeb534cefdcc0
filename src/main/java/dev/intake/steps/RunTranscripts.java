package dev.intake.steps;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.intake.interview.Transcript;
import dev.intake.store.TranscriptStore;
import dev.intake.workflow.StepFailure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The transcript of each run this process is running, parsed once: the upload step keeps what it
 * saved, and the steps after it read it here instead of reading and parsing the row again. Kept by
 * interview for its run only, so a new run (a repair, a resume elsewhere) reads the row; the few runs
 * in flight at once are kept, the oldest forgotten first.
 */
@ApplicationScoped
public class RunTranscripts {

    /** More than the runs one process moves at once (its engine threads); a run forgotten only reads again. */
    static final int KEPT = 32;

    private record Kept(String runId, Transcript transcript) {
    }

    private final TranscriptStore transcripts;
    private final Map<UUID, Kept> kept = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Kept> eldest) {
            return size() > KEPT;
        }
    };

    RunTranscripts(TranscriptStore transcripts) {
        this.transcripts = transcripts;
    }

    /** Saves the run's transcript (with the step's other writes) and keeps it for the run's next steps. */
    void save(StepContext context, Transcript transcript, String sourceKey) {
        transcripts.save(context.lease(), transcript, sourceKey);
        synchronized (kept) {
            kept.put(context.interview().id(), new Kept(context.runId(), transcript));
        }
    }

    /** The interview's transcript, or the error a user sees when it has none. */
    Transcript of(StepContext context) {
        return ifAny(context).orElseThrow(() -> StepFailure.permanent(
                "the interview has no transcript; run it again from the upload step"));
    }

    /** The interview's transcript as this run saved it, else as the row holds it (Intake's or Insights'). */
    Optional<Transcript> ifAny(StepContext context) {
        UUID id = context.interview().id();
        synchronized (kept) {
            Kept mine = kept.get(id);
            if (mine != null && mine.runId().equals(context.runId())) {
                return Optional.of(mine.transcript());
            }
        }
        Optional<Transcript> loaded = transcripts.load(id);
        loaded.ifPresent(t -> {
            synchronized (kept) {
                kept.put(id, new Kept(context.runId(), t));
            }
        });
        return loaded;
    }
}
