package dev.intake.providers.analysis;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.providers.http.ProviderHttp;
import dev.intake.secrets.SecretField;
import dev.intake.secrets.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The analysis provider the configuration names. */
@ApplicationScoped
public class Analyzers {

    @Produces
    @ApplicationScoped
    AnalysisProvider analyzer(AnalysisConfig config, ProviderHttp http, ObjectMapper json, Secrets secrets,
                              SentenceEmbeddings embeddings) {
        String provider = config.provider();
        return switch (provider) {
            case "local" -> new LocalAnalyzer(embeddings);
            case "openai" -> new OpenAiAnalyzer(new ChatCompletions(http, json, config.openai(),
                    secrets.of(SecretField.ANALYSIS_API_KEY)));
            default -> throw new IllegalStateException("intake.analysis.provider is '" + provider
                    + "'; it must be local or openai");
        };
    }
}
