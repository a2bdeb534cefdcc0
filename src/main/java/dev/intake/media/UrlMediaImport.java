package dev.intake.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import dev.intake.media.MediaCopier;
import dev.intake.media.MediaDownload;
import dev.intake.media.MediaKey;
import dev.intake.media.MediaTypes;
import dev.intake.providers.transcription.TranscriptionConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Copies an interview's media from its URL into the bucket, streaming, with the URL guard checking
 * every connection and redirect, and the configured size and type limits enforced.
 */
@ApplicationScoped
public class UrlMediaImport {

    private static final String FALLBACK_NAME = "media";

    private final GuardedHttp http;
    private final MediaCopier copier;
    private final long maxBytes;
    private final List<String> contentTypes;
    private final boolean canTranscribe;

    UrlMediaImport(GuardedHttp http, MediaCopier copier, UrlImportConfig config, TranscriptionConfig transcription) {
        this.http = http;
        this.copier = copier;
        this.maxBytes = config.maxBytes();
        this.contentTypes = config.contentTypes();
        this.canTranscribe = transcription.enabled();
    }

    /** The media is not of an accepted type. */
    public static final class UnsupportedMediaException extends RuntimeException {
        public UnsupportedMediaException(String message) {
            super(message);
        }
    }

    /** Copies the media at {@code url} to the interview's folder of the bucket; returns its key. */
    public MediaKey copy(UUID accountId, UUID projectId, UUID interviewId, String url) {
        try (MediaDownload download = http.open(url)) {
            String contentType = download.contentType().orElse("application/octet-stream");
            if (!MediaTypes.accepted(contentType, contentTypes)) {
                throw new UnsupportedMediaException("the URL serves '" + MediaTypes.base(contentType)
                        + "', not audio, video or a transcript");
            }
            if (!canTranscribe && MediaTypes.isAudioOrVideo(contentType)) {
                // Known before a byte is copied: gigabytes in the bucket would end in the same error.
                throw new UnsupportedMediaException("the URL serves '" + MediaTypes.base(contentType) + "', and audio"
                        + " and video need a transcription provider; none is configured (INTAKE_TRANSCRIPTION_PROVIDER)."
                        + " Nothing was copied");
            }
            MediaKey key = new MediaKey(accountId, projectId, interviewId, fileName(download.uri(), contentType));
            copier.copy(download.body(), download.contentLength(), MediaTypes.base(contentType), key.key(), maxBytes);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("closing the download of " + dev.intake.workflow.RedactedUrl.of(url) + " failed", e);
        }
    }

    /** The URL's last path segment, made safe as an object name, with an extension the type implies. */
    static String fileName(URI uri, String contentType) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        String name = URLDecoder.decode(last.replace("+", "%2B"), StandardCharsets.UTF_8)
                .replaceAll("[^\\p{L}\\p{N}._ ()#-]", "_")
                .strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = FALLBACK_NAME;
        }
        if (!name.contains(".")) {
            String stem = name;
            name = MediaTypes.extensionOf(contentType).map(ext -> stem + "." + ext).orElse(stem);
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
