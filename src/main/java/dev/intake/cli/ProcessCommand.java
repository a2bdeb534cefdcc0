package dev.intake.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.functions.UploadCompletedFunction;
import dev.intake.ingest.MediaBucket;
import dev.intake.ingest.MediaKey;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.InterviewStatus;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The whole pipeline on a local file, the way production runs it: the file goes into the bucket,
 * the bucket's notification goes to the upload-completed function, and the engine runs the steps.
 */
@Command(name = "process", mixinStandardHelpOptions = true,
        description = "Processes an interview file (WebVTT, SRT or plain-text transcript) to ready and prints"
                + " what was found. Uses an embedded PostgreSQL and S3 unless INTAKE_EMBEDDED=false.")
public class ProcessCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the interview file")
    Path file;

    @Option(names = "--title", description = "the interview's title (default: the file name)")
    String title;

    @Option(names = "--instructions", description = "custom instructions for the analysis")
    String instructions;

    @Option(names = "--question", paramLabel = "TEXT",
            description = "a question for the project to answer; repeatable (default: four discovery questions)")
    List<String> questions;

    @Option(names = "--timeout", defaultValue = "PT2M", description = "how long to wait for the run (ISO-8601, default PT2M)")
    Duration timeout;

    @Spec
    CommandSpec spec;

    @Inject
    MediaBucket bucket;
    @Inject
    LocalWorkspace workspace;
    @Inject
    InterviewStore interviews;
    @Inject
    UploadCompletedFunction uploadCompleted;
    @Inject
    ConsoleProgress progress;
    @Inject
    InterviewReport report;
    @Inject
    ObjectMapper json;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            err.println("intake process: " + file + " is not a readable file");
            return 2;
        }
        workspace.prepare(questions == null || questions.isEmpty() ? LocalWorkspace.DEFAULT_QUESTIONS : questions);

        UUID id = UUID.randomUUID();
        String fileName = file.getFileName().toString();
        MediaKey key = new MediaKey(LocalWorkspace.ACCOUNT_ID, LocalWorkspace.PROJECT_ID, id, fileName);
        interviews.insert(new InterviewStore.NewInterview(id, key.accountId(), key.projectId(),
                title == null ? fileName : title, Interview.Source.upload(fileName), null, instructions), InterviewStatus.UPLOADING);
        out.printf("Interview %s: uploading %s to s3://%s/%s%n", id, file, bucket.name(), key.key());
        bucket.put(key.key(), file, Files.probeContentType(file));

        progress.watch(id, out);
        try {
            JsonNode response = uploadCompleted.uploadCompleted(notificationFor(key.key(), Files.size(file)));
            response.path("results").forEach(r -> out.printf("upload-completed: %s (%s)%n",
                    r.path("outcome").asText(), r.path("detail").asText()));
            Interview done = Settling.await(interviews, id, timeout);
            out.println();
            report.print(done, out);
            return done.status() == InterviewStatus.READY ? 0 : 1;
        } finally {
            progress.stop();
        }
    }

    /** The notification S3 sends for a finished upload, key URL-encoded as S3 encodes it. */
    private JsonNode notificationFor(String key, long size) throws Exception {
        String encodedKey = URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
        String event = """
                {"Records": [{
                  "eventVersion": "2.1", "eventSource": "aws:s3", "awsRegion": "us-east-1",
                  "eventTime": "%s", "eventName": "ObjectCreated:Put",
                  "s3": {"s3SchemaVersion": "1.0", "configurationId": "intake-upload-completed",
                         "bucket": {"name": %s, "arn": "arn:aws:s3:::%s"},
                         "object": {"key": %s, "size": %d}}
                }]}""".formatted(Instant.now(), json.writeValueAsString(bucket.name()), bucket.name(),
                json.writeValueAsString(encodedKey), size);
        return json.readTree(event);
    }
}
