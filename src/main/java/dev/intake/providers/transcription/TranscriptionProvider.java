package dev.intake.providers.transcription;

/** Turns audio or video into a transcript. */
public interface TranscriptionProvider {

    /** A name for messages and logs. */
    String name();

    Transcript transcribe(MediaSource media);
}
