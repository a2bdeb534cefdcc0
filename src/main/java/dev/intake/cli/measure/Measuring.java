package dev.intake.cli.measure;

import dev.intake.cli.LocalPipeline;
import dev.intake.entry.UploadCompletion;
import dev.intake.local.LocalWorkspace;
import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.DbTraffic;
import dev.intake.store.WorkspaceStore;
import jakarta.inject.Singleton;

/**
 * What the measuring commands ({@code eval}, {@code throughput}) work with, injected as one: the pipeline
 * on this machine and what only measuring takes from it: the local data's projects ({@code localWorkspace})
 * and the database's ({@code workspace}), upload events delivered directly, the analyzer on its own, the
 * clocks on the runs and the database's traffic.
 */
@Singleton
record Measuring(LocalPipeline pipeline, LocalWorkspace localWorkspace, WorkspaceStore workspace, UploadCompletion uploads,
                 AnalysisProvider analyzer, AnalysisClock clock, RunEnds runEnds, DbTraffic traffic) {
}
