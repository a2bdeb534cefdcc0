package dev.intake.entry;

import java.util.Optional;

import io.quarkus.arc.Unremovable;
import io.smallrye.config.ConfigMapping;

/** Cloudflare R2 event notifications, forwarded over HTTP to upload-completed by a queue consumer. */
// No bean injects it (the secret is read through Secrets), and Quarkus leaves out a mapping nothing injects:
// kept, so that intake.r2.forward-secret stays a known key rather than one that refuses to start.
@Unremovable
@ConfigMapping(prefix = "intake.r2")
public interface R2Config {

    /**
     * The shared secret the consumer sends in the {@code x-intake-forward-secret} header. Read through
     * secrets/Secrets ({@link ForwardSecret}), which may take it from the app secret instead; declared
     * here as a known key.
     */
    Optional<String> forwardSecret();
}
