package dev.intake.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

/**
 * Finds people who are named but not speaking, by the ways speakers name each other: with a title
 * ("Dr. Name", "Mrs. Name"), with their role before or after the name ("our CFO, First Last", "First
 * Last, she's my manager", "the owner, Mr. Name"), by full name, or by first name alone where the
 * sentence treats the name as someone acting or acted on ("I asked Name to…", "Name in finance
 * checks…", "Name's been driving…"). Products, companies and places named like people are left out by
 * the company they keep ("we use Mr. Brand", "Name & Name", a bank named after its founders); and so
 * are pets ("our dog, Name"). The forms one person goes by become one
 * mention under the fullest of them ({@link MentionedPeople}).
 * The patterns are in {@code analysis/mentions.rules}.
 */
final class MentionFinder {

    private static final RuleFile RULES = RuleFile.load("/analysis/mentions.rules", Set.of("titled", "role-then-name",
            "name-then-role", "name-word", "next-word", "acts", "acted-on", "asked-to", "introduced-by-pronoun",
            "product-before", "place-before", "company-after", "pet-before", "pet-after", "not-a-surname", "discourse"),
            Map.of("role-noun", Roles.NOUN));

    private static final Pattern TITLED = RULES.pattern("titled");
    private static final Pattern ROLE_THEN_NAME = RULES.pattern("role-then-name");
    private static final Pattern NAME_THEN_ROLE = RULES.pattern("name-then-role");
    private static final Pattern LOWER_CASE_WORD = Pattern.compile("(?<![\\p{L}'’])\\p{Ll}+(?![\\p{L}'’])");
    private static final Pattern WORD = RULES.pattern("name-word");
    private static final Pattern NEXT_WORD = RULES.pattern("next-word");
    private static final Pattern ACTS = RULES.pattern("acts");
    private static final Pattern ACTED_ON = RULES.pattern("acted-on");
    private static final Pattern ASKED_TO = RULES.pattern("asked-to");
    private static final Pattern INTRODUCED_BY_PRONOUN = RULES.pattern("introduced-by-pronoun");
    private static final Pattern PRODUCT_BEFORE = RULES.pattern("product-before");
    private static final Pattern PLACE_BEFORE = RULES.pattern("place-before");
    private static final Pattern COMPANY_AFTER = RULES.pattern("company-after");
    private static final Pattern PET_BEFORE = RULES.pattern("pet-before");
    private static final Pattern PET_AFTER = RULES.pattern("pet-after");
    private static final Pattern NOT_A_SURNAME = RULES.pattern("not-a-surname");
    private static final Set<String> DISCOURSE = RULES.words("discourse");

    /** Someone named: {@code relation} (e.g. "CFO") is how the speaker relates to them, when said. */
    record Mention(String name, String relation, String sentence) {
    }

    private MentionFinder() {
    }

    /** Mentions in order of first appearance, one per person, leaving out the speakers themselves. */
    static List<Mention> find(Transcript transcript) {
        MentionedPeople people = new MentionedPeople(transcript.speakers());
        Set<String> everyday = new HashSet<>();
        for (Utterance u : transcript.utterances()) {
            LOWER_CASE_WORD.matcher(u.text()).results().forEach(w -> everyday.add(w.group()));
        }
        for (Utterance u : transcript.utterances()) {
            for (String sentence : Words.sentences(u.text())) {
                scan(sentence, people, everyday);
            }
        }
        return people.mentions();
    }

    /**
     * Whether a lone capitalised word can be a name: only when it is never said in lower case ("Right,
     * the owners…" is not about someone called Right; "Will" is no one where "will" is said too).
     */
    private static boolean canBeAName(String word, Set<String> everyday) {
        String lower = word.toLowerCase(Locale.ROOT);
        return !everyday.contains(lower) && !DISCOURSE.contains(lower);
    }

    private static void scan(String sentence, MentionedPeople people, Set<String> everyday) {
        List<int[]> taken = new ArrayList<>();
        Matcher m = ROLE_THEN_NAME.matcher(sentence);
        while (m.find()) {
            int from = m.start(2) >= 0 ? m.start(2) : m.start(3);
            if (!companyAround(sentence, from, m.end()) && surname(m.group(4))) {
                if (m.group(2) != null) {
                    people.addTitled(m.group(2), m.group(3), m.group(4), m.group(1), sentence);
                } else {
                    people.add(m.group(3), m.group(4), m.group(1), sentence);
                }
                taken.add(new int[] {from, m.end()});
            }
        }
        m = NAME_THEN_ROLE.matcher(sentence);
        while (m.find()) {
            if (!overlaps(taken, m.start(1)) && !companyAround(sentence, m.start(1), m.end(1)) && surname(m.group(2))
                    && (m.group(2) != null || canBeAName(m.group(1), everyday))) {
                people.add(m.group(1), m.group(2), m.group(3), sentence);
                taken.add(new int[] {m.start(1), m.end(m.group(2) == null ? 1 : 2)});
            }
        }
        m = TITLED.matcher(sentence);
        while (m.find()) {
            if (!overlaps(taken, m.start(2)) && !companyAround(sentence, m.start(), m.end()) && surname(m.group(3))) {
                people.addTitled(m.group(1), m.group(2), m.group(3), null, sentence);
            }
            taken.add(new int[] {m.start(), m.end()});
        }
        m = WORD.matcher(sentence);
        int skipTo = 0;
        while (m.find()) {
            if (m.start() >= skipTo && !overlaps(taken, m.start(1))) {
                skipTo = named(sentence, m, people, everyday);
            }
        }
    }

    /**
     * A capitalised word: with the next, a full name when it is a given name; alone, a name when the
     * sentence uses it as someone's. Returns where the name ends, so a surname is not read again.
     */
    private static int named(String sentence, Matcher m, MentionedPeople people, Set<String> everyday) {
        String first = m.group(1);
        Matcher next = NEXT_WORD.matcher(sentence.substring(m.end(1)));
        if (next.find() && FirstNames.contains(first) && surname(next.group(1))
                && !companyAround(sentence, m.start(1), m.end(1) + next.end(1))) {
            people.add(first, next.group(1), null, sentence);
            return m.end(1) + next.end(1);
        }
        if (companyAround(sentence, m.start(1), m.end(1))) {
            return m.end(1);
        }
        String before = sentence.substring(0, m.start(1));
        String after = sentence.substring(m.end(1));
        boolean acts = ACTS.matcher(after).find();
        boolean actedOn = !before.isBlank() && ACTED_ON.matcher(before).find();
        boolean strongly = (ASKED_TO.matcher(before).find() && after.startsWith(" to "))
                || INTRODUCED_BY_PRONOUN.matcher(after).matches();
        if ((strongly && canBeAName(first, everyday)) || (FirstNames.contains(first) && canBeAName(first, everyday) && (acts || actedOn))) {
            people.add(first, null, null, sentence);
        }
        return m.end(1);
    }

    private static boolean surname(String word) {
        return word == null || !NOT_A_SURNAME.matcher(word).matches();
    }

    /** Whether the words around a name make it a product, a company, a place or a pet rather than a person. */
    private static boolean companyAround(String sentence, int start, int end) {
        String before = sentence.substring(0, start);
        String after = sentence.substring(end);
        return PRODUCT_BEFORE.matcher(before).find() || PLACE_BEFORE.matcher(before).find() || COMPANY_AFTER.matcher(after).find()
                || PET_BEFORE.matcher(before).find() || PET_AFTER.matcher(after).find();
    }

    private static boolean overlaps(List<int[]> taken, int at) {
        return taken.stream().anyMatch(span -> at >= span[0] && at < span[1]);
    }
}
