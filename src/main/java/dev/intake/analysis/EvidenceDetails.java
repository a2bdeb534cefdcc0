package dev.intake.analysis;

import java.util.List;

import dev.intake.interview.EvidenceDetail;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.FacetMention;
import dev.intake.analysis.Statements.Statement;

/**
 * The fields of Insights' evidence turn for a quote the local analyzer took, each from the transcript:
 * the chunk is the speaker's turn around the quote (up to five sentences); the topic the question it
 * answers, in a few words; the facet the quote's kind, labelled with its first words; the confidence
 * how clearly it reads as evidence.
 */
final class EvidenceDetails {

    private static final int CHUNK_SENTENCES = 5;
    private static final int TOPIC_WORDS = 8;
    private static final int LABEL_WORDS = 12;
    private static final int QUOTE_WORDS = 15;

    private EvidenceDetails() {
    }

    /** {@code strength} is the run's evidence score, read against the finder's bars {@code first} and {@code further}. */
    static EvidenceDetail of(EvidenceKind kind, String verbatim, Statement first, Statement last, double strength,
                             double firstBar, double furtherBar) {
        boolean question = verbatim.contains("?");
        List<FacetMention> facets = question || EvidenceSelection.isLowSignal(verbatim) ? List.of()
                : List.of(new FacetMention(kind.facetKind(), words(verbatim, LABEL_WORDS),
                        Words.count(verbatim) <= QUOTE_WORDS ? verbatim : null));
        return new EvidenceDetail(chunk(first, last), null, topic(first.question()), WHY.get(kind),
                confidence(strength, firstBar, furtherBar), question, facets);
    }

    private static final java.util.Map<EvidenceKind, String> WHY = java.util.Map.of(
            EvidenceKind.PAIN, "A problem that costs the interviewee time or money",
            EvidenceKind.GOAL, "An outcome the interviewee wants to reach",
            EvidenceKind.WILLINGNESS_TO_PAY, "Signals what the interviewee would pay",
            EvidenceKind.WORKAROUND, "How the interviewee copes without a solution",
            EvidenceKind.CONTEXT, "Situates the interviewee's role and setting");

    /** The turn's sentences around the quote: all of them when few, else five from the one before it. */
    static String chunk(Statement first, Statement last) {
        String text = first.utterance().text();
        List<int[]> spans = Words.spans(text);
        int from = 0;
        int to = spans.size() - 1;
        if (spans.size() > CHUNK_SENTENCES) {
            from = Math.max(0, first.index() - 1);
            to = Math.min(spans.size() - 1, Math.max(last.index(), from + CHUNK_SENTENCES - 1));
            from = Math.max(0, Math.min(from, to - CHUNK_SENTENCES + 1));
        }
        return text.substring(spans.get(from)[0], spans.get(to)[1]);
    }

    /** The last thing the question asks, without its question mark or opening filler, in a few words. */
    static String topic(String question) {
        if (question == null) {
            return null;
        }
        List<String> sentences = Words.sentences(question);
        String asked = sentences.stream().filter(s -> s.endsWith("?")).reduce((a, b) -> b).orElse(question);
        String stripped = asked.replaceAll("\\?+$", "")
                .replaceAll("(?i)^((so|and|okay|ok|well|great|right|now|then|cool)[,.]?\\s+)+", "").strip();
        if (stripped.isEmpty()) {
            return null;
        }
        String topic = words(stripped, TOPIC_WORDS);
        return Character.toUpperCase(topic.charAt(0)) + topic.substring(1);
    }

    static String confidence(double strength, double firstBar, double furtherBar) {
        if (strength >= furtherBar + 2 * (furtherBar - firstBar)) {
            return "high";
        }
        return strength >= furtherBar ? "medium" : "low";
    }

    private static String words(String text, int max) {
        String[] words = text.strip().split("\\s+");
        String joined = String.join(" ", List.of(words).subList(0, Math.min(words.length, max)));
        return joined.replaceAll("[\\p{Punct}…]+$", "");
    }
}
