package dev.intake.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.intake.interview.EvidenceKind;
import dev.intake.analysis.EvidenceFinder.Scored;
import dev.intake.analysis.Statements.Statement;

/**
 * Scores statements by meaning: how near each is to the example statements of every kind and to the
 * examples of what is not evidence, and how near the question it answers is to the example questions
 * of every kind. Every sentence and question of the interview is embedded once, in one batch.
 */
final class ZeroShot {

    /** Mean similarity to this many nearest examples of a kind. */
    private static final int NEAREST = 2;
    /** Weight of the question's kind for the first sentences of a direct answer; half that later on. */
    private static final double QUESTION = 1.0;
    /** Weight of the words' signal for a kind, and what a strong signal (strength 0.9 or more) adds on top. */
    private static final double WORDS = 0.2;
    private static final double STRONG = 0.3;
    /** What the strongest signal of any kind, and length (up to 20 words), add to being evidence at all. */
    private static final double EVIDENCE_WORDS = 0.2;
    private static final double LENGTH = 0.2;
    /** What answering small talk ("how's your week?") takes away. */
    private static final double SMALL_TALK = 0.3;

    private ZeroShot() {
    }

    static Optional<List<Scored>> score(List<Statement> statements, Embeddings embeddings) {
        Optional<Prototypes.Vectors> prototypes = Prototypes.vectors(embeddings);
        if (prototypes.isEmpty() || statements.isEmpty()) {
            return prototypes.map(p -> List.of());
        }
        Map<String, Integer> questionAt = new LinkedHashMap<>();
        List<String> texts = new ArrayList<>(statements.stream().map(Statement::text).toList());
        for (Statement s : statements) {
            if (s.question() != null && !questionAt.containsKey(s.question())) {
                questionAt.put(s.question(), texts.size());
                texts.add(s.question());
            }
        }
        Optional<List<float[]>> embedded = embeddings.embed(texts);
        if (embedded.isEmpty()) {
            return Optional.empty();
        }
        List<float[]> vectors = embedded.get();
        List<float[]> centred = VectorMath.centred(vectors.subList(0, statements.size()));
        Prototypes.Vectors p = prototypes.get();
        List<double[]> signals = EvidenceClassifier.signals(statements);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            float[] question = s.question() == null ? null : vectors.get(questionAt.get(s.question()));
            scored.add(score(s, signals.get(i), centred.get(i), question, p));
        }
        return Optional.of(scored);
    }

    private static Scored score(Statement s, double[] signals, float[] meaning, float[] question, Prototypes.Vectors p) {
        double[] kinds = new double[EvidenceKind.values().length];
        double nearestKind = Double.NEGATIVE_INFINITY;
        double questionWeight = s.turnsSinceQuestion() == 1 ? (s.index() <= 1 ? QUESTION : QUESTION / 2) : 0;
        double smallTalk = 0;
        if (question != null) {
            double askedNothing = VectorMath.nearest(question, p.smallTalk(), 1);
            double askedMost = 0;
            for (EvidenceKind kind : EvidenceKind.values()) {
                askedMost = Math.max(askedMost, VectorMath.nearest(question, p.questions().get(kind), 1));
            }
            smallTalk = askedNothing > askedMost ? SMALL_TALK : 0;
        }
        for (EvidenceKind kind : EvidenceKind.values()) {
            double near = VectorMath.nearest(meaning, p.statements().get(kind), NEAREST);
            nearestKind = Math.max(nearestKind, near);
            double asked = question == null ? 0 : VectorMath.nearest(question, p.questions().get(kind), 1);
            double said = signals[kind.ordinal()];
            kinds[kind.ordinal()] = near + questionWeight * asked + WORDS * said + (said >= 0.9 ? STRONG : 0);
        }
        double evidence = nearestKind - VectorMath.nearest(meaning, p.notEvidence(), NEAREST)
                + EVIDENCE_WORDS * EvidenceClassifier.strongest(signals)
                + LENGTH * Math.min(Words.count(s.text()), 20) / 20.0
                - smallTalk;
        return new Scored(s, kinds, EvidenceClassifier.isSubstantial(s.text()) ? evidence : Double.NEGATIVE_INFINITY);
    }
}
