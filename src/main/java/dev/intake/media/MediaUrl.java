package dev.intake.media;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The object key an interview's {@code media_url} names. Insights keeps the key itself there, but older
 * rows and some of its paths hold a URL: the bucket's public URL (R2_PUBLIC_BASE_URL followed by the
 * key, sometimes with the bucket's name first) or a presigned URL of its S3 endpoint. Insights turns
 * those back into keys (app/utils/r2.server.ts: getR2KeyFromPublicUrl, extractR2KeyFromUrl), and so
 * does this, the same way.
 */
public final class MediaUrl {

    private MediaUrl() {
    }

    /** The key {@code mediaUrl} names in {@code bucket}; empty when it is blank or not a URL of that bucket. */
    public static Optional<String> keyOf(String mediaUrl, String bucket, Optional<String> publicBaseUrl) {
        if (mediaUrl == null || mediaUrl.isBlank()) {
            return Optional.empty();
        }
        String value = mediaUrl.trim();
        String lower = value.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return nonEmpty(value.replaceFirst("^/+", ""));
        }
        String withoutQuery = value.split("[?#]", 2)[0];
        if (publicBaseUrl.isPresent()) {
            String base = publicBaseUrl.get().replaceAll("/+$", "");
            if (withoutQuery.toLowerCase(Locale.ROOT).startsWith(base.toLowerCase(Locale.ROOT) + "/")) {
                return nonEmpty(decode(withoutBucket(withoutQuery.substring(base.length()).replaceFirst("^/+", ""), bucket)));
            }
        }
        try {
            String path = new URI(withoutQuery).getRawPath();
            if (path == null) {
                return Optional.empty();
            }
            // Path-style (R2's S3 endpoint, Insights' own signer): /{bucket}/{key}; virtual-hosted: /{key}.
            return nonEmpty(decode(withoutBucket(path.replaceFirst("^/+", ""), bucket)));
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static String withoutBucket(String path, String bucket) {
        return path.startsWith(bucket + "/") ? path.substring(bucket.length() + 1) : path;
    }

    /** decodeURIComponent: percent escapes only; a '+' in a path is a plus, not a space. */
    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static Optional<String> nonEmpty(String key) {
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }
}
