package dev.intake.entry;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import dev.intake.http.RequestRejected;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a Svix-signed webhook (Recall.ai delivers through Svix): HMAC-SHA256 with the secret's key
 * over {@code id.timestamp.body}, any of the space-separated {@code v1,<base64>} signatures may match,
 * compared in constant time, and the timestamp must be within the tolerance of now. Both the
 * {@code webhook-*} headers and the legacy {@code svix-*} ones are accepted.
 */
public final class SvixSignature {

    private static final String SECRET_PREFIX = "whsec_";

    private final byte[] key;
    private final Duration tolerance;
    private final Clock clock;

    public SvixSignature(String secret, Duration tolerance, Clock clock) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            this.key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the webhook secret is not a whsec_ base64 secret");
        }
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /**
     * Throws {@link RequestRejected} (401) saying what is wrong ({@link Mismatch} when only the signature
     * is), or returns when the request is authentic.
     */
    public void verify(Map<String, String> lowerCaseHeaders, byte[] body) {
        String id = header(lowerCaseHeaders, "id");
        String timestamp = header(lowerCaseHeaders, "timestamp");
        String signatures = header(lowerCaseHeaders, "signature");
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            throw RequestRejected.unauthenticated("webhook timestamp '" + timestamp + "' is not unix seconds");
        }
        Duration age;
        try {
            age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant());
        } catch (java.time.DateTimeException | ArithmeticException e) {
            throw RequestRejected.unauthenticated("webhook timestamp '" + timestamp + "' is out of range");
        }
        if (age.abs().compareTo(tolerance) > 0) {
            // Old (a replay, or a retry delivered late) or ahead (the sender's clock): said as it is.
            throw RequestRejected.unauthenticated("webhook timestamp is " + age.abs().toSeconds()
                    + (age.isNegative() ? " s in the future" : " s old") + "; at most " + tolerance.toSeconds()
                    + " s either way is accepted");
        }
        byte[] expected = sign(id + "." + seconds + ".", body);
        for (String entry : signatures.trim().split("\\s+")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new Mismatch();
    }

    /** Well-formed and timely, but signed with another secret (or forged): the one refusal a rotation explains. */
    public static final class Mismatch extends RequestRejected {
        Mismatch() {
            super(401, "no webhook signature matches the body");
        }
    }

    /** The v1 signature of a body, as Svix computes it. */
    public String signatureOf(String id, long timestamp, byte[] body) {
        return "v1," + Base64.getEncoder().encodeToString(sign(id + "." + timestamp + ".", body));
    }

    private byte[] sign(String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    private static String header(Map<String, String> headers, String suffix) {
        String value = headers.get("webhook-" + suffix);
        if (value == null) {
            value = headers.get("svix-" + suffix);
        }
        if (value == null || value.isBlank()) {
            throw RequestRejected.unauthenticated("missing webhook-" + suffix + " (or svix-" + suffix + ") header");
        }
        return value;
    }
}
