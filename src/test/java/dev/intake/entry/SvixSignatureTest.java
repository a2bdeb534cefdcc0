package dev.intake.entry;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.intake.entry.SvixSignature;
import dev.intake.http.RequestRejected;

/** Checked against the worked example in the contracts. */
class SvixSignatureTest {

    private static final JsonNode VECTOR = vector();
    private static final Instant SIGNED_AT = Instant.ofEpochSecond(VECTOR.path("headers").path("webhook-timestamp").asLong());

    private static JsonNode vector() {
        try {
            return new ObjectMapper().readTree(Files.readString(
                    Path.of("src/test/resources/contracts/recall-webhook-signature-vector.json")));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SvixSignature at(Instant now) {
        return new SvixSignature(VECTOR.path("secret").asText(), Duration.ofMinutes(5), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new HashMap<>();
        VECTOR.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        return headers;
    }

    private static byte[] body() {
        return VECTOR.path("body").asText().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void the_worked_example_verifies_with_one_valid_signature_among_several() {
        assertDoesNotThrow(() -> at(SIGNED_AT).verify(headers(), body()));
    }

    @Test
    void signing_reproduces_the_expected_signature() {
        assertEquals("v1," + VECTOR.path("expected_signature").asText(),
                at(SIGNED_AT).signatureOf(headers().get("webhook-id"), SIGNED_AT.getEpochSecond(), body()));
    }

    @Test
    void a_tampered_body_is_refused() {
        byte[] tampered = VECTOR.path("body").asText().replace("complete", "failed").getBytes(StandardCharsets.UTF_8);
        RequestRejected e = assertThrows(RequestRejected.class, () -> at(SIGNED_AT).verify(headers(), tampered));
        assertEquals(401, e.status());
        assertEquals("no webhook signature matches the body", e.getMessage());
    }

    @Test
    void a_signature_older_or_newer_than_five_minutes_is_refused() {
        RequestRejected late = assertThrows(RequestRejected.class,
                () -> at(SIGNED_AT.plusSeconds(301)).verify(headers(), body()));
        assertEquals("webhook timestamp is 301 s old; at most 300 s either way is accepted", late.getMessage());
        RequestRejected ahead = assertThrows(RequestRejected.class, () -> at(SIGNED_AT.minusSeconds(600)).verify(headers(), body()));
        assertEquals("webhook timestamp is 600 s in the future; at most 300 s either way is accepted", ahead.getMessage());
        assertDoesNotThrow(() -> at(SIGNED_AT.plusSeconds(299)).verify(headers(), body()));
    }

    @Test
    void the_legacy_svix_headers_are_accepted() {
        Map<String, String> legacy = new HashMap<>();
        headers().forEach((name, value) -> legacy.put(name.replace("webhook-", "svix-"), value));
        assertDoesNotThrow(() -> at(SIGNED_AT).verify(legacy, body()));
    }

    @Test
    void a_missing_header_or_an_unparseable_timestamp_is_refused_by_name() {
        Map<String, String> noId = headers();
        noId.remove("webhook-id");
        assertEquals("missing webhook-id (or svix-id) header",
                assertThrows(RequestRejected.class, () -> at(SIGNED_AT).verify(noId, body())).getMessage());
        Map<String, String> badTime = headers();
        badTime.put("webhook-timestamp", "yesterday");
        assertEquals(401, assertThrows(RequestRejected.class, () -> at(SIGNED_AT).verify(badTime, body())).status());
    }

    @Test
    void signatures_of_another_version_or_not_base64_are_passed_over() {
        Map<String, String> other = headers();
        other.put("webhook-signature", "v2," + VECTOR.path("expected_signature").asText() + " v1,%%%notbase64");
        assertThrows(RequestRejected.class, () -> at(SIGNED_AT).verify(other, body()));
    }
}
