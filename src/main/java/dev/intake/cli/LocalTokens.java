package dev.intake.cli;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import dev.intake.IntakeConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** A token for the local user of `intake serve`, signed as Supabase would sign it, so curl can call the functions. */
@ApplicationScoped
public class LocalTokens {

    static final UUID LOCAL_USER = UUID.nameUUIDFromBytes("intake:user:local".getBytes(StandardCharsets.UTF_8));
    private static final Duration VALID_FOR = Duration.ofHours(1);

    private final IntakeConfig config;
    private final Clock clock;

    LocalTokens(IntakeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    Optional<String> forLocalUser() {
        return config.auth().jwtSecret().map(this::sign);
    }

    private String sign(String secret) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(LOCAL_USER.toString());
        config.auth().jwtAudience().ifPresent(claims::setAudience);
        claims.setIssuedAt(NumericDate.fromMilliseconds(clock.millis()));
        claims.setExpirationTime(NumericDate.fromMilliseconds(clock.millis() + VALID_FOR.toMillis()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)));
        jws.setDoKeyValidation(false);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("could not sign a local token", e);
        }
    }
}
