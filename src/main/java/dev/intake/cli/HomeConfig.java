package dev.intake.cli;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where local mode keeps its data ({@code intake.home}, a key of the root prefix). */
@ConfigMapping(prefix = "intake")
public interface HomeConfig {

    /**
     * Where local mode keeps the embedded PostgreSQL and S3 data between runs. Read by the launcher
     * before the application starts (system property {@code intake.home} or {@code INTAKE_HOME}).
     */
    @WithDefault(".intake")
    String home();
}
