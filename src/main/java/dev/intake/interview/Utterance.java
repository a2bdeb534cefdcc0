package dev.intake.interview;

/**
 * One speaker turn. Times are seconds from the start of the recording, or null when the source has
 * none (a plain-text transcript).
 */
public record Utterance(String speaker, Double startSec, Double endSec, String text) {

    public Utterance {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an utterance has text");
        }
        if ((startSec == null) != (endSec == null)) {
            throw new IllegalArgumentException("an utterance has both times or neither");
        }
        if (startSec != null && (!Double.isFinite(startSec) || !Double.isFinite(endSec)
                || startSec < 0 || endSec < startSec)) {
            throw new IllegalArgumentException("utterance times must satisfy 0 <= start <= end, got "
                    + startSec + " and " + endSec);
        }
        speaker = speaker == null || speaker.isBlank() ? null : speaker.strip();
        text = text.strip();
    }
}
