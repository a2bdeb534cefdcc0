package dev.intake.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.intake.testing.RecallFixtures;
import dev.intake.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** With no secret named (local mode, the other tests), the plain settings are the values, as before. */
@QuarkusTest
class PlainSettingsTest {

    @Inject
    Secrets secrets;

    @Test
    void without_a_secret_id_the_plain_settings_are_the_values_and_a_refusal_reads_nothing() {
        assertEquals(Optional.empty(), secrets.secretId(SecretField.Holder.APP));
        assertEquals(Optional.of(RecallFixtures.SECRET), secrets.of(SecretField.RECALL_WEBHOOK_SECRET).current());
        assertEquals(Optional.of(Tokens.SECRET), secrets.of(SecretField.JWT_SECRET).current());
        assertEquals(Optional.of("test-recall-key"), secrets.of(SecretField.RECALL_API_KEY).current());
        assertEquals(Optional.empty(), secrets.of(SecretField.ANALYSIS_API_KEY).current());
        assertFalse(secrets.of(SecretField.JWT_SECRET).refused(Tokens.SECRET), "nothing to read again");
    }

    @Test
    void without_a_database_secret_the_pool_logs_in_with_its_plain_settings_and_no_credentials_provider() {
        assertEquals(Optional.empty(), secrets.secretId(SecretField.Holder.DATABASE));
        assertTrue(ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.credentials-provider", String.class).isEmpty(),
                "the provider is named only when intake.secrets.database-secret-id is set");
        assertEquals(ConfigProvider.getConfig().getOptionalValue("quarkus.datasource.username", String.class),
                secrets.of(SecretField.DATABASE_USERNAME).current());
    }
}
