package dev.intake.access;

import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import dev.intake.IntakeConfig;
import dev.intake.ingest.RequestRejected;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks {@code Authorization: Bearer <JWT>} as Supabase issues it to signed-in users: signed with one
 * of the project's asymmetric keys (ES256 or RS256, published as a JWKS; keys cached and fetched
 * again when a token names one not seen yet, as after a rotation) or, for projects still on it, HS256
 * with the legacy JWT secret; {@code exp} enforced, {@code sub} the user id, the audience and issuer
 * checked when configured.
 */
@ApplicationScoped
public class JwtAuthenticator {

    private static final int CLOCK_SKEW_SECONDS = 30;

    private final VerificationKeyResolver keys;
    private final String[] algorithms;
    private final Optional<String> audience;
    private final Optional<String> issuer;
    private final Clock clock;
    private final boolean configured;

    @Inject
    JwtAuthenticator(IntakeConfig config, Clock clock) {
        this(config.auth().jwtSecret(), config.auth().jwksUrl(), config.auth().jwtAudience(), config.auth().jwtIssuer(), clock);
    }

    JwtAuthenticator(Optional<String> secret, Optional<String> jwksUrl, Optional<String> audience, Optional<String> issuer,
                     Clock clock) {
        this.configured = secret.isPresent() || jwksUrl.isPresent();
        // One key set for the bean's life: its cache is what spares a fetch per request.
        this.keys = new ByAlgorithm(secret, jwksUrl.map(HttpsJwks::new));
        this.algorithms = allowed(secret, jwksUrl);
        this.audience = audience;
        this.issuer = issuer;
        this.clock = clock;
    }

    private JwtConsumer consumer() {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setVerificationKeyResolver(keys)
                .setRelaxVerificationKeyValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, algorithms);
        audience.ifPresentOrElse(builder::setExpectedAudience, builder::setSkipDefaultAudienceValidation);
        issuer.ifPresent(builder::setExpectedIssuer);
        return builder.build();
    }

    private static String[] allowed(Optional<String> secret, Optional<String> jwksUrl) {
        List<String> algorithms = new java.util.ArrayList<>();
        secret.ifPresent(s -> algorithms.add(AlgorithmIdentifiers.HMAC_SHA256));
        if (jwksUrl.isPresent()) {
            algorithms.add(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            algorithms.add(AlgorithmIdentifiers.RSA_USING_SHA256);
        }
        return algorithms.toArray(String[]::new);
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
        if (!configured) {
            throw new IllegalStateException("neither intake.auth.jwks-url nor intake.auth.jwt-secret is configured;"
                    + " no token can be verified");
        }
        try {
            var claims = consumer().processToClaims(header.substring(7).trim());
            return new Caller(UUID.fromString(claims.getSubject()));
        } catch (InvalidJwtException e) {
            throw RequestRejected.unauthenticated(e.hasExpired() ? "the token has expired" : "the token is not valid");
        } catch (MalformedClaimException | IllegalArgumentException e) {
            throw RequestRejected.unauthenticated("the token's subject is not a user id");
        }
    }

    /** HS256 tokens to the legacy secret; ES256 and RS256 tokens to the project's published keys. */
    private static final class ByAlgorithm implements VerificationKeyResolver {

        private final Optional<String> secret;
        /** Fetches the key set again when a token names a key it does not have (a rotation). */
        private final Optional<HttpsJwksVerificationKeyResolver> published;

        ByAlgorithm(Optional<String> secret, Optional<HttpsJwks> jwks) {
            this.secret = secret;
            this.published = jwks.map(keys -> {
                keys.setDefaultCacheDuration(3600);
                return new HttpsJwksVerificationKeyResolver(keys);
            });
        }

        @Override
        public Key resolveKey(JsonWebSignature jws, List<JsonWebStructure> nestingContext) throws UnresolvableKeyException {
            if (AlgorithmIdentifiers.HMAC_SHA256.equals(jws.getAlgorithmHeaderValue())) {
                return new HmacKey(secret.orElseThrow(() -> new UnresolvableKeyException("no HS256 secret is configured"))
                        .getBytes(StandardCharsets.UTF_8));
            }
            return published.orElseThrow(() -> new UnresolvableKeyException("no JWKS is configured"))
                    .resolveKey(jws, nestingContext);
        }
    }
}
