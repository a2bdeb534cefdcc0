package dev.intake.secrets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * One secret's fields as last read: read at first use, used for the TTL, then read again. A refused value
 * makes the next use read again at once, unless a read was made less than the minimum interval ago (the
 * rate limit that keeps forged requests from turning into reads). Reads are serialized, so many users
 * of an expired secret cause one read, not one each. A failed read is not covered with the value read
 * before (it may be the one rotated out, or no longer ours to read): the failure is the caller's to see,
 * and the next use tries again.
 */
final class SecretCache {

    private static final Logger LOG = Logger.getLogger(SecretCache.class);

    private final String secretId;
    private final Function<String, Map<String, String>> reader;
    private final Clock clock;
    private final Duration ttl;
    private final Duration minRefreshInterval;

    private Map<String, String> fields;
    private Instant readAt;
    /** When the last read was tried, successful or not: what the rate limit of refusals counts from. */
    private Instant triedAt;
    private boolean stale;

    SecretCache(String secretId, Function<String, Map<String, String>> reader, Clock clock, Duration ttl,
                Duration minRefreshInterval) {
        this.secretId = secretId;
        this.reader = reader;
        this.clock = clock;
        this.ttl = ttl;
        this.minRefreshInterval = minRefreshInterval;
    }

    String secretId() {
        return secretId;
    }

    /** The field's current value, read first when there is none, it is older than the TTL, or was refused. */
    synchronized Optional<String> field(String name) {
        Instant now = clock.instant();
        if (fields == null || stale || !now.isBefore(readAt.plus(ttl))) {
            read(now);
        }
        return Optional.ofNullable(fields.get(name));
    }

    /** See {@link Secret#refused}. */
    synchronized boolean refused(String name, String value) {
        if (stale || (fields != null && !value.equals(fields.get(name)))) {
            return true;
        }
        Instant now = clock.instant();
        if (triedAt != null && now.isBefore(triedAt.plus(minRefreshInterval))) {
            // Quietly: under a flood of forged requests this is every one of them, each logged where it is refused.
            LOG.debugf("a value of secret %s ('%s') was refused; it was read %d ms ago, so it is not read again yet",
                    secretId, name, Duration.between(triedAt, now).toMillis());
            return false;
        }
        LOG.infof("a value of secret %s ('%s') was refused; reading the secret again at its next use", secretId, name);
        stale = true;
        return true;
    }

    private void read(Instant now) {
        triedAt = now;
        Map<String, String> read = reader.apply(secretId);
        fields = read;
        readAt = now;
        stale = false;
        LOG.debugf("read secret %s (fields %s); used for %s", secretId, read.keySet(), ttl);
    }
}
