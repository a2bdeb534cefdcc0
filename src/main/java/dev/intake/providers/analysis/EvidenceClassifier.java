package dev.intake.providers.analysis;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a sentence of the interviewee is evidence, and of which kind, by the words that
 * signal it. Checked in order: a sentence about paying is willingness to pay even when it also
 * names a pain.
 */
final class EvidenceClassifier {

    private record Rule(EvidenceKind kind, Pattern signal) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(EvidenceKind.WILLINGNESS_TO_PAY, Pattern.compile(
                    "(?i)\\b(pay|paying|paid|worth paying|worth (a|the|it)|dollars?|euros?|pounds|pricing|subscription)\\b|\\$\\s?\\d")),
            new Rule(EvidenceKind.PAIN, Pattern.compile(
                    "(?i)\\b(pain\\w*|frustrat\\w*|annoy\\w*|hard(est)?|difficult|struggl\\w*|problem\\w*|takes? (about|around|over|more than)"
                    + "|eats?|wast\\w*|stale|blocker|worr\\w*|scar\\w*|fail\\w*|lost|lose|manual\\w*|chas\\w*"
                    + "|embarrass\\w*|worst|forgets?|died|broken|slow\\w*|juggl\\w*|won't|nobody|can't|cannot|churn)\\b")),
            new Rule(EvidenceKind.GOAL, Pattern.compile(
                    "(?i)\\b(want|wish|hope|would love|i'd like|goal|ideal\\w*|productive|trust|should be|need to|"
                    + "they'd be|would make|switch)\\b")),
            new Rule(EvidenceKind.WORKAROUND, Pattern.compile(
                    "(?i)\\b(tried|try|we use|use a|spreadsheet|wiki|document|folder|workaround|we built|i keep|"
                    + "we copy|i send|reconstruct\\w*|by hand|end up)\\b")),
            new Rule(EvidenceKind.CONTEXT, Pattern.compile(
                    "(?i)\\b(i run|i lead|i manage|my team|our team|team of|company|we report|we hire|hire|signs? off|"
                    + "decides?|decision|approv\\w*|budget|manager|every (year|summer|month|week))\\b")));

    private static final int MIN_WORDS = 4;

    private EvidenceClassifier() {
    }

    /** Long enough, and not a question, to be evidence at all. */
    static boolean isSubstantial(String sentence) {
        return !sentence.endsWith("?") && Words.count(sentence) >= MIN_WORDS;
    }

    static Optional<EvidenceKind> classify(String sentence) {
        if (!isSubstantial(sentence)) {
            return Optional.empty();
        }
        for (Rule rule : RULES) {
            if (rule.signal().matcher(sentence).find()) {
                return Optional.of(rule.kind());
            }
        }
        return Optional.empty();
    }
}
