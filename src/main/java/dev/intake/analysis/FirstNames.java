package dev.intake.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Given names, from the public-domain lists in {@code names/first-names.txt} (Moby Word II and the US
 * Social Security Administration's baby names; the file says which). Tens of thousands of names include
 * many everyday words ("Will", "Grant", "Faith", "Chase") and months ("May", "June"): a month or a day
 * is never a name here, and the callers read a name that is also an everyday word as a person only by
 * how the sentence uses it.
 */
final class FirstNames {

    static final String RESOURCE = "/names/first-names.txt";

    private static final Set<String> CALENDAR = Set.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday", "Christmas", "Easter");

    /** Loaded on first use, once per class loader; immutable after. */
    private static final class Holder {
        static final Set<String> NAMES = load();
    }

    private FirstNames() {
    }

    static boolean contains(String word) {
        return Holder.NAMES.contains(word) && !CALENDAR.contains(word);
    }

    static int size() {
        return Holder.NAMES.size();
    }

    private static Set<String> load() {
        InputStream in = FirstNames.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
