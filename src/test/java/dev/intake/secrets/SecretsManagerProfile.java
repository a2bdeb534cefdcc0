package dev.intake.secrets;

import java.util.Map;

import dev.intake.testing.SecretsManagerStub;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The application as deployed: recall-webhook exported, its secrets and the database's login in Secrets
 * Manager (WireMock), read at run time.
 */
public class SecretsManagerProfile implements QuarkusTestProfile {

    static final String APP_SECRET = "intake/test/app";
    static final String DATABASE_SECRET = "intake/test/database";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.funqy.export", "recall-webhook",
                "intake.secrets.app-secret-id", APP_SECRET,
                "intake.secrets.database-secret-id", DATABASE_SECRET,
                "intake.secrets.endpoint", SecretsManagerStub.endpoint(),
                "intake.secrets.region", "us-east-1",
                // Every refusal reads again here; SecretCacheTest proves the rate limit with a clock it moves.
                "intake.secrets.min-refresh-interval", "PT0S",
                // Pooled connections are replaced within a second, so a test sees a rotated login soon.
                "quarkus.datasource.reactive.max-lifetime", "PT1S");
    }
}
