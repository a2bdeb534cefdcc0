package dev.intake.cli;

import dev.intake.local.StartupTrace;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.functions.UploadCompletedFunction;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.InterviewStatus;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One file through the pipeline the way production runs it: the file goes into the bucket, the
 * bucket's notification goes to the upload-completed function, and the engine runs the steps.
 */
@ApplicationScoped
public class LocalRun {

    private final MediaBucket bucket;
    private final InterviewStore interviews;
    private final UploadCompletedFunction uploadCompleted;
    private final ConsoleProgress progress;
    private final ObjectMapper json;

    LocalRun(MediaBucket bucket, InterviewStore interviews, UploadCompletedFunction uploadCompleted, ConsoleProgress progress,
             ObjectMapper json) {
        this.bucket = bucket;
        this.interviews = interviews;
        this.uploadCompleted = uploadCompleted;
        this.progress = progress;
        this.json = json;
    }

    /** What to run: the file, the account and project it is filed under, and the interview's title and instructions. */
    public record Request(Path file, UUID accountId, UUID projectId, String title, String instructions, Duration timeout) {
    }

    /**
     * Runs {@code request} and returns the interview once ready or failed (or as it is at the timeout);
     * each step is printed to {@code log} when given.
     */
    public Interview run(Request request, Optional<PrintWriter> log) throws IOException, InterruptedException {
        UUID id = UUID.randomUUID();
        String fileName = request.file().getFileName().toString();
        MediaKey key = new MediaKey(request.accountId(), request.projectId(), id, fileName);
        interviews.insert(new InterviewStore.NewInterview(id, key.accountId(), key.projectId(),
                request.title() == null ? fileName : request.title(), Interview.Source.upload(fileName), null,
                request.instructions()), InterviewStatus.UPLOADING);
        log.ifPresent(out -> out.printf("Interview %s: uploading %s to s3://%s/%s%n", id, request.file(), bucket.name(), key.key()));
        bucket.put(key.key(), request.file(), Files.probeContentType(request.file()));
        StartupTrace.mark("uploaded");
        log.ifPresent(out -> progress.watch(id, out));
        try {
            JsonNode response = uploadCompleted.uploadCompleted(notificationFor(key.key(), Files.size(request.file())));
            log.ifPresent(out -> response.path("results").forEach(r -> out.printf("upload-completed: %s (%s)%n",
                    r.path("outcome").asText(), r.path("detail").asText())));
            Interview settled = Settling.await(interviews, id, request.timeout());
            StartupTrace.mark("steps done");
            return settled;
        } finally {
            progress.stop();
        }
    }

    /** The notification S3 sends for a finished upload, key URL-encoded as S3 encodes it. */
    private JsonNode notificationFor(String key, long size) throws IOException {
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
