package dev.intake.entry;

import java.util.Map;
import java.util.Optional;

import dev.intake.entry.BucketEvents;
import dev.intake.http.RequestRejected;
import dev.intake.secrets.Secret;
import dev.intake.secrets.SecretField;
import dev.intake.secrets.Secrets;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The shared secret of the R2 forwarding consumer, checked against its current value. A wrong one is
 * checked once more against the secret read again, so a rotation takes effect at once.
 */
@ApplicationScoped
public class ForwardSecret {

    private final Secret secret;

    ForwardSecret(Secrets secrets) {
        this.secret = secrets.of(SecretField.R2_FORWARD_SECRET);
    }

    /** Returns when the request carries the secret; 401 when it is missing or wrong. */
    public void verify(Map<String, String> lowerCaseHeaders) {
        Optional<String> expected = secret.current();
        try {
            BucketEvents.verifyForwardSecret(expected, lowerCaseHeaders);
        } catch (RequestRejected wrong) {
            boolean given = lowerCaseHeaders.containsKey(BucketEvents.FORWARD_SECRET_HEADER);
            if (!given || expected.isEmpty() || !secret.refused(expected.get())) {
                throw wrong;
            }
            Optional<String> renewed = secret.current();
            if (renewed.equals(expected)) {
                throw wrong;
            }
            BucketEvents.verifyForwardSecret(renewed, lowerCaseHeaders);
        }
    }
}
