package dev.intake.interview;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Insights' rules for who a speaker is (its v2 pipeline's {@code peopleResolution.ts}): generic labels
 * ("Interviewer", "Speaker 1", "Participant A", "Customer") are never a person's name; a name is split
 * into first name and the rest; a participant nothing names is "Unknown Participant". Beyond Insights,
 * an honorific ("Dr.", "Ms") is never taken for a first name: "Dr. Okafor" is a last name.
 */
public final class PeopleResolution {

    /** The name Insights gives a participant it cannot name. */
    public static final String UNKNOWN_PARTICIPANT = "Unknown Participant";

    private static final List<Pattern> GENERIC_LABELS = List.of(
            Pattern.compile("^(participant|person|speaker|customer|interviewee|user|client|respondent|guest|attendee)"
                    + "(?:[\\s_-]*(\\d+|[a-z]))?$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(interviewer|moderator|facilitator)(?:[\\s_-]*(\\d+|[a-z]))?$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^(participant|speaker)\\s*(one|two|three|first|second|third)$", Pattern.CASE_INSENSITIVE));
    private static final Pattern HONORIFIC = Pattern.compile(
            "^(dr|mr|mrs|ms|mx|miss|prof|professor|sir|dame|rev|fr)\\.?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD_START = Pattern.compile("\\b\\w");

    /** A name as {@code people} stores it; either part may be null, never both. */
    public record Name(String first, String last) {
        /** What Insights' generated {@code people.name} holds for these parts. */
        public String full() {
            if (first != null && last != null) {
                return first + " " + last;
            }
            return first != null ? first : last;
        }
    }

    /** Where a resolved name came from, in Insights' words. */
    public enum Source { DISPLAY, INFERRED, PERSON_KEY, METADATA, FALLBACK }

    public record Resolved(String name, Source source) {
    }

    /** A speaker as an analyzer names them: the transcript's label, a name inferred from the talk, a key. */
    public record Participant(String displayName, String inferredName, String personKey) {
    }

    /** What the interview's own record says about who took part (Insights' upload form). */
    public record Metadata(String participantName, String interviewerName) {
        public static Metadata none() {
            return new Metadata(null, null);
        }
    }

    private PeopleResolution() {
    }

    public static boolean isGenericPersonLabel(String label) {
        if (label == null || label.isBlank()) {
            return false;
        }
        String normalized = label.strip().toLowerCase(Locale.ROOT);
        return GENERIC_LABELS.stream().anyMatch(p -> p.matcher(normalized).find());
    }

    /** Insights' split: the first word, and every other word as the last name (null for one word). */
    public static Name parseFullName(String fullName) {
        String trimmed = fullName == null ? "" : fullName.strip();
        if (trimmed.isEmpty()) {
            return new Name("", null);
        }
        String[] parts = trimmed.split("\\s+");
        return parts.length == 1 ? new Name(parts[0], null)
                : new Name(parts[0], String.join(" ", List.of(parts).subList(1, parts.length)));
    }

    /**
     * Insights' split with honorifics left out: "Dr. Amara Okafor" is Amara Okafor, and "Dr. Okafor",
     * where the title stands before a single name, is the last name Okafor.
     */
    public static Name personName(String fullName) {
        String[] parts = fullName.strip().split("\\s+");
        int start = 0;
        while (start < parts.length - 1 && HONORIFIC.matcher(parts[start]).matches()) {
            start++;
        }
        String rest = String.join(" ", List.of(parts).subList(start, parts.length));
        Name name = parseFullName(rest);
        return start > 0 && name.last() == null ? new Name(null, name.first()) : name;
    }

    public static String generateFallbackPersonName(Metadata metadata) {
        String participant = metadata.participantName() == null ? null : metadata.participantName().strip();
        if (participant != null && !participant.isEmpty() && !isGenericPersonLabel(participant)) {
            return participant;
        }
        return UNKNOWN_PARTICIPANT;
    }

    /** A key like {@code john_doe} read as a name: separators as spaces, each word capitalised. */
    public static String humanizeKey(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String cleaned = value.replaceAll("[_-]+", " ").replaceAll("\\s+", " ");
        Matcher m = WORD_START.matcher(cleaned);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, m.group().toUpperCase(Locale.ROOT));
        }
        m.appendTail(out);
        String capitalized = out.toString().strip();
        return capitalized.isEmpty() ? null : capitalized;
    }

    /** A model's person key when it gave a usable one, else {@code fallback}. */
    public static String sanitizePersonKey(Object value, String fallback) {
        return coerceString(value).orElse(fallback);
    }

    /** A model's field as text: a non-blank string, trimmed; anything else is absent. */
    public static Optional<String> coerceString(Object value) {
        if (value instanceof String s && !s.isBlank()) {
            return Optional.of(s.strip());
        }
        return Optional.empty();
    }

    /** The first of display name, inferred name, humanised key, then the interview's record that is a real name. */
    public static Resolved resolveName(Participant participant, Metadata metadata) {
        List<Object[]> candidates = List.of(
                new Object[] {meaningful(participant.displayName()), Source.DISPLAY},
                new Object[] {meaningful(participant.inferredName()), Source.INFERRED},
                new Object[] {meaningful(participant.personKey() == null || participant.personKey().isEmpty() ? null
                        : humanizeKey(participant.personKey())), Source.PERSON_KEY},
                new Object[] {meaningful(metadata.participantName()), Source.METADATA},
                new Object[] {meaningful(metadata.interviewerName()), Source.METADATA});
        for (Object[] candidate : candidates) {
            if (candidate[0] != null) {
                return new Resolved((String) candidate[0], (Source) candidate[1]);
            }
        }
        return new Resolved(generateFallbackPersonName(metadata), Source.FALLBACK);
    }

    private static String meaningful(String value) {
        if (value == null || value.isBlank() || isGenericPersonLabel(value.strip())) {
            return null;
        }
        return value.strip();
    }
}
