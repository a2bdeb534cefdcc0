package dev.intake.providers.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people who are named but not speaking, by the way speakers introduce them: "my manager,
 * Marcus Lee" or "Marcus Lee, our CTO".
 */
final class MentionFinder {

    private static final String RELATION = "(manager|boss|lead|team lead|finance lead|CEO|CTO|CFO|COO|founder|co-founder"
            + "|cofounder|director|VP|head of \\w+|colleague|coworker|co-worker|teammate|assistant|partner|analyst|engineer)";
    private static final String NAME = "(\\p{Lu}\\p{Ll}+(?: \\p{Lu}\\p{Ll}+)?)";

    private static final Pattern RELATION_THEN_NAME =
            Pattern.compile("\\b(?i:my|our|the|their|his|her)\\s+(?i:" + RELATION + "),?\\s+" + NAME);
    private static final Pattern NAME_THEN_RELATION =
            Pattern.compile(NAME + ",\\s+(?i:my|our|the|their)\\s+(?i:" + RELATION + ")\\b");

    record Mention(String name, String relation, String sentence) {
    }

    private MentionFinder() {
    }

    /** Mentions in order of first appearance, one per name, leaving out the speakers themselves. */
    static List<Mention> find(List<String> sentences, List<String> speakers) {
        Map<String, Mention> byName = new LinkedHashMap<>();
        for (String sentence : sentences) {
            Matcher m = RELATION_THEN_NAME.matcher(sentence);
            while (m.find()) {
                add(byName, speakers, m.group(2), m.group(1), sentence);
            }
            m = NAME_THEN_RELATION.matcher(sentence);
            while (m.find()) {
                add(byName, speakers, m.group(1), m.group(2), sentence);
            }
        }
        return List.copyOf(byName.values());
    }

    private static void add(Map<String, Mention> byName, List<String> speakers, String name, String relation,
                            String sentence) {
        if (!speakers.contains(name)) {
            byName.putIfAbsent(name, new Mention(name, relation.toLowerCase(), sentence));
        }
    }
}
