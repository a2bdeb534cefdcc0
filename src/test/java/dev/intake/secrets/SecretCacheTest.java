package dev.intake.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.testing.SecretsManagerStub;

/**
 * The cache of one secret over the real Secrets Manager client, speaking HTTP to WireMock, with a clock
 * the tests move: when the secret is read, when it is read again, and what a failure says.
 */
class SecretCacheTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Duration MIN_REFRESH = Duration.ofSeconds(30);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final String secretId = "intake/unit/" + UUID.randomUUID();
    private SecretsManagerReader reader;

    @BeforeAll
    static void credentials() {
        // The SDK's default chain, as a Lambda's role would give it.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
    }

    @AfterEach
    void close() {
        if (reader != null) {
            reader.close();
        }
    }

    private SecretCache cache(String endpoint) {
        reader = new SecretsManagerReader(new Settings(Optional.of("us-east-1"), Optional.of(endpoint), Duration.ofSeconds(2)),
                new ObjectMapper());
        return new SecretCache(secretId, reader::read, clock, TTL, MIN_REFRESH);
    }

    private SecretCache cache() {
        return cache(SecretsManagerStub.endpoint());
    }

    @Test
    void values_come_from_the_secrets_json_and_many_uses_within_the_ttl_read_it_once() {
        SecretsManagerStub.holds(secretId, Map.of("recallWebhookSecret", "whsec_one", "recallApiKey", "key-one"));
        SecretCache cache = cache();

        for (int use = 0; use < 20; use++) {
            assertEquals(Optional.of("whsec_one"), cache.field("recallWebhookSecret"));
            assertEquals(Optional.of("key-one"), cache.field("recallApiKey"));
            clock.advance(Duration.ofSeconds(10));
        }

        assertEquals(Optional.empty(), cache.field("jwtSecret"), "a field the secret does not hold is not configured");
        assertEquals(1, SecretsManagerStub.reads(secretId));
    }

    @Test
    void a_rotation_is_seen_once_the_ttl_has_passed_and_not_before() {
        SecretsManagerStub.holds(secretId, Map.of("jwtSecret", "one"));
        SecretCache cache = cache();
        assertEquals(Optional.of("one"), cache.field("jwtSecret"));

        SecretsManagerStub.holds(secretId, Map.of("jwtSecret", "two"));
        clock.advance(TTL.minusSeconds(1));
        assertEquals(Optional.of("one"), cache.field("jwtSecret"), "within the TTL the value read is used");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of("two"), cache.field("jwtSecret"), "past it the secret is read again");
        assertEquals(2, SecretsManagerStub.reads(secretId));
    }

    @Test
    void a_refused_value_makes_the_next_use_read_again_at_once_but_refusals_read_at_most_once_per_interval() {
        SecretsManagerStub.holds(secretId, Map.of("recallWebhookSecret", "whsec_old"));
        SecretCache cache = cache();
        assertEquals(Optional.of("whsec_old"), cache.field("recallWebhookSecret"));
        clock.advance(MIN_REFRESH);
        SecretsManagerStub.holds(secretId, Map.of("recallWebhookSecret", "whsec_new"));

        assertTrue(cache.refused("recallWebhookSecret", "whsec_old"));
        assertEquals(Optional.of("whsec_new"), cache.field("recallWebhookSecret"), "the rotation, well within the TTL");
        assertEquals(2, SecretsManagerStub.reads(secretId));

        // Forged requests refusing the current value, one after another: no read until the interval has passed.
        for (int forged = 0; forged < 10; forged++) {
            assertFalse(cache.refused("recallWebhookSecret", "whsec_new"));
            assertEquals(Optional.of("whsec_new"), cache.field("recallWebhookSecret"));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(2, SecretsManagerStub.reads(secretId));
        clock.advance(MIN_REFRESH);
        assertTrue(cache.refused("recallWebhookSecret", "whsec_new"));
        cache.field("recallWebhookSecret");
        assertEquals(3, SecretsManagerStub.reads(secretId));
    }

    @Test
    void a_value_refused_after_the_rotation_was_read_is_worth_trying_again_without_another_read() {
        SecretsManagerStub.holds(secretId, Map.of("recallApiKey", "key-new"));
        SecretCache cache = cache();
        assertEquals(Optional.of("key-new"), cache.field("recallApiKey"));

        // A call that set out with the old key before the cache read the new one.
        assertTrue(cache.refused("recallApiKey", "key-old"));
        assertEquals(Optional.of("key-new"), cache.field("recallApiKey"));
        assertEquals(1, SecretsManagerStub.reads(secretId));
    }

    @Test
    void access_denied_is_a_passing_failure_that_names_the_secret_and_the_reason_and_the_next_use_tries_again() {
        SecretsManagerStub.denies(secretId);
        SecretCache cache = cache();

        SecretUnavailable denied = assertThrows(SecretUnavailable.class, () -> cache.field("jwtSecret"));

        assertEquals(dev.intake.workflow.ErrorKind.TRANSIENT, denied.kind());
        assertTrue(denied.getMessage().contains("'" + secretId + "'"), denied.getMessage());
        assertTrue(denied.getMessage().contains("HTTP 400 AccessDeniedException"), denied.getMessage());
        assertTrue(denied.getMessage().contains("not authorized to perform: secretsmanager:GetSecretValue"), denied.getMessage());

        SecretsManagerStub.holds(secretId, Map.of("jwtSecret", "granted"));
        assertEquals(Optional.of("granted"), cache.field("jwtSecret"), "once the permission is fixed, at the next use");
    }

    @Test
    void a_failed_read_past_the_ttl_is_seen_not_covered_by_the_old_value() {
        SecretsManagerStub.holds(secretId, Map.of("jwtSecret", "one"));
        SecretCache cache = cache();
        cache.field("jwtSecret");
        SecretsManagerStub.denies(secretId);
        clock.advance(TTL);

        assertThrows(SecretUnavailable.class, () -> cache.field("jwtSecret"));
        assertThrows(SecretUnavailable.class, () -> cache.field("jwtSecret"), "every use tries again, and says so");
    }

    @Test
    void an_unreachable_secrets_manager_says_so_naming_the_secret() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SecretCache cache = cache("http://127.0.0.1:" + closedPort);

        SecretUnavailable unreachable = assertThrows(SecretUnavailable.class, () -> cache.field("jwtSecret"));

        assertTrue(unreachable.getMessage().startsWith("could not read the secret '" + secretId
                + "': Secrets Manager could not be reached"), unreachable.getMessage());
    }

    @Test
    void a_secret_that_is_not_a_json_object_is_refused_without_quoting_it() {
        String value = "hunter2-" + UUID.randomUUID();
        SecretsManagerStub.answers(secretId, "{\"jwtSecret\": \"" + value + "\"");
        SecretCache cache = cache();

        SecretUnavailable malformed = assertThrows(SecretUnavailable.class, () -> cache.field("jwtSecret"));

        assertEquals("could not read the secret '" + secretId + "': its SecretString is not JSON", malformed.getMessage());
        assertEquals(null, malformed.getCause(), "a parser's message would quote the secret");
        SecretsManagerStub.answers(secretId, "\"" + value + "\"");
        clock.advance(TTL);
        SecretUnavailable plain = assertThrows(SecretUnavailable.class, () -> cache.field("jwtSecret"));
        assertFalse(plain.getMessage().contains(value), plain.getMessage());
    }

    /** Production's settings but for the endpoint and region (and a timeout that keeps failures quick). */
    private record Settings(Optional<String> region, Optional<String> endpoint, Duration apiCallTimeout)
            implements SecretsConfig {
        @Override
        public Optional<String> appSecretId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> databaseSecretId() {
            return Optional.empty();
        }

        @Override
        public Duration ttl() {
            return TTL;
        }

        @Override
        public Duration minRefreshInterval() {
            return MIN_REFRESH;
        }
    }

    /** The time the tests say it is. */
    private static final class SettableClock extends Clock {
        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
