package dev.intake.analysis;

import dev.intake.interview.EvidenceKind;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words that signal a kind of evidence, as strengths from 0 (no signal) to 1 (the kind is hardly in
 * doubt): an amount of money said as a condition or a wish is willingness to pay, money lost a pain, an
 * approval limit or a price stated as a fact context; "I wish", "ideally" a goal; a spreadsheet or
 * "by hand" a workaround; "we use", "a team of" context; trouble words a pain. The analyzer adds
 * these to what the sentence means; without the model they decide alone.
 */
final class EvidenceClassifier {

    private record Signal(EvidenceKind kind, double strength, Pattern words) {
        static Signal of(EvidenceKind kind, double strength, String regex) {
            return new Signal(kind, strength, Pattern.compile("(?i)" + regex));
        }
    }

    private static final String NUMBER = "(?:\\d[\\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|a dozen|a few)";
    private static final Pattern CURRENCY = Pattern.compile(
            "(?i)\\$\\s?\\d|€\\s?\\d|£\\s?\\d|\\b\\d[\\d,.]*\\s?k\\b|\\b(dollars?|bucks|euros?|pounds|grand|cents)\\b");
    private static final Pattern PRICE_PERIOD = Pattern.compile("(?i)\\b" + NUMBER + "\\s+(?:(?:dollars|bucks|euros|pounds|grand|k|total)\\s+)?(a|per|each|an)\\s+"
            + "(month|year|seat|user|employee|head|license|licence|location|site|unit|engineer|person|agent|week|clinic|store|truck)\\b"
            + "|\\b(monthly|yearly|annually|per seat|per user)\\b");
    private static final Pattern PAYING = Pattern.compile(
            "(?i)\\b(pay|paying|price[ds]?|pricing|afford\\w*|worth|spend|budget|cost|charge[ds]?|expense)\\b");
    private static final Pattern HYPOTHETICAL = Pattern.compile(
            "(?i)\\b(would|could|might|if|under|below|above|more than|less than|up to|max\\w*|at most|not)\\b|\\b(?!(?:i|we)'d say)\\w+'d\\b");
    private static final Pattern MODAL = Pattern.compile("(?i)\\b(would|could|might|if)\\b|\\b(?!(?:i|we)'d say)\\w+'d\\b");
    private static final Pattern LOSS = Pattern.compile("(?i)\\b(cost(s|ing)? (us|me|them)|lost|lose|losing|wasted?|fees?|fined?"
            + "|penalt\\w*|refund\\w*)\\b");
    /** A spending limit: "anything over five hundred", "under that". */
    private static final Pattern THRESHOLD = Pattern.compile("(?i)\\b(anything|everything|purchases?|spend\\w*)\\s+(over|above"
            + "|under|below|past|more than)\\b|\\b(under|over|above|below) that\\b");
    /** The speaker would need someone's approval to pay: a price limit of their own. */
    private static final Pattern WOULD_NEED = Pattern.compile("(?i)\\b(I|we)('d| would) (need|have to)\\b");
    /** A price someone else asked or charged, not one the speaker would pay. */
    private static final Pattern QUOTED_PRICE = Pattern.compile("(?i)\\b(was|were|wanted|charged?|charges|quoted|asked for)\\b");
    private static final Pattern FIRST_PERSON = Pattern.compile("(?i)\\b(I|we|I'd|we'd|I'm|we're|us|my|our)\\b");
    private static final Pattern APPROVAL = Pattern.compile("(?i)\\b(approv\\w*|signs?|sign-off|signed|sign off"
            + "|goes to|go to|needs? (approval|sign))\\b");
    /** Money already being spent is a fact about the customer, not a price they would pay. */
    private static final Pattern SPENDING_NOW = Pattern.compile("(?i)\\b((?:we|I) (?:\\w+ )?(?:pay|spend)|we're paying|we are paying"
            + "|currently pay\\w*|paying .{0,30} already)\\b");

    private static final List<Signal> SIGNALS = List.of(
            Signal.of(EvidenceKind.GOAL, 1.0, "\\b(I|we)('d| would)?\\s+(really\\s+|just\\s+|also\\s+)?(want|wish|love|hope)\\b"
                    + "|\\b(I|we)('d| would) (like|need)\\b"),
            Signal.of(EvidenceKind.GOAL, 0.9, "^(just )?(something|a tool|an app|a system|a way|one place|a single \\w+|one \\w+)"
                    + " (that|to|for|where|which|I|we|they)\\b"),
            Signal.of(EvidenceKind.GOAL, 0.8, "\\b(ideal(ly)?|dream|magic wand|perfect world|game changer|change my life)\\b"
                    + "|\\bwould be (great|amazing|nice|huge|ideal|perfect)\\b"),
            Signal.of(EvidenceKind.GOAL, 0.5, "\\b(it|this|that|the tool|whatever it is|the system)\\s+(has|needs|have|need|must) to\\b"
                    + "|\\bif (it|the \\w+|they|we|I|you) (could|would|just)\\b|\\bjust (shows?|shows up|works?)\\b"),
            Signal.of(EvidenceKind.WORKAROUND, 0.9, "\\b(workaround|work around|in the meantime|for now|stopgap|band-?aid"
                    + "|what (I|we) do is|so (I|we) just)\\b"),
            Signal.of(EvidenceKind.WORKAROUND, 0.6, "\\b(spreadsheets?|excel|google (sheets?|docs?)|whiteboards?|sticky notes?"
                    + "|post-?its?|notebooks?|binders?|clipboards?|printouts?|group (chat|text)"
                    + "|(her|his|their) (own|personal) phones?|scripts?|macros?|by hand|manually|re-?type|re-?key|re-?enter"
                    + "|shared (document|doc|drive|folder|calendar|inbox|sheet))\\b"),
            Signal.of(EvidenceKind.WORKAROUND, 0.4, "\\b(I|we|they)\\s+(just\\s+|usually\\s+|basically\\s+|always\\s+|then\\s+)?"
                    + "(keep|text|email|send|call|ask|tell|write|track|copy|print|export|post|made|built|set up|go through)\\b"),
            Signal.of(EvidenceKind.CONTEXT, 0.6, "\\b(we|I)('re| are| am|'m) (a|an|the)\\b|\\bI (run|lead|manage|own|oversee)\\b"
                    + "|\\bteam (of|is)\\b|\\bthere('s| are| is) \\w+ of us\\b|\\b(me|just me) (and|plus)\\b"),
            Signal.of(EvidenceKind.CONTEXT, 0.5, "\\bwe (use|run|have got|'ve got|serve|manage|handle|sell|book|process)\\b"
                    + "|\\b(lives?|runs?) (in|on|through)\\b|\\b(about|around|roughly|nearly|almost|over|like) " + NUMBER + "\\b"
                    + "|\\b" + NUMBER + "\\s+([\\p{L}-]+\\s+)?[\\p{L}-]+s\\b(?! (a|per|an|every) )"),
            Signal.of(EvidenceKind.CONTEXT, 0.4, "\\b(signs? off|approves?|decides|final say|my call|goes through)\\b"),
            Signal.of(EvidenceKind.PAIN, 0.9, "\\b(the (real |big |main )?problem|the worst|hardest|nightmare|frustrat\\w*"
                    + "|drives me crazy|pain in the|bottleneck|falls? apart|embarrass\\w*|painful|a mess"
                    + "|takes? (about |around |over |more than |almost |nearly )?(a |an |\\w+ )?(hours?|days?|weeks?|months?)"
                    + " (to|before|until|just|of|every))\\b"),
            Signal.of(EvidenceKind.PAIN, 0.6, "\\b(problems?|issues?|annoy\\w*|hate|hard|difficult|struggl\\w*|mess|chaos|broken"
                    + "|breaks?|wrong|errors?|mistakes?|fail\\w*|miss(ed|es|ing)?|late|behind|wast\\w*|stuck|chas\\w*|nobody|never"
                    + "|can't|cannot|doesn't|don't know|won't|disput\\w*|complain\\w*|angry|upset|out of date|forever"
                    + "|double-?book\\w*|slow|manual|tedious|noisy|noise|unread|lost|die|dies)\\b"),
            Signal.of(EvidenceKind.PAIN, 0.6, "\\b(takes? (me|us|them)|took (me|us)|nonstop|non-stop|constantly|all the time"
                    + "|over and over|in the middle of the night|a full day|all day"
                    + "|\\w+ times a (day|week)|(hours|days|weeks) (to|before|until))\\b"),
            Signal.of(EvidenceKind.PAIN, 0.3, "\\b(hours?|every (single )?(day|week|morning|time))\\b"));

    private static final int MIN_WORDS = 4;
    private static final Pattern QUESTION_START = Pattern.compile(
            "(?i)^(what|why|how|who|when|where|which|do|does|did|is|are|was|were|can|could|would|will|should|have|has)\\b");

    private EvidenceClassifier() {
    }

    /**
     * Long enough, and not a question, to be evidence at all. A sentence ending in "?" that does not
     * open like a question ("I think three dollars a seat?") is a statement said with a rising voice.
     */
    static boolean isSubstantial(String sentence) {
        if (Words.count(sentence) < MIN_WORDS) {
            return false;
        }
        return !sentence.endsWith("?") || (Words.count(sentence) >= 8 && !QUESTION_START.matcher(sentence).find());
    }

    /**
     * The signals of each statement, where a short lead-in ("Honestly, it's painful.") lends its signals
     * to the sentence it introduces.
     */
    static List<double[]> signals(List<Statements.Statement> statements) {
        List<double[]> all = new java.util.ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statements.Statement s = statements.get(i);
            double[] own = signals(s.text());
            if (i > 0 && s.index() > 0 && !isSubstantial(statements.get(i - 1).text())) {
                double[] leadIn = all.get(i - 1);
                for (int k = 0; k < own.length; k++) {
                    own[k] = Math.max(own[k], leadIn[k]);
                }
            }
            all.add(own);
        }
        return all;
    }

    /** How strongly the words of {@code sentence} signal each kind, indexed by {@link EvidenceKind#ordinal()}. */
    static double[] signals(String sentence) {
        double[] strength = new double[EvidenceKind.values().length];
        for (Signal signal : SIGNALS) {
            if (signal.words().matcher(sentence).find()) {
                strength[signal.kind().ordinal()] = Math.max(strength[signal.kind().ordinal()], signal.strength());
            }
        }
        money(sentence, strength);
        return strength;
    }

    /** Money said as a price is willingness to pay; money lost is a pain; a spending limit said as a rule is context. */
    private static void money(String sentence, double[] strength) {
        boolean currency = CURRENCY.matcher(sentence).find();
        boolean pricePeriod = PRICE_PERIOD.matcher(sentence).find();
        boolean paying = PAYING.matcher(sentence).find();
        boolean hypothetical = HYPOTHETICAL.matcher(sentence).find();
        boolean loss = LOSS.matcher(sentence).find();
        boolean approval = APPROVAL.matcher(sentence).find();
        boolean limit = THRESHOLD.matcher(sentence).find();
        double wtp = 0;
        if (SPENDING_NOW.matcher(sentence).find() && !MODAL.matcher(sentence).find()) {
            raise(strength, EvidenceKind.CONTEXT, 0.9);
        } else if ((currency || pricePeriod) && loss && !(paying && MODAL.matcher(sentence).find())) {
            // Money lost is a pain whatever its period ("costs us twenty grand a year"); a price someone
            // would pay is said as a condition or a wish.
            raise(strength, EvidenceKind.PAIN, 1.0);
        } else if ((currency || pricePeriod || limit) && approval && !WOULD_NEED.matcher(sentence).find()
                && (limit || !MODAL.matcher(sentence).find())) {
            raise(strength, EvidenceKind.CONTEXT, 0.9);
        } else if ((pricePeriod || currency) && QUOTED_PRICE.matcher(sentence).find()
                && !(hypothetical && FIRST_PERSON.matcher(sentence).find())) {
            wtp = 0.6;
        } else if ((pricePeriod || currency) && (hypothetical || paying)) {
            wtp = 1.0;
        } else if (pricePeriod || currency) {
            // A price said as a plain fact ("it's forty a seat a month") is about their situation until
            // they say what they would pay.
            wtp = 0.5;
            raise(strength, EvidenceKind.CONTEXT, 0.5);
        } else if (paying && hypothetical) {
            wtp = 0.8;
        }
        raise(strength, EvidenceKind.WILLINGNESS_TO_PAY, wtp);
    }

    private static void raise(double[] strength, EvidenceKind kind, double to) {
        strength[kind.ordinal()] = Math.max(strength[kind.ordinal()], to);
    }

    static double strongest(double[] strength) {
        double max = 0;
        for (double s : strength) {
            max = Math.max(max, s);
        }
        return max;
    }
}
