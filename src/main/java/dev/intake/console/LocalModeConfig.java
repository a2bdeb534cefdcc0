package dev.intake.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Whether the command runs on this machine's embedded servers ({@code intake.local-mode}, a key of the
 * root prefix). On the console's floor, the lowest that reads it: on local data the local user is an
 * operator, and repairs and sweeps run on the configured engine rather than AWS's.
 */
@ConfigMapping(prefix = "intake")
public interface LocalModeConfig {

    /**
     * Set by the launcher when no database is configured and it started the embedded PostgreSQL and S3
     * servers for the command (local mode). Only then may ops commands run steps in-process unasked.
     */
    @WithDefault("false")
    boolean localMode();
}
