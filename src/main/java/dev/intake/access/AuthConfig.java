package dev.intake.access;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Authentication of url-import, interview-status and the console: Supabase-issued JWTs. */
@ConfigMapping(prefix = "intake.auth")
public interface AuthConfig {

    /**
     * The HS256 secret the JWTs are signed with (Supabase: the project's JWT secret). Read through
     * secrets/Secrets, which may take it from the app secret instead; declared here as a known key.
     */
    Optional<String> jwtSecret();

    /** When set, the token's {@code aud} must contain it (Supabase: "authenticated"). */
    Optional<String> jwtAudience();

    /**
     * The project's published signing keys, for ES256 and RS256 tokens (Supabase:
     * {@code https://<project>.supabase.co/auth/v1/.well-known/jwks.json}).
     */
    Optional<String> jwksUrl();

    /** When set, the token's {@code iss} must equal it (Supabase: {@code https://<project>.supabase.co/auth/v1}). */
    Optional<String> jwtIssuer();
}
