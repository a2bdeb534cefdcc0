package dev.intake.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.EllipticCurves;
import org.junit.jupiter.api.Test;

import dev.intake.http.RequestRejected;
import dev.intake.secrets.Secret;
import dev.intake.testing.Tokens;
import dev.intake.testing.WireMockResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Tokens as new Supabase projects sign them: with asymmetric keys (ES256, RS256) published as a JWKS,
 * which rotates; the legacy HS256 secret still accepted beside them; issuer and audience checked.
 */
@QuarkusTest
class SupabaseSigningKeysTest {

    private static final String ISSUER = "https://project.supabase.co/auth/v1";

    private final String path = "/auth/" + UUID.randomUUID() + "/.well-known/jwks.json";

    private JwtAuthenticator authenticator() {
        return new JwtAuthenticator(Secret.fixed(Optional.of(Tokens.SECRET)), Optional.of(WireMockResource.baseUrl() + path),
                Optional.of("authenticated"), Optional.of(ISSUER), Clock.systemUTC());
    }

    private void publish(PublicJsonWebKey... keys) {
        String body = new JsonWebKeySet(List.of(keys).stream().map(k -> (JsonWebKey) k).toList())
                .toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        WireMockResource.server().register(get(urlEqualTo(path))
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(body)));
    }

    private static PublicJsonWebKey ecKey(String kid) throws Exception {
        PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(kid);
        return key;
    }

    private static String token(PublicJsonWebKey key, String algorithm, UUID user, String issuer) throws Exception {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(user.toString());
        claims.setAudience("authenticated");
        claims.setIssuer(issuer);
        claims.setExpirationTimeMinutesInTheFuture(10);
        claims.setIssuedAtToNow();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        return jws.getCompactSerialization();
    }

    private static Map<String, String> bearer(String token) {
        return Map.of("authorization", "Bearer " + token);
    }

    @Test
    void es256_and_rs256_tokens_signed_with_the_projects_published_keys_are_accepted() throws Exception {
        PublicJsonWebKey ec = ecKey("ec-1");
        PublicJsonWebKey rsa = RsaJwkGenerator.generateJwk(2048);
        rsa.setKeyId("rsa-1");
        publish(ec, rsa);
        UUID user = UUID.randomUUID();
        JwtAuthenticator authenticator = authenticator();

        assertEquals(new Caller(user), authenticator.authenticate(bearer(token(ec, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, user, ISSUER))));
        assertEquals(new Caller(user), authenticator.authenticate(bearer(token(rsa, AlgorithmIdentifiers.RSA_USING_SHA256, user, ISSUER))));
        JwtAuthenticator legacy = new JwtAuthenticator(Secret.fixed(Optional.of(Tokens.SECRET)), Optional.of(WireMockResource.baseUrl() + path),
                Optional.of("authenticated"), Optional.empty(), Clock.systemUTC());
        assertEquals(new Caller(user), legacy.authenticate(bearer(Tokens.forUser(user))), "the legacy secret still works");
    }

    @Test
    void keys_are_cached_and_fetched_again_when_a_token_names_a_new_one() throws Exception {
        PublicJsonWebKey first = ecKey("before-rotation");
        publish(first);
        JwtAuthenticator authenticator = authenticator();
        UUID user = UUID.randomUUID();
        authenticator.authenticate(bearer(token(first, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, user, ISSUER)));
        authenticator.authenticate(bearer(token(first, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, user, ISSUER)));
        assertEquals(1, WireMockResource.server().find(getRequestedFor(urlEqualTo(path))).size(), "cached");

        PublicJsonWebKey rotated = ecKey("after-rotation");
        publish(first, rotated);
        Thread.sleep(500); // jose4j fetches at most once per 300 ms, so a burst of bad kids cannot flood the JWKS

        assertEquals(new Caller(user), authenticator.authenticate(bearer(token(rotated, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, user, ISSUER))));
        assertEquals(2, WireMockResource.server().find(getRequestedFor(urlEqualTo(path))).size(), "one fetch for the new key");
    }

    @Test
    void a_key_the_project_does_not_publish_another_issuer_or_an_unsigned_token_are_refused() throws Exception {
        publish(ecKey("published"));
        JwtAuthenticator authenticator = authenticator();
        UUID user = UUID.randomUUID();

        RequestRejected stranger = assertThrows(RequestRejected.class, () -> authenticator.authenticate(bearer(
                token(ecKey("published"), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, user, ISSUER))));
        assertEquals(401, stranger.status());
        RequestRejected otherIssuer = assertThrows(RequestRejected.class, () -> authenticator.authenticate(bearer(
                token(ecKey("published"), AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256, user, "https://elsewhere/auth/v1"))));
        assertEquals(401, otherIssuer.status());
        String unsigned = "eyJhbGciOiJub25lIn0." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"sub\":\"" + user + "\",\"exp\":" + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes()) + ".";
        assertEquals(401, assertThrows(RequestRejected.class, () -> authenticator.authenticate(bearer(unsigned))).status());
    }
}
