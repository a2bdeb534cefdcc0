package dev.intake.cli;

import java.util.UUID;
import java.util.concurrent.Callable;

import dev.intake.IntakeConfig;
import dev.intake.ingest.MediaBucket;
import dev.intake.ingest.MediaKey;
import dev.intake.store.DiagnosticsStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.InterviewStatus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Where an interview is, what ran and for how long, its last error, whether its media is in the"
                + " bucket, what it produced, and what to do next.")
public class DiagnoseCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ID", description = "the interview id (its analysis job id)", converter = InterviewIds.class)
    UUID id;

    @Spec
    CommandSpec spec;

    @Inject
    InterviewStore interviews;
    @Inject
    DiagnosticsStore diagnostics;
    @Inject
    MediaBucket bucket;
    @Inject
    IntakeConfig config;

    @Override
    public Integer call() {
        Interview interview = interviews.find(id).orElse(null);
        if (interview == null) {
            spec.commandLine().getErr().println("intake diagnose: no interview " + id);
            return 1;
        }
        new Diagnosis(interview, diagnostics.outputs(id), media(bucket, interview), config.sweeper().stalledAfter())
                .print(spec.commandLine().getOut());
        return 0;
    }

    /** Whether the interview's media object is in the bucket, said for a person. */
    static String media(MediaBucket bucket, Interview interview) {
        try {
            if (interview.mediaKey() != null) {
                return (bucket.exists(interview.mediaKey()) ? "present at " : "MISSING from ") + "s3://" + bucket.name()
                        + "/" + interview.mediaKey();
            }
            if (interview.status() == InterviewStatus.UPLOADING) {
                String prefix = MediaKey.folderOf(interview.accountId(), interview.projectId(), interview.id());
                return bucket.objectsUnder(prefix, 1).stream().findFirst()
                        .map(key -> "present at s3://" + bucket.name() + "/" + key)
                        .orElse("not uploaded yet (nothing under " + prefix + ")");
            }
            return "none recorded" + (interview.source().sourceUrl() != null ? " (source " + interview.source().sourceUrl() + ")" : "");
        } catch (RuntimeException e) {
            return "unknown: the bucket could not be read (" + e.getMessage() + ")";
        }
    }
}
