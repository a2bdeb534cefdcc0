package dev.intake.providers.transcription;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Cue timestamps: {@code hh:mm:ss.mmm}, {@code mm:ss.mmm} (WebVTT) and {@code hh:mm:ss,mmm} (SRT). */
final class Timestamps {

    private static final Pattern TIME = Pattern.compile("(?:(\\d+):)?(\\d{1,2}):(\\d{2})(?:[.,](\\d{1,3}))?");

    private Timestamps() {
    }

    static double seconds(String text, int lineNumber) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            throw new TranscriptParseException("line " + lineNumber + ": '" + text.strip() + "' is not a timestamp");
        }
        int hours = m.group(1) == null ? 0 : Integer.parseInt(m.group(1));
        int minutes = Integer.parseInt(m.group(2));
        int seconds = Integer.parseInt(m.group(3));
        if (minutes > 59 || seconds > 59) {
            throw new TranscriptParseException("line " + lineNumber + ": '" + text.strip() + "' has minutes or seconds over 59");
        }
        String fraction = m.group(4) == null ? "0" : m.group(4);
        double millis = Integer.parseInt(fraction) * Math.pow(10, 3 - fraction.length());
        return hours * 3600 + minutes * 60 + seconds + millis / 1000.0;
    }
}
