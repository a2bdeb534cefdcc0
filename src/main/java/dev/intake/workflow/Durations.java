package dev.intake.workflow;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write and read them: read from {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d},
 * {@code 500ms} or ISO-8601 ({@code PT15M}); written in a message as "8 h", "12 min", "40 s".
 */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");

    private Durations() {
    }

    /** {@code text} as a length of time; an {@link IllegalArgumentException} that says how to write one otherwise. */
    public static Duration parse(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        if (lower.startsWith("p") || lower.startsWith("-p")) {
            try {
                return nonNegative(text, Duration.parse(lower.toUpperCase(Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw refused(text);
            }
        }
        if (!WHOLE.matcher(lower).matches()) {
            throw refused(text);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(lower);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            total = total.plus(switch (part.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            });
        }
        return total;
    }

    private static Duration nonNegative(String text, Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("'" + text + "' is negative: a duration here is a length of time");
        }
        return duration;
    }

    private static IllegalArgumentException refused(String text) {
        return new IllegalArgumentException("'" + text + "' is not a duration: write it as 90s, 15m, 1h30m, 2d or ISO-8601 (PT15M)");
    }

    public static String readable(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 120) {
            return (minutes / 60) + " h";
        }
        if (minutes >= 1) {
            return minutes + " min";
        }
        return d.toSeconds() + " s";
    }

    public static String readableSeconds(long seconds) {
        return readable(Duration.ofSeconds(seconds));
    }
}
