package dev.intake.analysis;

import dev.intake.interview.EvidenceKind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each kind of evidence sounds like, as example statements a customer might make in any line of
 * business, and what does not count as evidence (small talk, filler, agreement, the logistics of the
 * call). Also what the interviewer's question sounds like when it asks for one kind. A statement is
 * classified zero-shot by the examples it is nearest to in meaning; the examples' vectors are computed
 * once per process.
 * The examples are in {@code analysis/prototypes.rules}.
 */
final class Prototypes {

    private static final RuleFile RULES = RuleFile.load("/analysis/prototypes.rules",
            Set.of("statement", "not-evidence", "question", "small-talk-question"));

    static final Map<EvidenceKind, List<String>> STATEMENTS = byKind("statement");
    static final List<String> NOT_EVIDENCE = RULES.lines("not-evidence");
    static final Map<EvidenceKind, List<String>> QUESTIONS = byKind("question");
    static final List<String> SMALL_TALK_QUESTIONS = RULES.lines("small-talk-question");

    /** The examples' vectors, centred on their mean so what they share (the topic of work) weighs less. */
    record Vectors(Map<EvidenceKind, List<float[]>> statements, List<float[]> notEvidence,
                   Map<EvidenceKind, List<float[]>> questions, List<float[]> smallTalk) {
    }

    private static volatile Vectors vectors;

    private Prototypes() {
    }

    /** The {@code [name kind]} sections, one for every kind, in the order of the kinds. */
    private static Map<EvidenceKind, List<String>> byKind(String name) {
        Map<EvidenceKind, List<String>> examples = new EnumMap<>(EvidenceKind.class);
        for (RuleFile.Section section : RULES.all(name)) {
            if (section.arguments().size() != 1) {
                throw section.fail("needs a kind, as in [" + name + " pain]");
            }
            if (examples.put(section.kind(0), section.lines()) != null) {
                throw section.fail("repeats a kind");
            }
        }
        for (EvidenceKind kind : EvidenceKind.values()) {
            if (!examples.containsKey(kind)) {
                throw new IllegalStateException("/analysis/prototypes.rules: has no [" + name + " " + kind.key() + "] section");
            }
        }
        return Collections.unmodifiableMap(examples);
    }

    /** The examples' vectors, embedded on first use and kept for the life of the process. */
    static Optional<Vectors> vectors(Embeddings embeddings) {
        if (embeddings == null) {
            // Without the model there is nothing to compare with, whatever another analyzer of this JVM cached.
            return Optional.empty();
        }
        Vectors cached = vectors;
        if (cached != null) {
            return Optional.of(cached);
        }
        synchronized (Prototypes.class) {
            if (vectors == null) {
                vectors = embed(embeddings).orElse(null);
            }
            return Optional.ofNullable(vectors);
        }
    }

    private static Optional<Vectors> embed(Embeddings embeddings) {
        List<String> texts = new ArrayList<>();
        STATEMENTS.values().forEach(texts::addAll);
        texts.addAll(NOT_EVIDENCE);
        QUESTIONS.values().forEach(texts::addAll);
        texts.addAll(SMALL_TALK_QUESTIONS);
        return embeddings.embed(texts).map(all -> {
            List<float[]> statementVectors = VectorMath.centred(all.subList(0, texts.size() - questionCount()));
            int[] at = {0};
            Map<EvidenceKind, List<float[]>> statements = new EnumMap<>(EvidenceKind.class);
            STATEMENTS.forEach((kind, examples) -> statements.put(kind, take(statementVectors, at, examples.size())));
            List<float[]> notEvidence = take(statementVectors, at, NOT_EVIDENCE.size());
            int[] q = {texts.size() - questionCount()};
            Map<EvidenceKind, List<float[]>> questions = new EnumMap<>(EvidenceKind.class);
            QUESTIONS.forEach((kind, examples) -> questions.put(kind, take(all, q, examples.size())));
            return new Vectors(statements, notEvidence, questions, take(all, q, SMALL_TALK_QUESTIONS.size()));
        });
    }

    private static int questionCount() {
        return QUESTIONS.values().stream().mapToInt(List::size).sum() + SMALL_TALK_QUESTIONS.size();
    }

    private static List<float[]> take(List<float[]> from, int[] at, int n) {
        List<float[]> part = List.copyOf(from.subList(at[0], at[0] + n));
        at[0] += n;
        return part;
    }
}
