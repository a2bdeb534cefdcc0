package dev.intake.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.intake.access.AuthConfig;
import dev.intake.access.JwtSigner;
import dev.intake.access.LocalUser;
import jakarta.enterprise.context.ApplicationScoped;

/** A token for the local user of `intake serve`, signed as Supabase would sign it, so curl can call the functions. */
@ApplicationScoped
public class LocalTokens {

    private static final Duration VALID_FOR = Duration.ofHours(1);

    private final AuthConfig config;
    private final Clock clock;

    LocalTokens(AuthConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Optional<String> forLocalUser() {
        Instant now = clock.instant();
        return config.jwtSecret().map(secret ->
                JwtSigner.sign(LocalUser.ID, config.jwtAudience(), now, now.plus(VALID_FOR), secret));
    }
}
