package dev.intake.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.intake.interview.Evidence;
import dev.intake.interview.Question;
import dev.intake.analysis.Statements.Statement;

/**
 * How near the project's questions are in meaning to what was said: to each statement, to the question
 * the interviewer asked before it, and to each piece of evidence. Everything is embedded in one batch.
 */
final class Meanings {

    /** The interviewer's question stands for the answer's first sentences, a little less than the answer itself. */
    private static final double ASKED = 0.9;

    private final List<float[]> questions;
    private final Map<String, float[]> texts;

    private Meanings(List<float[]> questions, Map<String, float[]> texts) {
        this.questions = questions;
        this.texts = texts;
    }

    static Optional<Meanings> of(List<Question> questions, List<Statement> statements, List<Evidence> evidence,
                                 Embeddings embeddings) {
        if (embeddings == null || questions.isEmpty()) {
            return Optional.empty();
        }
        List<String> all = new ArrayList<>(questions.stream().map(Question::text).toList());
        List<String> said = new ArrayList<>();
        for (Statement s : statements) {
            said.add(s.text());
            if (s.question() != null) {
                said.add(s.question());
            }
        }
        evidence.forEach(e -> said.add(e.verbatim()));
        List<String> distinct = said.stream().distinct().toList();
        all.addAll(distinct);
        return embeddings.embed(all).map(vectors -> {
            Map<String, float[]> byText = new HashMap<>();
            for (int i = 0; i < distinct.size(); i++) {
                byText.put(distinct.get(i), vectors.get(questions.size() + i));
            }
            return new Meanings(List.copyOf(vectors.subList(0, questions.size())), byText);
        });
    }

    /** Similarity of question {@code q} to statement {@code s}. */
    double near(int q, Statement s) {
        return VectorMath.similarity(questions.get(q), texts.get(s.text()));
    }

    /** Similarity of question {@code q} to the question {@code s} answers, a little discounted. */
    double nearAsked(int q, Statement s) {
        return s.question() == null ? 0 : ASKED * VectorMath.similarity(questions.get(q), texts.get(s.question()));
    }

    double near(int q, Evidence e) {
        return VectorMath.similarity(questions.get(q), texts.get(e.verbatim()));
    }
}
