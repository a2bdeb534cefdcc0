package dev.intake.engine;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The in-process engine ({@code intake.local-engine-*}: keys of the root prefix). */
@ConfigMapping(prefix = "intake")
public interface LocalEngineConfig {

    /** Threads the local engine runs interviews on. */
    @WithDefault("2")
    int localEngineThreads();

    /**
     * The longest the local engine waits before it tries a step again: after a transient failure (the
     * step's retry policy says how long, up to 2 minutes) or when another invocation's live lease holds
     * the step (until the lease runs out). Unset, those waits are kept whole; set lower (the tests set
     * milliseconds), a retry comes sooner, while the attempts counted and the retry time recorded on the
     * interview stay the policy's. The aws engine's waits are the state machine's.
     */
    Optional<Duration> localEngineMaxRetryDelay();

    /** The local engine's wait before it tries a step again, when the step asks for {@code wanted}. */
    default Duration retryWait(Duration wanted) {
        return localEngineMaxRetryDelay().filter(max -> max.compareTo(wanted) < 0).orElse(wanted);
    }
}
