package dev.intake.local;

import dev.intake.providers.analysis.AnalysisConfig;
import dev.intake.providers.analysis.SentenceEmbeddings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Loads the built-in analyzer's sentence model (about half a second) on a thread of its own while a
 * local command readies the database and bucket and uploads the file, instead of in the evidence step's
 * time. A step that needs the model before it is loaded waits for this load (it loads once per process).
 * With another analyzer configured nothing is loaded.
 */
@ApplicationScoped
public class ModelWarmUp {

    private final AnalysisConfig config;
    private final SentenceEmbeddings embeddings;

    ModelWarmUp(AnalysisConfig config, SentenceEmbeddings embeddings) {
        this.config = config;
        this.embeddings = embeddings;
    }

    public void start() {
        if (!"local".equals(config.provider())) {
            return;
        }
        // A daemon: a command that ends early (a refused argument) does not wait for the model.
        Thread loading = new Thread(() -> {
            embeddings.available();
            StartupTrace.mark("sentence model loaded");
        }, "intake-model-warm-up");
        loading.setDaemon(true);
        loading.start();
    }
}
