package dev.intake.analysis;

import dev.intake.interview.EvidenceKind;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a project question asks for, beyond its words: a kind of evidence (a price for "what would they
 * pay"), how things are done now rather than wished for ("how do they … today"), who decides ("who
 * signs off"), or which product is used ("which CRM is in use"). Each says which statements fit. A
 * "when" question is answered only by a statement that says when, a "how many" one by a number.
 * The words and patterns are in {@code analysis/asked-for.rules}.
 */
record AskedFor(double[] kinds, boolean practice, boolean decider, boolean tool, boolean amount, boolean when,
                boolean howMany, boolean who) {

    private static final RuleFile RULES = RuleFile.load("/analysis/asked-for.rules", Set.of("who", "says-who", "when",
            "says-when", "how-many", "says-how-many", "practice", "who-decides", "which-tool", "how-much", "amount",
            "decides", "titled", "title-before", "pronoun", "product"));

    private static final Pattern WHO = RULES.pattern("who");
    private static final Pattern SAYS_WHO = RULES.pattern("says-who");
    private static final Pattern WHEN = RULES.pattern("when");
    private static final Pattern SAYS_WHEN = RULES.pattern("says-when");
    private static final Pattern HOW_MANY = RULES.pattern("how-many");
    private static final Pattern SAYS_HOW_MANY = RULES.pattern("says-how-many");
    private static final Pattern PRACTICE = RULES.pattern("practice");
    private static final Pattern WHO_DECIDES = RULES.pattern("who-decides");
    private static final Pattern WHICH_TOOL = RULES.pattern("which-tool");
    private static final Pattern HOW_MUCH = RULES.pattern("how-much");
    private static final Pattern AMOUNT = RULES.pattern("amount");
    private static final Pattern DECIDES = RULES.pattern("decides");
    private static final Pattern TITLED = RULES.pattern("titled");
    private static final Pattern TITLE_BEFORE = RULES.pattern("title-before");
    private static final Pattern PRONOUN = RULES.pattern("pronoun");
    private static final Pattern PRODUCT = RULES.pattern("product");
    private static final Pattern TRAILING = Pattern.compile("\\W+$");
    private static final Pattern CAPITALISED = Pattern.compile("(?<=\\s)\\p{Lu}\\p{Ll}+\\b");

    static AskedFor of(String question) {
        boolean decider = WHO_DECIDES.matcher(question).find();
        double[] kinds = QuestionHints.kindsAskedFor(question);
        if (decider) {
            // Who decides is told by naming someone, not by any fact about the company.
            kinds[EvidenceKind.CONTEXT.ordinal()] = 0;
        }
        return new AskedFor(kinds, PRACTICE.matcher(question).find(), decider, WHICH_TOOL.matcher(question).find(),
                HOW_MUCH.matcher(question).find(), WHEN.matcher(question).find(), HOW_MANY.matcher(question).find(),
                WHO.matcher(question).find());
    }

    /**
     * Whether a statement can answer at all: says when for "when", someone for "who", a number for "how
     * many", a price for "what would they pay".
     */
    boolean canBeAnsweredBy(String statement, double[] signals) {
        return (!when || SAYS_WHEN.matcher(statement).find())
                && (!who || SAYS_WHO.matcher(statement).find() || namesSomeone(statement))
                && (!howMany || SAYS_HOW_MANY.matcher(statement).find())
                && (!needsKind() || kindFit(signals, null) >= 0.5);
    }

    /** A question about paying is answered only by a statement about paying. */
    boolean needsKind() {
        return kinds[EvidenceKind.WILLINGNESS_TO_PAY.ordinal()] > 0;
    }

    /** How well a statement's kind signals (and the kind of evidence quoting it) meet the kind asked for. */
    double kindFit(double[] signals, EvidenceKind quotedAs) {
        double fit = quotedAs == null ? 0 : kinds[quotedAs.ordinal()];
        for (int k = 0; k < kinds.length; k++) {
            fit = Math.max(fit, kinds[k] * signals[k]);
        }
        return fit;
    }

    boolean namesADecider(String statement) {
        return DECIDES.matcher(statement).find() && (namesSomeone(statement) || PRONOUN.matcher(statement).find());
    }

    boolean tellsWhoDecides(String statement) {
        return DECIDES.matcher(statement).find() || namesSomeone(statement);
    }

    private static boolean namesSomeone(String statement) {
        return Roles.NAMED.matcher(statement).find() || TITLED.matcher(statement).find()
                || CAPITALISED.matcher(statement).results().anyMatch(m -> FirstNames.contains(m.group()));
    }

    static boolean namesAnAmount(String statement) {
        return AMOUNT.matcher(statement).find();
    }

    /** A capitalised name inside the statement that is not a person's (no title before it, not a given name). */
    static boolean namesAProduct(String statement) {
        Matcher m = PRODUCT.matcher(statement);
        while (m.find()) {
            String word = m.group(1) == null ? m.group() : m.group(1);
            boolean titled = TITLE_BEFORE.matcher(statement.substring(0, m.start())).find();
            if (!titled && !FirstNames.contains(TRAILING.matcher(word).replaceAll(""))) {
                return true;
            }
        }
        return false;
    }
}
