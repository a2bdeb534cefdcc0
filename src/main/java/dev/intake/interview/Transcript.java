package dev.intake.interview;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A transcript in Intake's one shape, whatever it was parsed or transcribed from. {@code hosts} are the
 * speakers the source marks as running the call (Recall.ai's meeting host); most sources mark none.
 */
public record Transcript(String format, List<Utterance> utterances, Set<String> hosts) {

    public Transcript {
        utterances = List.copyOf(utterances);
        hosts = hosts == null ? Set.of() : Set.copyOf(hosts);
    }

    public Transcript(String format, List<Utterance> utterances) {
        this(format, utterances, Set.of());
    }

    /** Speakers in order of first appearance. */
    public List<String> speakers() {
        LinkedHashSet<String> speakers = new LinkedHashSet<>();
        utterances.stream().map(Utterance::speaker).filter(Objects::nonNull).forEach(speakers::add);
        return List.copyOf(speakers);
    }

    /** Seconds to the end of the last timed utterance; 0 when nothing is timed. */
    public double durationSec() {
        return utterances.stream().map(Utterance::endSec).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** Plain text, a line a turn, as the {@code transcript} column holds it. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Utterance u : utterances) {
            if (u.speaker() != null) {
                text.append(u.speaker()).append(": ");
            }
            text.append(u.text()).append('\n');
        }
        return text.toString();
    }
}
