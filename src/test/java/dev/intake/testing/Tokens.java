package dev.intake.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.intake.access.JwtSigner;

/** Supabase-shaped access tokens for tests, signed with the test profile's JWT secret (or another). */
public final class Tokens {

    public static final String SECRET = "test-jwt-secret-that-is-long-enough-for-hs256";
    private static final Optional<String> AUDIENCE = Optional.of("authenticated");

    private Tokens() {
    }

    public static String forUser(UUID userId) {
        return JwtSigner.sign(userId, AUDIENCE, Instant.now(), Instant.now().plus(Duration.ofHours(1)), SECRET);
    }

    public static String expiredFor(UUID userId) {
        Instant expired = Instant.now().minus(Duration.ofMinutes(5));
        return JwtSigner.sign(userId, AUDIENCE, expired.minus(Duration.ofHours(1)), expired, SECRET);
    }

    public static String signedWithAnotherSecret(UUID userId) {
        return JwtSigner.sign(userId, AUDIENCE, Instant.now(), Instant.now().plus(Duration.ofHours(1)),
                "another-secret-another-secret-another-secret");
    }
}
