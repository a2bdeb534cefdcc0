package dev.intake.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.console.LocalModeConfig;
import dev.intake.engine.Engines;
import dev.intake.engine.LocalEngineConfig;
import dev.intake.local.ModelWarmUp;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaConfig;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.InterviewStore;
import jakarta.inject.Singleton;

/**
 * The pieces of the pipeline on this machine that the commands running interviews through it
 * ({@code process}, {@code eval}, {@code throughput}) work with, injected as one: what the command works
 * on ({@code target}: local data or a configured database), where it files interviews, the run and its
 * report, and the bucket and interviews beneath them; and the settings they read (where a wait that
 * ran out points the operator, the local engine's threads, the largest transcript).
 */
@Singleton
public record LocalPipeline(LocalModeConfig localMode, SweeperConfig sweeper, LocalEngineConfig localEngine,
                            MediaConfig media, CommandTarget target, ProjectChoice projects, LocalRun run,
                            InterviewReport report, ObjectMapper json, Engines engines, ModelWarmUp modelWarmUp,
                            MediaBucket bucket, InterviewStore interviews) {
}
