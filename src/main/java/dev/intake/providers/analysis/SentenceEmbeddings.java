package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import dev.intake.analysis.Embeddings;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sentence embeddings from a small language model shipped in the package (all-MiniLM-L6-v2, quantized,
 * 384 dimensions, run in-process by ONNX Runtime): what lets the built-in analyzer compare statements
 * by meaning rather than by keyword. Loaded on first use (about a second), once per process. Where the
 * model cannot run (a platform whose native library is not packaged, a native image), it is absent and
 * the analyzer falls back to its deterministic rules; which one ran is said in {@link #describe()}.
 * Vectors of recent texts are kept, so the steps of one interview embed each sentence once; the others
 * run one per core ({@link ParallelEmbedding}).
 */
@ApplicationScoped
public class SentenceEmbeddings implements Embeddings {

    private static final Logger LOG = Logger.getLogger(SentenceEmbeddings.class);

    /**
     * About 30 MB of vectors (1.5 KB each): every sentence, question and quote of a three-hour call
     * (about 17,000), so its later steps find them embedded; at 4,096 they were embedded again in every step.
     */
    private static final int CACHED_TEXTS = 20_000;

    private volatile Optional<ParallelEmbedding> model;
    private volatile String unavailable;
    private final Map<String, float[]> recent = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHED_TEXTS;
        }
    };

    /** The model, loaded on first call; empty where it cannot run here. */
    Optional<ParallelEmbedding> model() {
        Optional<ParallelEmbedding> loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) {
                    model = load();
                }
                loaded = model;
            }
        }
        return loaded;
    }

    private Optional<ParallelEmbedding> load() {
        try {
            ParallelEmbedding loaded = new ParallelEmbedding(SentenceModel.load(), Runtime.getRuntime().availableProcessors());
            loaded.embed(List.of("warm up"));
            return Optional.of(loaded);
        } catch (RuntimeException | LinkageError e) {
            // Not a failure of any interview: the analyzer's rules take over, every interview records
            // it (mode()), and the process says it once, here.
            unavailable = whyUnavailable(e, platform());
            LOG.warnf("analysis is rules only: %s; answers find about half of what the model finds", unavailable);
            return Optional.empty();
        }
    }

    /** Why the model could not load, in the words an operator reads on the interview. */
    static String whyUnavailable(Throwable e, String platform) {
        return e instanceof UnsatisfiedLinkError || String.valueOf(e.getMessage()).toLowerCase().contains("native")
                ? "the sentence model's native library is not available for " + platform + " (" + e + ")"
                : "the sentence model could not load on " + platform + " (" + e + ")";
    }

    /** As ONNX Runtime names its native libraries' folders: linux-x64, linux-aarch64, osx-aarch64, ... */
    static String platform() {
        String os = System.getProperty("os.name", "unknown").toLowerCase();
        String arch = System.getProperty("os.arch", "unknown");
        String osName = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "win" : os;
        return osName + "-" + (arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch);
    }

    public boolean available() {
        return model().isPresent();
    }

    @Override
    public Optional<List<float[]>> embed(List<String> texts) {
        return model().map(m -> embed(m, texts));
    }

    private List<float[]> embed(ParallelEmbedding m, List<String> texts) {
        Map<String, float[]> known = new HashMap<>();
        List<String> missing = new ArrayList<>();
        synchronized (recent) {
            for (String text : new LinkedHashSet<>(texts)) {
                float[] v = recent.get(text);
                if (v != null) {
                    known.put(text, v);
                } else {
                    missing.add(text);
                }
            }
        }
        if (!missing.isEmpty()) {
            List<float[]> computed = m.embed(missing);
            for (int i = 0; i < missing.size(); i++) {
                known.put(missing.get(i), normalized(computed.get(i)));
            }
            synchronized (recent) {
                missing.forEach(text -> recent.put(text, known.get(text)));
            }
        }
        return texts.stream().map(known::get).toList();
    }

    public String describe() {
        return mode().detail();
    }

    /** Which way the built-in analyzer runs in this process, loading the model first if nothing has yet. */
    public AnalysisMode mode() {
        return available() ? new AnalysisMode(AnalysisMode.SENTENCE_MODEL, "all-MiniLM-L6-v2 (quantized) sentence embeddings")
                : new AnalysisMode(AnalysisMode.RULES_ONLY, unavailable);
    }

    private static float[] normalized(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
