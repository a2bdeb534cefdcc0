package dev.intake;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake's own settings ({@code intake.*}); defaults need no setup. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** The media bucket: objects arrive under {@code interviews/{account}/{project}/{interview}/{file}}. */
    @WithDefault("intake-media")
    String bucket();

    /** How long a claimed step is held before another invocation may take it over. */
    @WithDefault("PT2M")
    Duration lease();

    /** Largest transcript file the upload step reads (bytes); transcripts are read whole to be parsed. */
    @WithDefault("20971520")
    long maxTranscriptBytes();

    /**
     * Where local mode keeps the embedded PostgreSQL and S3 data between runs. Read by the launcher
     * before the application starts (system property {@code intake.home} or {@code INTAKE_HOME}).
     */
    @WithDefault(".intake")
    String home();

    /** Threads the local engine runs interviews on. */
    @WithDefault("2")
    int localEngineThreads();
}
