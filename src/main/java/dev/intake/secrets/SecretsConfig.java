package dev.intake.secrets;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the deployment keeps its secrets (AWS Secrets Manager). With a secret id set, the values it
 * holds are read at first use, cached for {@link #ttl()}, and read again sooner when one is refused;
 * with none, the plain settings ({@code intake.recall.webhook-secret}, ...) are the values.
 */
@ConfigMapping(prefix = "intake.secrets")
public interface SecretsConfig {

    /**
     * The secret (name or ARN) holding the app's values as JSON: {@code recallWebhookSecret},
     * {@code recallApiKey}, {@code jwtSecret}, {@code r2ForwardSecret}, {@code assemblyAiApiKey},
     * {@code analysisApiKey}.
     */
    Optional<String> appSecretId();

    /**
     * The secret (name or ARN) holding the database's {@code username} and {@code password}; with it set,
     * every new connection takes the values current then (application.properties wires the provider).
     */
    Optional<String> databaseSecretId();

    /** How long a secret read is used before it is read again: the longest a rotation goes unseen. */
    @WithDefault("PT5M")
    Duration ttl();

    /**
     * The least time between two reads of a secret caused by refused values (a signature that does not
     * match, a provider's 401), so forged requests cannot make every request a call to Secrets Manager.
     */
    @WithDefault("PT30S")
    Duration minRefreshInterval();

    /** Region of the Secrets Manager API; the Lambda's own region when unset. */
    Optional<String> region();

    /** A Secrets Manager endpoint other than AWS's (tests). */
    Optional<String> endpoint();

    /** The longest one read may take, the SDK's retries included (counted in every time budget). */
    @WithDefault("PT5S")
    Duration apiCallTimeout();
}
