package dev.intake.providers.transcription;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** "Name: text" at the start of a line, the way SRT and plain-text transcripts name speakers. */
final class SpeakerPrefix {

    // One to four words starting with a capital letter, so "Note to self: ..." style prose and
    // times like "10:30" are not taken for speakers.
    private static final Pattern PREFIX =
            Pattern.compile("^(\\p{Lu}[\\p{L}'.\\-]*(?: [\\p{L}'.\\-]+){0,3}):\\s+(\\S.*)$");

    record Split(String speaker, String text) {
    }

    private SpeakerPrefix() {
    }

    static Optional<Split> split(String line) {
        Matcher m = PREFIX.matcher(line.strip());
        return m.matches() ? Optional.of(new Split(m.group(1), m.group(2))) : Optional.empty();
    }
}
