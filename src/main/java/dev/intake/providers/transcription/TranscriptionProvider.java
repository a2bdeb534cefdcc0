package dev.intake.providers.transcription;

import java.time.Instant;

/**
 * Turns audio or video into a transcript: at once, or as a job the provider works on in the
 * background, which the upload step submits once and then checks from invocation to invocation.
 */
public interface TranscriptionProvider {

    /** A name for messages and logs. */
    String name();

    /** Starts transcribing {@code media}: the transcript itself, or the job making it. */
    TranscriptionProgress start(MediaSource media);

    /**
     * Where job {@code jobId}, which {@link #start} returned at {@code submittedAt}, has got to.
     * {@code fileName} names the media in messages.
     */
    default TranscriptionProgress check(String jobId, Instant submittedAt, String fileName) {
        throw new IllegalStateException(name() + " transcribes at once; it has no job " + jobId + " to check");
    }
}
