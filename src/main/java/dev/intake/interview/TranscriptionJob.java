package dev.intake.interview;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.vertx.core.json.JsonObject;

/**
 * A transcription a provider was asked for and is making in the background, as the interview keeps
 * it ({@code conversation_analysis.intake.transcription}): every later invocation of the upload step
 * (a check, a retry, a resume, a repair) checks this job instead of submitting the media again.
 * {@code mediaKey} is the media it transcribes, so a job is never taken for other media.
 */
public record TranscriptionJob(String provider, String id, String mediaKey, Instant submittedAt) {

    /** The key under Intake's run state. */
    public static final String KEY = "transcription";

    public TranscriptionJob {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(submittedAt, "submittedAt");
    }

    /** The job recorded in Intake's run state, if any (a malformed one is none: the media is submitted again). */
    public static Optional<TranscriptionJob> of(JsonObject runState) {
        if (!(runState.getValue(KEY) instanceof JsonObject job)
                || !(job.getValue("provider") instanceof String provider)
                || !(job.getValue("id") instanceof String id)
                || !(job.getValue("submitted_at") instanceof String submittedAt)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TranscriptionJob(provider, id, job.getString("media_key"), Instant.parse(submittedAt)));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public boolean transcribes(String media) {
        return Objects.equals(mediaKey, media);
    }

    public JsonObject toJson() {
        return new JsonObject().put("provider", provider).put("id", id).put("media_key", mediaKey)
                .put("submitted_at", submittedAt.toString());
    }
}
