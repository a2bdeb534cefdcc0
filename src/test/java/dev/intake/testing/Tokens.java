package dev.intake.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

/** Supabase-shaped access tokens for tests, signed with the test profile's JWT secret (or another). */
public final class Tokens {

    public static final String SECRET = "test-jwt-secret-that-is-long-enough-for-hs256";

    private Tokens() {
    }

    public static String forUser(UUID userId) {
        return sign(userId, Instant.now().plus(Duration.ofHours(1)), SECRET);
    }

    public static String expiredFor(UUID userId) {
        return sign(userId, Instant.now().minus(Duration.ofMinutes(5)), SECRET);
    }

    public static String signedWithAnotherSecret(UUID userId) {
        return sign(userId, Instant.now().plus(Duration.ofHours(1)), "another-secret-another-secret-another-secret");
    }

    public static String sign(UUID userId, Instant expires, String secret) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(userId.toString());
        claims.setAudience("authenticated");
        claims.setClaim("role", "authenticated");
        claims.setIssuedAt(NumericDate.fromMilliseconds(expires.minus(Duration.ofHours(2)).toEpochMilli()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(expires.toEpochMilli()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
