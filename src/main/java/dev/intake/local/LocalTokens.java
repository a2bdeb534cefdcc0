package dev.intake.local;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import dev.intake.IntakeConfig;
import dev.intake.access.JwtSigner;
import dev.intake.access.LocalUser;
import jakarta.enterprise.context.ApplicationScoped;

/** A token for the local user of `intake serve`, signed as Supabase would sign it, so curl can call the functions. */
@ApplicationScoped
public class LocalTokens {

    private static final Duration VALID_FOR = Duration.ofHours(1);

    private final IntakeConfig config;
    private final Clock clock;

    LocalTokens(IntakeConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public Optional<String> forLocalUser() {
        Instant now = clock.instant();
        return config.auth().jwtSecret().map(secret ->
                JwtSigner.sign(LocalUser.ID, config.auth().jwtAudience(), now, now.plus(VALID_FOR), secret));
    }
}
