package dev.intake.analysis;

import dev.intake.interview.EvidenceKind;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a project question asks for, beyond its words: a kind of evidence (a price for "what would they
 * pay"), how things are done now rather than wished for ("how do they … today"), who decides ("who
 * signs off"), or which product is used ("which CRM is in use"). Each says which statements fit. A
 * "when" question is answered only by a statement that says when, a "how many" one by a number.
 */
record AskedFor(double[] kinds, boolean practice, boolean decider, boolean tool, boolean amount, boolean when,
                boolean howMany, boolean who) {

    private static final Pattern WHO = Pattern.compile("(?i)^\\W*(who|whose|whom)\\b");
    /** Someone a "who" question can be answered with, short of a name or a role: a pronoun, or the speaker. */
    private static final Pattern SAYS_WHO = Pattern.compile("(?i)\\b(she|he|they|them|me|myself|I do|we do|my call)\\b");

    private static final Pattern WHEN = Pattern.compile("(?i)^\\W*(when|how soon|by when|what date|how long until)\\b");
    private static final Pattern SAYS_WHEN = Pattern.compile("(?i)\\b(january|february|march|april|may|june|july|august"
            + "|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|spring|summer"
            + "|autumn|fall|winter|christmas|(next|last|this|every|each) (year|month|week|quarter|spring|summer|fall|winter)"
            + "|(in|within|after) (a|an|\\w+) (days?|weeks?|months?|years?)|\\w+ (days?|weeks?|months?|years?) ago"
            + "|(19|20)\\d\\d|q[1-4]|end of (the )?(year|month|quarter)|renew\\w*|expir\\w*)\\b");
    private static final Pattern HOW_MANY = Pattern.compile("(?i)\\bhow (many|much|often|long|big)\\b");
    private static final Pattern SAYS_HOW_MANY = Pattern.compile("(?i)\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|half"
            + "|once|twice|a few|a couple|several|every|daily|weekly|monthly)\\b");

    private static final Pattern PRACTICE = Pattern.compile("(?i)\\b(today|currently|now|at the moment|these days"
            + "|how do (they|you)|what (\\w+ )?do (they|you) use|which \\w+ (do|does))\\b");
    private static final Pattern WHO_DECIDES = Pattern.compile("(?i)\\bwho\\b.*\\b(approv\\w*|signs?|decid\\w*|purchas\\w*"
            + "|buy\\w*|budget|call|final)");
    private static final Pattern WHICH_TOOL = Pattern.compile("(?i)\\b(what|which)\\b.*\\b(systems?|tools?|software|apps?"
            + "|platforms?|crm|erp|tms|ats|pos|database|programs?|providers?|vendors?|products?)\\b");

    private static final Pattern HOW_MUCH = Pattern.compile("(?i)\\b(how much|cost|costs|spend|spent|pay|price|budget|worth|lose|lost)\\b");
    private static final Pattern AMOUNT = Pattern.compile("(?i)\\$\\s?\\d|\\b\\d[\\d,.]*\\s?k\\b|\\b(dollars?|bucks|euros?|pounds|grand"
            + "|hundred|thousand|million)\\b");

    private static final Pattern DECIDES = Pattern.compile("(?i)\\b(approv\\w*|signs?( off)?|sign-off|decid\\w*|final say"
            + "|my call|the call|(?:goes|go|went) (?:up )?(?:through|to)|run (?:it|things) by|okays?|budget)\\b");
    private static final Pattern TITLED = Pattern.compile("\\b(Dr|Mr|Mrs|Ms|Mx|Prof)\\.?\\s+\\p{Lu}");
    private static final Pattern TRAILING = Pattern.compile("\\W+$");
    private static final Pattern TITLE_BEFORE = Pattern.compile("\\b(Dr|Mr|Mrs|Ms|Mx|Prof)\\.?\\s+$");
    private static final Pattern PRONOUN = Pattern.compile("(?i)\\b(she|he)\\b");
    private static final Pattern CAPITALISED = Pattern.compile("(?<=\\s)\\p{Lu}\\p{Ll}+\\b");
    /** A product name: a capitalised word inside a sentence, an acronym, or a word with a capital inside. */
    private static final Pattern PRODUCT = Pattern.compile("(?<![.!?]\\s)(?<!^)\\b(\\p{Lu}\\p{Ll}+\\p{Lu}\\w*|\\p{Lu}{3,}"
            + "|\\p{Lu}\\p{Ll}{2,})\\b|^\\p{Lu}\\w+\\.$");

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
