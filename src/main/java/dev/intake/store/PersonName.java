package dev.intake.store;

/**
 * A person's name as Insights stores it: {@code firstname} and {@code lastname}, from which the
 * database generates {@code name} and {@code name_hash} ({@code lower(firstname || ' ' || lastname)}).
 * The first word is the first name and the rest the last name, so "Dr. Ana María Ruiz" keeps its
 * full text and finds the same person again.
 */
record PersonName(String first, String last) {

    static PersonName split(String name) {
        String normalized = normalize(name);
        int space = normalized.indexOf(' ');
        return space < 0 ? new PersonName(normalized, null)
                : new PersonName(normalized.substring(0, space), normalized.substring(space + 1));
    }

    /** What Insights' generated name column holds for this first and last name. */
    String full() {
        return last == null ? first : first + " " + last;
    }

    static String normalize(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }
}
