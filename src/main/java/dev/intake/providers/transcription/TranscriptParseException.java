package dev.intake.providers.transcription;

/** The file is not a transcript in the format it claims; the message says where and why. */
public class TranscriptParseException extends RuntimeException {
    public TranscriptParseException(String message) {
        super(message);
    }
}
