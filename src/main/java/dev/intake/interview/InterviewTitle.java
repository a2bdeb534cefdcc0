package dev.intake.interview;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * When an interview's title is a placeholder that a generated one replaces, and how a generated one is
 * cleaned; Insights' rules (src/lib/generateTitle.ts, called by its finalize).
 */
public final class InterviewTitle {

    /** Insights' recorder names a recording by its time, e.g. "Dec-17 02:30pm". */
    private static final Pattern TIMESTAMP = Pattern.compile("^[A-Z][a-z]{2}-\\d{1,2} \\d{1,2}:\\d{2}");
    /** Insights generates a title only from this much content. */
    public static final int MIN_CONTENT = 50;
    private static final int MAX_LENGTH = 100;

    private InterviewTitle() {
    }

    /**
     * Whether {@code title} is a placeholder: none, a recording's time (Insights' rule), or the name of
     * the media file itself ({@code mediaFileName}), which the upload paths put there when nobody named
     * the interview.
     */
    public static boolean isPlaceholder(String title, String mediaFileName) {
        if (title == null || title.isBlank()) {
            return true;
        }
        return TIMESTAMP.matcher(title).find() || title.strip().equals(mediaFileName);
    }

    /** A generated title as Insights keeps one: no surrounding quotes, no closing punctuation, 100 characters at most; none for "Untitled". */
    public static Optional<String> clean(String generated) {
        if (generated == null || generated.isBlank() || generated.strip().equalsIgnoreCase("untitled")) {
            return Optional.empty();
        }
        String cleaned = generated.strip().replaceAll("^[\"']|[\"']$", "").replaceAll("[.!?]+$", "").strip();
        return cleaned.isEmpty() ? Optional.empty()
                : Optional.of(cleaned.length() > MAX_LENGTH ? cleaned.substring(0, MAX_LENGTH) : cleaned);
    }
}
