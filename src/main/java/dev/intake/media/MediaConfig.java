package dev.intake.media;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The media bucket and the limits of what is read from it ({@code intake.bucket}, ...: keys of the root prefix). */
@ConfigMapping(prefix = "intake")
public interface MediaConfig {

    /** The media bucket: objects arrive under {@code interviews/{account}/{project}/{interview}/{file}}. */
    @WithDefault("intake-media")
    String bucket();

    /**
     * The bucket's public URL (Insights' R2_PUBLIC_BASE_URL), for interviews whose media_url holds a
     * URL under it rather than the object key; presigned and endpoint URLs are read without it.
     */
    Optional<String> bucketPublicBaseUrl();

    /**
     * Part size of multipart copies into the bucket: the most a media copy holds in memory at once.
     * S3 requires at least 5 MiB.
     */
    @WithDefault("8388608")
    int copyPartBytes();

    /** Largest transcript file the upload step reads (bytes); transcripts are read whole to be parsed. */
    @WithDefault("20971520")
    long maxTranscriptBytes();
}
