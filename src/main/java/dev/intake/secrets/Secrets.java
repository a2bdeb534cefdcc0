package dev.intake.secrets;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The current value of each of Intake's secrets. Where the deployment names a Secrets Manager secret
 * ({@code intake.secrets.app-secret-id}, {@code intake.secrets.database-secret-id}) its fields are the
 * values, read at first use and cached (see {@link SecretCache}); elsewhere the plain settings are.
 * Nothing is read while the application starts: under Lambda SnapStart it would be frozen into the
 * snapshot, and a rotation would never be seen.
 */
@ApplicationScoped
public class Secrets {

    private final Config config;
    private final SecretsManagerReader reader;
    private final Map<SecretField.Holder, SecretCache> stored = new EnumMap<>(SecretField.Holder.class);

    Secrets(SecretsConfig settings, Config config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.reader = new SecretsManagerReader(settings, json);
        settings.appSecretId().ifPresent(id -> stored.put(SecretField.Holder.APP, cache(id, settings, clock)));
        settings.databaseSecretId().ifPresent(id -> stored.put(SecretField.Holder.DATABASE, cache(id, settings, clock)));
    }

    private SecretCache cache(String id, SecretsConfig settings, Clock clock) {
        return new SecretCache(id, reader::read, clock, settings.ttl(), settings.minRefreshInterval());
    }

    /** The secret {@code field}: from its Secrets Manager secret when one is named, else its plain setting. */
    public Secret of(SecretField field) {
        SecretCache cache = stored.get(field.holder());
        return cache == null ? new Configured(config, field) : new Stored(cache, field);
    }

    /** The Secrets Manager secret holding {@code holder}'s values, when the deployment names one. */
    public Optional<String> secretId(SecretField.Holder holder) {
        return Optional.ofNullable(stored.get(holder)).map(SecretCache::secretId);
    }

    @PreDestroy
    void close() {
        reader.close();
    }

    /** A field of a Secrets Manager secret. */
    private record Stored(SecretCache cache, SecretField field) implements Secret {
        @Override
        public Optional<String> current() {
            return cache.field(field.field());
        }

        @Override
        public boolean refused(String value) {
            return cache.refused(field.field(), value);
        }
    }

    /** A plain setting, read at use like the others (it changes only with a restart). */
    private record Configured(Config config, SecretField field) implements Secret {
        @Override
        public Optional<String> current() {
            return config.getOptionalValue(field.property(), String.class);
        }

        @Override
        public boolean refused(String value) {
            return false;
        }

        @Override
        public String toString() {
            return "Secret[" + field.property() + "]";
        }
    }
}
