package dev.intake.access;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

import dev.intake.IntakeConfig;
import dev.intake.ingest.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Checks {@code Authorization: Bearer <JWT>} as Supabase issues it to signed-in users: HS256 with the
 * project's JWT secret, {@code exp} enforced, {@code sub} the user id.
 */
@ApplicationScoped
public class JwtAuthenticator {

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final Optional<String> secret;
    private final Optional<String> audience;
    private final Clock clock;

    JwtAuthenticator(IntakeConfig config, Clock clock) {
        this.secret = config.auth().jwtSecret();
        this.audience = config.auth().jwtAudience();
        this.clock = clock;
    }

    /** The caller, or a 401 {@link RequestRejected} saying what is wrong with the credentials. */
    public Caller authenticate(Map<String, String> lowerCaseHeaders) {
        String header = lowerCaseHeaders.get("authorization");
        if (header == null || header.isBlank()) {
            throw RequestRejected.unauthenticated("missing Authorization header");
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw RequestRejected.unauthenticated("Authorization must be 'Bearer <token>'");
        }
        String key = secret.orElseThrow(() -> new IllegalStateException(
                "intake.auth.jwt-secret is not configured; no token can be verified"));
        try {
            var claims = consumer(key).processToClaims(header.substring(7).trim());
            return new Caller(UUID.fromString(claims.getSubject()));
        } catch (InvalidJwtException e) {
            throw RequestRejected.unauthenticated(e.hasExpired() ? "the token has expired" : "the token is not valid");
        } catch (MalformedClaimException | IllegalArgumentException e) {
            throw RequestRejected.unauthenticated("the token's subject is not a user id");
        }
    }

    private JwtConsumer consumer(String key) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setVerificationKey(new HmacKey(key.getBytes(StandardCharsets.UTF_8)))
                .setRelaxVerificationKeyValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256);
        audience.ifPresentOrElse(builder::setExpectedAudience, builder::setSkipDefaultAudienceValidation);
        return builder.build();
    }
}
