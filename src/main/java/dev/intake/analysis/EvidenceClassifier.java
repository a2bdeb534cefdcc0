package dev.intake.analysis;

import dev.intake.interview.EvidenceKind;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words that signal a kind of evidence, as strengths from 0 (no signal) to 1 (the kind is hardly in
 * doubt): an amount of money said as a condition or a wish is willingness to pay, money lost a pain, an
 * approval limit or a price stated as a fact context; "I wish", "ideally" a goal; a spreadsheet or
 * "by hand" a workaround; "we use", "a team of" context; trouble words a pain. The analyzer adds
 * these to what the sentence means; without the model they decide alone.
 * The words and patterns are in {@code analysis/evidence-kinds.rules}.
 */
final class EvidenceClassifier {

    private record Signal(EvidenceKind kind, double strength, Pattern words) {
    }

    private static final RuleFile RULES = RuleFile.load("/analysis/evidence-kinds.rules", Set.of("signal", "currency",
            "price-period", "paying", "hypothetical", "modal", "loss", "threshold", "would-need", "quoted-price",
            "first-person", "approval", "spending-now", "question-start"));

    private static final Pattern CURRENCY = RULES.pattern("currency");
    private static final Pattern PRICE_PERIOD = RULES.pattern("price-period");
    private static final Pattern PAYING = RULES.pattern("paying");
    private static final Pattern HYPOTHETICAL = RULES.pattern("hypothetical");
    private static final Pattern MODAL = RULES.pattern("modal");
    private static final Pattern LOSS = RULES.pattern("loss");
    private static final Pattern THRESHOLD = RULES.pattern("threshold");
    private static final Pattern WOULD_NEED = RULES.pattern("would-need");
    private static final Pattern QUOTED_PRICE = RULES.pattern("quoted-price");
    private static final Pattern FIRST_PERSON = RULES.pattern("first-person");
    private static final Pattern APPROVAL = RULES.pattern("approval");
    private static final Pattern SPENDING_NOW = RULES.pattern("spending-now");
    private static final List<Signal> SIGNALS = RULES.all("signal").stream().map(EvidenceClassifier::signal).toList();

    private static final int MIN_WORDS = 4;
    private static final Pattern QUESTION_START = RULES.pattern("question-start");

    private EvidenceClassifier() {
    }

    /** A {@code [signal kind strength]} section of the rules. */
    private static Signal signal(RuleFile.Section section) {
        if (section.arguments().size() != 2) {
            throw section.fail("needs a kind and a strength, as in [signal pain 0.6]");
        }
        EvidenceKind kind = section.kind(0);
        double strength;
        try {
            strength = Double.parseDouble(section.arguments().get(1));
        } catch (NumberFormatException e) {
            throw section.fail("has no strength from 0 to 1");
        }
        if (!(strength >= 0 && strength <= 1)) {
            throw section.fail("has no strength from 0 to 1");
        }
        return new Signal(kind, strength, section.pattern());
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
