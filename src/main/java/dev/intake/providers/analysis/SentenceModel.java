package dev.intake.providers.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * all-MiniLM-L6-v2 (quantized) on one text, as langchain4j's {@code OnnxBertBiEncoder} runs it: one
 * model run per window of the text, each window mean-pooled, a text of several windows averaged by
 * word pieces and made unit length. The vectors are langchain4j's (SentenceModelParityTest).
 * <p>
 * Texts are not run together in padded batches: the model quantizes its activations with one scale per
 * run (24 DynamicQuantizeLinear nodes), so a text's vector would depend on the texts beside it (cosine
 * 0.92 to 0.99 against its own run), and the batches were no faster on two cores. What this class
 * changes is the threads: the session runs on one thread, and {@link ParallelEmbedding} runs one text per
 * core. langchain4j ran a text per core on a session that also spread every run over all cores, twice as
 * many busy threads as cores, waiting on each other at every one of the model's small steps.
 */
final class SentenceModel {

    /** The model and tokenizer files langchain4j's all-MiniLM-L6-v2 (quantized) package ships. */
    static final String MODEL_RESOURCE = "all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-q-tokenizer.json";

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final boolean takesTokenTypes;
    private final ModelWindows windows;

    private SentenceModel(OrtEnvironment environment, OrtSession session, ModelWindows windows) throws OrtException {
        this.environment = environment;
        this.session = session;
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
        this.windows = windows;
    }

    /**
     * The model and its tokenizer from the package: the bytes and tokenizer settings langchain4j loads,
     * the session on one thread (the cores are shared by texts, not by the steps of one text's run).
     *
     * @throws IllegalStateException when the model cannot be read or started here
     * @throws LinkageError when ONNX Runtime's or the tokenizer's native library is not packaged for this platform
     */
    static SentenceModel load() {
        try (InputStream model = resource(MODEL_RESOURCE); InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new SentenceModel(environment, session,
                    new ModelWindows(HuggingFaceTokenizer.newInstance(tokenizer, Map.of("padding", "false"))));
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not start the sentence model: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the sentence model's files could not be read", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = SentenceModel.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not in the package");
        }
        return in;
    }

    /**
     * The unit vector of a text. Safe to call from several threads at once (the session and the
     * tokenizer are).
     *
     * @throws IllegalArgumentException when the text is blank: the model has nothing to read
     */
    float[] embed(String text) {
        List<ModelWindows.Window> parts = windows.of(text);
        float[][] pooled = new float[parts.size()][];
        int[] weights = new int[parts.size()];
        for (int w = 0; w < parts.size(); w++) {
            pooled[w] = run(parts.get(w).ids());
            weights[w] = parts.get(w).pieces();
        }
        return combine(pooled, weights);
    }

    /** One run of the model on a window; the mean of its tokens' vectors. */
    private float[] run(long[] ids) {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        Arrays.fill(mask, 1L);
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                // One sentence per window: every token is of type 0, as the tokenizer encodes it.
                OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", maskTensor);
            if (takesTokenTypes) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                OnnxTensor hidden = (OnnxTensor) result.get(0);
                return meanPool(hidden.getFloatBuffer(), ids.length, (int) hidden.getInfo().getShape()[2]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the sentence model failed on a text of " + ids.length + " tokens: " + e.getMessage(), e);
        }
    }

    /** Summed in token order and divided in float, as langchain4j pools, so the sums round as its do. */
    static float[] meanPool(FloatBuffer hidden, int tokens, int dimensions) {
        float[] mean = new float[dimensions];
        for (int p = 0; p < tokens; p++) {
            for (int d = 0; d < dimensions; d++) {
                mean[d] += hidden.get(p * dimensions + d);
            }
        }
        for (int d = 0; d < dimensions; d++) {
            mean[d] /= tokens;
        }
        return mean;
    }

    /** A text's windows averaged by their word pieces, then made unit length, in langchain4j's arithmetic. */
    static float[] combine(float[][] windows, int[] weights) {
        float[] average = windows[0];
        if (windows.length > 1) {
            average = new float[windows[0].length];
            int total = 0;
            for (int w = 0; w < windows.length; w++) {
                total += weights[w];
                for (int d = 0; d < average.length; d++) {
                    average[d] += windows[w][d] * weights[w];
                }
            }
            for (int d = 0; d < average.length; d++) {
                average[d] /= total;
            }
        }
        float sumSquare = 0;
        for (float v : average) {
            sumSquare += v * v;
        }
        float norm = (float) Math.sqrt(sumSquare);
        float[] unit = new float[average.length];
        for (int d = 0; d < average.length; d++) {
            unit[d] = average[d] / norm;
        }
        return unit;
    }
}
