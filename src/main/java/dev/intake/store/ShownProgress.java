package dev.intake.store;

import java.util.Map;
import java.util.stream.Collectors;

import dev.intake.workflow.InterviewStatus;

/**
 * The progress the Insights web app has already shown for an interview row, as an SQL expression on
 * that row, so every progress Intake writes can be at least that in the same UPDATE and the bar never
 * moves back. It follows the web app's progress hook ({@code app/hooks/useInterviewProgress.ts}): it
 * reads {@code processing_metadata ?? conversation_analysis}; with a {@code current_step} there it shows
 * that object's {@code progress}; without one it animates by status up to the end of a range (uploading
 * 5→25, uploaded 25→35, transcribing 35→65, transcribed 65→75, processing 75→95), and the end is what it
 * may have reached. A settled row (ready, error, ...) showed a finished run, not progress: a new run
 * starting over does not go back from it, so its floor is 0.
 */
final class ShownProgress {

    /** The highest value the hook's animation reaches for each status it animates. */
    static final Map<InterviewStatus, Integer> ANIMATED_UP_TO = Map.of(
            InterviewStatus.UPLOADING, 25,
            InterviewStatus.UPLOADED, 35,
            InterviewStatus.TRANSCRIBING, 65,
            InterviewStatus.TRANSCRIBED, 75,
            InterviewStatus.PROCESSING, 95);

    /** What the hook reads: processing_metadata, and conversation_analysis only where that is null. */
    private static final String READ = "coalesce(nullif(processing_metadata, 'null'::jsonb), conversation_analysis)";

    /** An int: the progress the web app shows, or has animated up to, for the row as it is before the UPDATE. */
    static final String FLOOR = "(CASE"
            + " WHEN status::text NOT IN (" + StatusSql.list(ANIMATED_UP_TO.keySet()) + ") THEN 0"
            + " WHEN coalesce(" + READ + "->>'current_step', '') <> '' THEN"
            + "   CASE WHEN jsonb_typeof(" + READ + "->'progress') = 'number'"
            + "        THEN least(greatest(round((" + READ + "->>'progress')::numeric), 0), 100)::int ELSE 0 END"
            + " ELSE CASE status::text " + ANIMATED_UP_TO.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .map(e -> "WHEN " + StatusSql.literal(e.getKey()) + " THEN " + e.getValue())
                    .collect(Collectors.joining(" ")) + " END"
            + " END)";

    private ShownProgress() {
    }

    /** {@code param} (an int parameter of the statement), raised to what the row already showed. */
    static String atLeastShown(String param) {
        return "greatest(" + param + "::int, " + FLOOR + ")";
    }
}
