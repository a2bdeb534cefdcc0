package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many texts through the sentence model, one text per core at a time: the calling thread and
 * {@code cores - 1} workers take the next text until none is left, so a long interview's thousands of
 * sentences keep every core busy on a session that itself runs on one thread ({@link SentenceModel}).
 */
final class ParallelEmbedding {

    private final SentenceModel model;
    private final int threads;
    private final ExecutorService workers;

    ParallelEmbedding(SentenceModel model, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("at least one thread embeds: " + threads);
        }
        this.model = model;
        this.threads = threads;
        // Daemon threads: a command that embedded a text still ends when its work is done.
        this.workers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, task -> {
            Thread thread = new Thread(task, "sentence-model");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** One unit vector per text, in order; the first failure of any text is thrown once all have stopped. */
    List<float[]> embed(List<String> texts) {
        float[][] vectors = new float[texts.size()][];
        AtomicInteger next = new AtomicInteger();
        Runnable drain = () -> {
            try {
                for (int i = next.getAndIncrement(); i < texts.size(); i = next.getAndIncrement()) {
                    vectors[i] = model.embed(texts.get(i));
                }
            } catch (RuntimeException e) {
                next.set(texts.size()); // the others stop at their current text: the call fails anyway
                throw e;
            }
        };
        List<Future<?>> helping = new ArrayList<>();
        for (int w = 1; w < Math.min(threads, texts.size()); w++) {
            helping.add(workers.submit(drain));
        }
        RuntimeException failure = null;
        try {
            drain.run();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (Future<?> helper : helping) {
            try {
                helper.get();
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                next.set(texts.size());
                throw new IllegalStateException("interrupted while the sentence model ran", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return Arrays.asList(vectors);
    }
}
