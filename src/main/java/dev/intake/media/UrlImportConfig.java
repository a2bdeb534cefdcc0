package dev.intake.media;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Media fetched from a URL by the upload step (a URL import's, a Recall.ai recording's). */
@ConfigMapping(prefix = "intake.url-import")
public interface UrlImportConfig {

    /** Allow plain http URLs: for local use only. */
    @WithDefault("false")
    boolean allowHttp();

    /**
     * host:port pairs exempt from the private-address check (tests reach a local server this way);
     * empty by default, so loopback and private addresses are always refused.
     */
    Optional<List<String>> allowedHosts();

    /** Largest media the upload step copies, in bytes. */
    @WithDefault("5368709120")
    long maxBytes();

    /** Content types accepted; a trailing '*' matches any subtype. */
    @WithDefault("audio/*,video/*,text/vtt,application/x-subrip,text/srt,text/plain")
    List<String> contentTypes();

    @WithDefault("PT10S")
    Duration connectTimeout();

    /** Longest silence while reading the media. */
    @WithDefault("PT60S")
    Duration readTimeout();
}
