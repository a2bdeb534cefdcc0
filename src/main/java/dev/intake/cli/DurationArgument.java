package dev.intake.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

/**
 * Reads a duration as people write it ({@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d},
 * {@code 500ms}) or as ISO-8601 ({@code PT15M}), saying plainly when it is neither.
 */
final class DurationArgument implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");

    @Override
    public Duration convert(String value) {
        String text = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (text.startsWith("p") || text.startsWith("-p")) {
            try {
                return nonNegative(value, Duration.parse(text.toUpperCase(java.util.Locale.ROOT)));
            } catch (DateTimeParseException e) {
                throw refused(value);
            }
        }
        if (!WHOLE.matcher(text).matches()) {
            throw refused(value);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
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

    private static Duration nonNegative(String value, Duration duration) {
        if (duration.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is negative: a duration here is a length of time");
        }
        return duration;
    }

    private static CommandLine.TypeConversionException refused(String value) {
        return new CommandLine.TypeConversionException("'" + value
                + "' is not a duration: write it as 90s, 15m, 1h30m, 2d or ISO-8601 (PT15M)");
    }
}
