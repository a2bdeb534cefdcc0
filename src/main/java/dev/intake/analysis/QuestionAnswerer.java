package dev.intake.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.intake.interview.AnswerDraft;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Question;
import dev.intake.analysis.Statements.Statement;

/**
 * Answers a project question in the interviewees' own words: with the statements nearest to it in
 * meaning and in the words it uses (rare words counting more than the interview's everyday ones), where
 * the question the interviewer asked counts for the answer that followed it ("And what's the database?"
 * is answered by "Bloomerang."), what the question asks for counts ({@link AskedFor}), and evidence a
 * little more than other talk. A sentence that points back ("She owns the practice.") is quoted with the
 * sentences it points to. The answer cites the evidence it quotes or, failing that, the evidence nearest
 * the question when that is itself near it: evidence about something else (a calendar, when the question
 * is who signs) is never cited. A question nothing comes near enough is unanswered. Confidence and
 * rationale are given as Insights' research analysis gives them, per answer and per piece of evidence.
 */
final class QuestionAnswerer {

    private static final double MODEL_ANSWERED = 0.35;
    private static final double RULES_ANSWERED = 0.3;
    /** ... and come this near in meaning and words alone, or be of the very type asked for (a price, a decider). */
    private static final double NEAR = 0.25;
    /** Further statements join the answer when they come this close to the best... */
    private static final double RUNNER_UP = 0.15;
    /** ... up to this many in all. */
    private static final int MAX_STATEMENTS = 3;
    private static final double OWN_WORDS = 0.15;
    private static final double ASKED_WORDS = 0.1;
    private static final double KIND_FIT = 0.3;
    private static final double IS_EVIDENCE = 0.05;
    private static final double WISH_FOR_PRACTICE = 0.15;
    private static final double DECIDER = 0.4;
    private static final double PRODUCT = 0.25;
    private static final double AMOUNT = 0.15;
    private static final int ANTECEDENTS = 2;
    /** A direct answer to the interviewer's question goes on for this many sentences more, at most. */
    private static final int CONTINUATION = 3;
    /** Insights' research analysis keeps links of at least this confidence (its default minimum). */
    private static final double LEAST_CONFIDENCE = 0.6;
    private static final double MOST_CONFIDENCE = 0.99;
    private static final Pattern POINTS_BACK = Pattern.compile(
            "(?i)^(it|that|this|those|they|she|he|so|and|but|then)\\b|\\b(she|he|her|him|his)\\b"
            + "|\\b(for|with|about|of|on) (that|it|this|those)\\b");

    private QuestionAnswerer() {
    }

    static List<AnswerDraft> answer(List<Question> questions, List<Evidence> evidence, List<Statement> statements,
                                    Embeddings embeddings) {
        Optional<Meanings> meanings = Meanings.of(questions, statements, evidence, embeddings);
        Rarity rarity = Rarity.of(statements);
        Quotations quotations = Quotations.of(evidence);
        // A sentence's signals are its own, whatever the question: found once, not once per question.
        double[][] signals = new double[statements.size()][];
        List<AnswerDraft> answers = new ArrayList<>();
        for (int q = 0; q < questions.size(); q++) {
            answers.add(answer(questions.get(q), q, evidence, quotations, statements, signals, meanings, rarity));
        }
        return answers;
    }

    private static AnswerDraft answer(Question question, int q, List<Evidence> evidence, Quotations quotations,
                                      List<Statement> statements, double[][] signalsFound, Optional<Meanings> meanings,
                                      Rarity rarity) {
        Set<String> words = Words.stems(question.text());
        AskedFor asked = AskedFor.of(question.text());
        record Scored(Statement statement, double score, boolean near, boolean directAnswer) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            // What a sentence pointing back says is said with the sentence before it ("We're on X. It does…").
            String withBefore = (asked.decider() || asked.tool()) && i > 0 && statements.get(i - 1).turn() == s.turn()
                    && POINTS_BACK.matcher(s.text()).find() ? statements.get(i - 1).text() + " " + s.text() : s.text();
            boolean substantial = EvidenceClassifier.isSubstantial(s.text());
            boolean directAnswer = s.turnsSinceQuestion() == 1 && s.index() <= 1 && s.question() != null;
            if (!substantial && !(directAnswer && s.index() == 0) || QuestionHints.isSmallTalk(s.question())) {
                continue;
            }
            if (signalsFound[i] == null) {
                signalsFound[i] = EvidenceClassifier.signals(s.text());
            }
            double[] signals = signalsFound[i];
            if (!asked.canBeAnsweredBy(s.text(), signals)) {
                continue;
            }
            Optional<Evidence> quoted = quotations.of(s);
            EvidenceKind quotedAs = quoted.map(Evidence::kind).orElse(null);
            boolean wish = signals[EvidenceKind.GOAL.ordinal()] >= 0.8 || quotedAs == EvidenceKind.GOAL;
            double askedAlike = directAnswer ? meanings.map(m -> m.nearAsked(q, s)).orElse(0.0)
                    + ASKED_WORDS * rarity.shared(words, s.question()) : 0;
            double ownAlike = substantial ? meanings.map(m -> m.near(q, s)).orElse(0.0)
                    + OWN_WORDS * rarity.shared(words, s.text()) : 0;
            boolean typeFits = asked.decider() && asked.namesADecider(withBefore) || asked.kindFit(signals, quotedAs) >= 0.9;
            boolean near = Math.max(askedAlike, ownAlike) >= NEAR || typeFits;
            double score = Math.max(askedAlike, ownAlike)
                    + KIND_FIT * asked.kindFit(signals, quotedAs)
                    + (quoted.isEmpty() ? 0 : IS_EVIDENCE)
                    - (asked.practice() && wish ? WISH_FOR_PRACTICE : 0)
                    + (asked.decider() && asked.tellsWhoDecides(s.text()) ? DECIDER / 2 : 0)
                    + (asked.decider() && asked.namesADecider(withBefore) ? DECIDER / 2 : 0)
                    + (asked.tool() && AskedFor.namesAProduct(withBefore) ? PRODUCT : 0)
                    + (asked.amount() && AskedFor.namesAnAmount(s.text()) ? AMOUNT : 0);
            scored.add(new Scored(s, score, near, directAnswer && askedAlike >= ownAlike));
        }
        scored.sort(Comparator.comparingDouble((Scored s) -> -s.score()));
        double bar = meanings.isPresent() ? MODEL_ANSWERED : RULES_ANSWERED;
        if (scored.isEmpty() || scored.get(0).score() < bar || !scored.get(0).near() || evidence.isEmpty()) {
            return AnswerDraft.unanswered(question.id());
        }
        // Only statements about the question make the answer: a runner-up by score that is not near the
        // question (a bonus for naming a product, say) would cite evidence about something else.
        Set<Statement> passage = new TreeSet<>(Comparator.comparingInt(Statement::turn).thenComparingInt(Statement::index));
        Map<UUID, AnswerDraft.Support> cited = new LinkedHashMap<>();
        scored.stream()
                .limit(MAX_STATEMENTS)
                .filter(s -> s.near() && s.score() >= scored.get(0).score() - RUNNER_UP)
                .forEach(s -> {
                    List<Statement> with = withAntecedents(s.statement(), statements, s.directAnswer() ? CONTINUATION : 0);
                    passage.addAll(with);
                    String why = why(s.statement(), asked, s.directAnswer());
                    for (Statement part : with) {
                        quotations.of(part).ifPresent(e -> cited.putIfAbsent(e.id(), new AnswerDraft.Support(
                                e.id(), "supports", confidence(s.score(), bar), why)));
                    }
                });
        if (cited.isEmpty()) {
            Scored best = scored.get(0);
            Optional<Evidence> nearest = nearestEvidence(q, words, evidence, meanings, rarity);
            if (nearest.isEmpty()) {
                return AnswerDraft.unanswered(question.id());
            }
            cited.put(nearest.get().id(), new AnswerDraft.Support(nearest.get().id(), "supports",
                    confidence(best.score() - RUNNER_UP, bar), "The evidence nearest the question in meaning and words"));
        }
        double confidence = cited.values().stream().mapToDouble(AnswerDraft.Support::confidence).max().orElseThrow();
        String rationale = String.join("\n", cited.values().stream().map(AnswerDraft.Support::rationale).distinct().toList());
        return new AnswerDraft(question.id(), attributed(passage), confidence, rationale, null, List.copyOf(cited.values()));
    }

    /**
     * The passage in the speakers' own words, each speaker's run introduced by their name: "me" or "we"
     * in an answer means nothing without who said it (who decides, when the decider is the speaker).
     */
    private static String attributed(Set<Statement> passage) {
        StringBuilder text = new StringBuilder();
        String speaking = null;
        for (Statement s : passage) {
            if (s.speaker() != null && !s.speaker().equals(speaking)) {
                text.append(text.isEmpty() ? "" : " ").append(s.speaker()).append(": ");
                speaking = s.speaker();
            } else if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(s.text());
        }
        return text.toString();
    }

    /** A score that answered the question starts at Insights' least accepted confidence and rises to 0.99. */
    private static double confidence(double score, double bar) {
        double above = Math.max(0, Math.min(1, (score - bar) / (1 - bar)));
        return Math.round((LEAST_CONFIDENCE + (MOST_CONFIDENCE - LEAST_CONFIDENCE) * above) * 100) / 100.0;
    }

    /** Why the statement answers the question, in the terms the scoring used. */
    private static String why(Statement s, AskedFor asked, boolean directAnswer) {
        if (asked.decider() && asked.namesADecider(s.text())) {
            return "Names who decides";
        }
        if (asked.amount() && AskedFor.namesAnAmount(s.text())) {
            return "States an amount";
        }
        if (asked.tool() && AskedFor.namesAProduct(s.text())) {
            return "Names the product used";
        }
        if (directAnswer) {
            return "Answers the interviewer's question \"" + s.question() + "\"";
        }
        return "Speaks to the question in the interviewee's own words";
    }

    /**
     * The statement, after the sentences of its turn it points back to ("She owns…" after "That would be
     * Dr. Ruiz."), and before up to {@code following} sentences that carry on the answer it opens.
     */
    private static List<Statement> withAntecedents(Statement s, List<Statement> statements, int following) {
        List<Statement> turn = statements.stream().filter(t -> t.turn() == s.turn()).toList();
        int from = s.index();
        while (from > 0 && s.index() - from < ANTECEDENTS && POINTS_BACK.matcher(turn.get(from).text()).find()) {
            from--;
        }
        return turn.subList(from, Math.min(turn.size(), s.index() + 1 + following));
    }

    /** The evidence nearest the question, when it is near enough to be about it. */
    private static Optional<Evidence> nearestEvidence(int q, Set<String> words, List<Evidence> evidence,
                                                      Optional<Meanings> meanings, Rarity rarity) {
        Comparator<Evidence> nearness = Comparator.comparingDouble(e -> nearness(q, words, e, meanings, rarity));
        return evidence.stream().max(nearness).filter(e -> nearness(q, words, e, meanings, rarity) >= NEAR);
    }

    private static double nearness(int q, Set<String> words, Evidence e, Optional<Meanings> meanings, Rarity rarity) {
        return meanings.map(m -> m.near(q, e)).orElse(0.0) + OWN_WORDS * rarity.shared(words, e.verbatim());
    }
}
