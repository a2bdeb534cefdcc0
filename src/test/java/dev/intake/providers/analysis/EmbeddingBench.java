package dev.intake.providers.analysis;

import dev.intake.analysis.VectorMath;
import java.util.List;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Milliseconds per sentence of the sentence model: langchain4j's {@code embedAll} (the way Intake ran it
 * before) and {@link ParallelEmbedding} on the cores, alternately, on the same real sentences, and how
 * near the vectors are to langchain4j's. A measurement to read, not a test: note {@code uptime} beside it.
 * Run by {@code bench/embeddings}:
 * <pre>
 * mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat cp.txt) dev.intake.providers.analysis.EmbeddingBench 2000 3
 * </pre>
 */
public final class EmbeddingBench {

    private EmbeddingBench() {
    }

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> texts = TuneSentences.first(count);
        System.out.printf("%d sentences, %.1f characters on average, %d cores%n", texts.size(),
                texts.stream().mapToInt(String::length).average().orElse(0), cores);

        EmbeddingModel langchain4j = new AllMiniLmL6V2QuantizedEmbeddingModel();
        langchain4j.embed("warm up");
        ParallelEmbedding parallel = new ParallelEmbedding(SentenceModel.load(), cores);
        parallel.embed(List.of("warm up"));
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();

        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            List<float[]> reference = langchain4j.embedAll(segments).content().stream().map(Embedding::vector).toList();
            report(round, "langchain4j embedAll", start, texts.size(), "");
            start = System.nanoTime();
            List<float[]> vectors = parallel.embed(texts);
            report(round, "one text per core", start, texts.size(), parity(reference, vectors));
        }
    }

    private static String parity(List<float[]> reference, List<float[]> vectors) {
        double lowest = 1;
        for (int i = 0; i < reference.size(); i++) {
            lowest = Math.min(lowest, VectorMath.similarity(reference.get(i), vectors.get(i)));
        }
        return String.format("; lowest cosine to langchain4j %.6f", lowest);
    }

    private static void report(int round, String what, long start, int texts, String parity) {
        double ms = (System.nanoTime() - start) / 1e6;
        System.out.printf("round %d  %-22s %7.0f ms, %.3f ms per sentence%s%n", round, what, ms, ms / texts, parity);
    }
}
