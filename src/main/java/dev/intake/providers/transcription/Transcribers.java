package dev.intake.providers.transcription;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.providers.http.ProviderHttp;
import dev.intake.secrets.SecretField;
import dev.intake.secrets.Secrets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The transcription provider the configuration names. */
@ApplicationScoped
public class Transcribers {

    @Produces
    @ApplicationScoped
    TranscriptionProvider transcriber(TranscriptionConfig config, ProviderHttp http, ObjectMapper json, Clock clock, Secrets secrets) {
        String provider = config.provider();
        return switch (provider) {
            case "none" -> new NoTranscription();
            case "assemblyai" -> new AssemblyAiTranscriber(http, json, clock, config.assemblyai(),
                    secrets.of(SecretField.ASSEMBLYAI_API_KEY));
            case "openai" -> new OpenAiTranscriber(http, config.openai());
            default -> throw new IllegalStateException("intake.transcription.provider is '" + provider
                    + "'; it must be none, assemblyai or openai");
        };
    }
}
