package dev.intake.providers.transcription;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

/** Audio or video to transcribe, wherever it is stored: readable as a stream, or by URL for a while. */
public interface MediaSource {

    String fileName();

    String contentType();

    long size();

    /** A fresh stream from the start; the caller closes it. */
    InputStream open();

    /** A URL a provider can download the media from, valid for {@code validity}. */
    URI temporaryUrl(Duration validity);
}
