package dev.intake.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.intake.interview.EvidenceDetail;
import dev.intake.interview.EvidenceDraft;
import dev.intake.interview.EvidenceKind;
import dev.intake.analysis.Statements.Statement;

/**
 * Picks the interviewees' statements a researcher would mark as evidence, and their kind. Each sentence
 * is scored by the kinds its meaning is nearest to (zero-shot, against {@link Prototypes}), the kind
 * the question it answers asks for, and its words ({@link EvidenceClassifier}). From each answer the
 * strongest sentence is taken when it is evidence enough, further ones only when they are clearly
 * evidence too; two neighbouring sentences of one kind become one quote. Without the model the words and
 * the question decide alone, by the same steps.
 */
final class EvidenceFinder {

    /** A statement's evidence score must pass this to be taken as the strongest of its answer. */
    private static final double FIRST = 0.2;
    /** ... and this to be taken beside a stronger one. */
    private static final double FURTHER = 0.3;
    /** The same bars without the model, where the words' signals (0 to 1) are most of the score. */
    private static final double RULES_FIRST = 0.5;
    private static final double RULES_FURTHER = 0.6;
    /** Without the model: how much the question's kind counts for the first sentences of a direct answer, and later. */
    private static final double RULES_QUESTION = 0.5;
    private static final double RULES_QUESTION_LATER = 0.2;
    private static final double RULES_LENGTH = 0.1;
    private static final double RULES_SMALL_TALK = 0.5;
    /** One claim a quote: a sentence, or two neighbouring ones of one kind. */
    private static final int MAX_RUN = 2;

    /** A statement with how much it reads as each kind, and as evidence at all. */
    record Scored(Statement statement, double[] kinds, double evidence) {
        EvidenceKind kind() {
            int best = 0;
            for (int k = 1; k < kinds.length; k++) {
                if (kinds[k] > kinds[best]) {
                    best = k;
                }
            }
            return EvidenceKind.values()[best];
        }
    }

    private EvidenceFinder() {
    }

    static List<EvidenceDraft> find(List<Statement> statements, Embeddings embeddings) {
        Optional<List<Scored>> byMeaning = ZeroShot.score(statements, embeddings);
        return byMeaning.isPresent() ? pick(byMeaning.get(), FIRST, FURTHER)
                : pick(byRules(statements), RULES_FIRST, RULES_FURTHER);
    }

    private static List<Scored> byRules(List<Statement> statements) {
        List<Scored> scored = new ArrayList<>();
        List<double[]> signals = EvidenceClassifier.signals(statements);
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            double[] kinds = signals.get(i).clone();
            double[] asked = QuestionHints.kindsAskedFor(s.question());
            double weight = s.turnsSinceQuestion() == 1 && s.index() <= 1 ? RULES_QUESTION : RULES_QUESTION_LATER;
            for (int k = 0; k < kinds.length; k++) {
                kinds[k] += weight * asked[k];
            }
            double evidence = EvidenceClassifier.strongest(signals.get(i))
                    + RULES_LENGTH * Math.min(Words.count(s.text()), 20) / 20.0
                    - (QuestionHints.isSmallTalk(s.question()) ? RULES_SMALL_TALK : 0);
            scored.add(new Scored(s, kinds, EvidenceClassifier.isSubstantial(s.text()) ? evidence : Double.NEGATIVE_INFINITY));
        }
        return scored;
    }

    /** The strongest statement of each turn, others that pass the higher bar, adjacent ones of one kind joined. */
    private static List<EvidenceDraft> pick(List<Scored> scored, double first, double further) {
        Map<Integer, List<Scored>> byTurn = new LinkedHashMap<>();
        scored.forEach(s -> byTurn.computeIfAbsent(s.statement().turn(), t -> new ArrayList<>()).add(s));
        List<EvidenceDraft> evidence = new ArrayList<>();
        for (List<Scored> turn : byTurn.values()) {
            Scored strongest = turn.stream().reduce((a, b) -> b.evidence() > a.evidence() ? b : a).orElseThrow();
            List<Scored> run = new ArrayList<>();
            for (Scored s : turn) {
                boolean taken = s == strongest ? s.evidence() > first : s.evidence() > further;
                if (!taken) {
                    continue;
                }
                if (!run.isEmpty() && !joins(run, s)) {
                    quote(run, first, further).ifPresent(evidence::add);
                    run = new ArrayList<>();
                }
                run.add(s);
            }
            if (!run.isEmpty()) {
                quote(run, first, further).ifPresent(evidence::add);
            }
        }
        return evidence;
    }

    /** A statement of the run's kind right after it continues it, up to {@link #MAX_RUN} sentences in all. */
    private static boolean joins(List<Scored> run, Scored s) {
        int start = run.get(0).statement().index();
        int end = run.get(run.size() - 1).statement().index();
        int at = s.statement().index();
        return run.get(0).kind() == s.kind() && at == end + 1 && at - start < MAX_RUN;
    }

    /** The run as one quote with what Insights' extraction says of it; empty when Insights would not keep it. */
    private static Optional<EvidenceDraft> quote(List<Scored> run, double firstBar, double furtherBar) {
        Statement first = run.get(0).statement();
        Statement last = run.get(run.size() - 1).statement();
        String verbatim = first.utterance().text().substring(first.start(), last.end());
        double strength = run.stream().mapToDouble(Scored::evidence).max().orElseThrow();
        EvidenceDetail detail = EvidenceDetails.of(run.get(0).kind(), verbatim, first, last, strength, firstBar,
                furtherBar);
        if (EvidenceSelection.shouldSkip(new EvidenceSelection.Turn("participant", detail.chunk(),
                Words.sentences(verbatim).get(0), verbatim, detail.facets().size(), detail.isQuestion(), false))) {
            return Optional.empty();
        }
        return Optional.of(new EvidenceDraft(run.get(0).kind(), verbatim, first.speaker(), first.utterance().startSec(),
                first.utterance().endSec(), detail));
    }
}
