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
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.HmacKey;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.UnresolvableKeyException;

import dev.intake.http.RequestRejected;
import dev.intake.secrets.Secret;
import dev.intake.secrets.SecretField;
import dev.intake.secrets.Secrets;
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

    private final Secret secret;
    /** One key set for the bean's life: its cache is what spares a fetch per request. */
    private final Optional<HttpsJwksVerificationKeyResolver> published;
    private final Optional<String> audience;
    private final Optional<String> issuer;
    private final Clock clock;

    @Inject
    JwtAuthenticator(AuthConfig config, Secrets secrets, Clock clock) {
        this(secrets.of(SecretField.JWT_SECRET), config.jwksUrl(), config.jwtAudience(),
                config.jwtIssuer(), clock);
    }

    JwtAuthenticator(Secret secret, Optional<String> jwksUrl, Optional<String> audience, Optional<String> issuer, Clock clock) {
        this.secret = secret;
        this.published = jwksUrl.map(url -> {
            HttpsJwks keys = new HttpsJwks(url);
            keys.setDefaultCacheDuration(3600);
            return new HttpsJwksVerificationKeyResolver(keys);
        });
        this.audience = audience;
        this.issuer = issuer;
        this.clock = clock;
    }

    private JwtConsumer consumer(Optional<String> hs256) {
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .setVerificationKeyResolver(new ByAlgorithm(hs256, published))
                .setRelaxVerificationKeyValidation()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, allowed(hs256));
        audience.ifPresentOrElse(builder::setExpectedAudience, builder::setSkipDefaultAudienceValidation);
        issuer.ifPresent(builder::setExpectedIssuer);
        return builder.build();
    }

    private String[] allowed(Optional<String> hs256) {
        List<String> algorithms = new java.util.ArrayList<>();
        hs256.ifPresent(s -> algorithms.add(AlgorithmIdentifiers.HMAC_SHA256));
        if (published.isPresent()) {
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
        String token = header.substring(7).trim();
        Optional<String> hs256 = secret.current();
        if (hs256.isEmpty() && published.isEmpty()) {
            throw new IllegalStateException("neither intake.auth.jwks-url nor " + SecretField.JWT_SECRET.whereToSet()
                    + " is configured; no token can be verified");
        }
        try {
            return callerOf(token, hs256);
        } catch (InvalidJwtException e) {
            // An HS256 token signed with a secret rotated since it was read: checked once more with the secret read again.
            if (hs256.isPresent() && signedWithTheSecret(e) && secret.refused(hs256.get())) {
                Optional<String> renewed = secret.current();
                if (!renewed.equals(hs256)) {
                    try {
                        return callerOf(token, renewed);
                    } catch (InvalidJwtException again) {
                        throw rejection(again);
                    }
                }
            }
            throw rejection(e);
        }
    }

    private Caller callerOf(String token, Optional<String> hs256) throws InvalidJwtException {
        var claims = consumer(hs256).processToClaims(token);
        try {
            return new Caller(UUID.fromString(claims.getSubject()));
        } catch (MalformedClaimException | IllegalArgumentException e) {
            throw RequestRejected.unauthenticated("the token's subject is not a user id");
        }
    }

    private static boolean signedWithTheSecret(InvalidJwtException e) {
        return e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) && e.getJwtContext() != null
                && e.getJwtContext().getJoseObjects().stream()
                .anyMatch(jose -> AlgorithmIdentifiers.HMAC_SHA256.equals(jose.getAlgorithmHeaderValue()));
    }

    private static RequestRejected rejection(InvalidJwtException e) {
        return RequestRejected.unauthenticated(e.hasExpired() ? "the token has expired" : "the token is not valid");
    }

    /** HS256 tokens to the legacy secret; ES256 and RS256 tokens to the project's published keys. */
    private static final class ByAlgorithm implements VerificationKeyResolver {

        private final Optional<String> secret;
        /** Fetches the key set again when a token names a key it does not have (a rotation). */
        private final Optional<HttpsJwksVerificationKeyResolver> published;

        ByAlgorithm(Optional<String> secret, Optional<HttpsJwksVerificationKeyResolver> published) {
            this.secret = secret;
            this.published = published;
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
