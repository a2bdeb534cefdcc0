package dev.intake.providers.analysis;

/**
 * How an interview was analyzed, and why when it is the weaker way: the built-in analyzer with its
 * sentence model, the built-in analyzer by its rules alone (the model could not load here; answers
 * find about half as much), or a language-model provider.
 *
 * @param mode   {@link #SENTENCE_MODEL}, {@link #RULES_ONLY} or {@link #PROVIDER}
 * @param detail what ran, or why the model did not
 */
public record AnalysisMode(String mode, String detail) {

    public static final String SENTENCE_MODEL = "sentence_model";
    public static final String RULES_ONLY = "rules_only";
    public static final String PROVIDER = "provider";

    public AnalysisMode {
        if (!mode.equals(SENTENCE_MODEL) && !mode.equals(RULES_ONLY) && !mode.equals(PROVIDER)) {
            throw new IllegalArgumentException("no analysis mode '" + mode + "'");
        }
    }

    public boolean degraded() {
        return mode.equals(RULES_ONLY);
    }
}
