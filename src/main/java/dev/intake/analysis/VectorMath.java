package dev.intake.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The little arithmetic on sentence vectors the analyzer needs. */
public final class VectorMath {

    /** Cosine similarity of two unit vectors. */
    public static double similarity(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    /** How much of the shared direction to take out: half keeps the meaning and weakens the topic. */
    private static final double CENTRE = 0.5;

    private VectorMath() {
    }

    /**
     * Unit vectors of {@code vectors} with half their mean taken out: what statements of one interview
     * (or one set of examples) have in common is mostly their topic, and kinds differ in other ways.
     */
    static List<float[]> centred(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            return List.of();
        }
        float[] mean = mean(vectors);
        List<float[]> centred = new ArrayList<>(vectors.size());
        for (float[] v : vectors) {
            float[] c = new float[v.length];
            for (int i = 0; i < v.length; i++) {
                c[i] = (float) (v[i] - CENTRE * mean[i]);
            }
            centred.add(unit(c));
        }
        return centred;
    }

    static float[] mean(List<float[]> vectors) {
        float[] mean = new float[vectors.get(0).length];
        for (float[] v : vectors) {
            for (int i = 0; i < v.length; i++) {
                mean[i] += v[i] / vectors.size();
            }
        }
        return mean;
    }

    static float[] unit(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] u = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            u[i] = v[i] * scale;
        }
        return u;
    }

    /** The mean similarity of {@code v} to its {@code k} nearest examples. */
    static double nearest(float[] v, List<float[]> examples, int k) {
        double[] sims = new double[examples.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = VectorMath.similarity(v, examples.get(i));
        }
        Arrays.sort(sims);
        double sum = 0;
        int n = Math.min(k, sims.length);
        for (int i = 0; i < n; i++) {
            sum += sims[sims.length - 1 - i];
        }
        return n == 0 ? 0 : sum / n;
    }
}
