package dev.intake.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.intake.providers.http.CallFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams media into the bucket without holding it whole: a body of known small size goes in one
 * PUT, anything else as a multipart upload whose parts pass through one reused buffer. A copy that
 * fails or grows past the limit is aborted, so no partial object is left behind.
 */
@ApplicationScoped
public class MediaCopier {

    private static final int MIN_PART = 5 * 1024 * 1024;

    /**
     * The speed a copy of the largest media must reach: a copy is given up (transiently, aborted) once it
     * has taken longer than its byte limit at this speed, so it fits the upload step's Lambda
     * (engine/TimeBudgets counts it). Smaller media may be slower in proportion (1 GiB at 3.2 MiB/s);
     * a Lambda reads from S3 or a CDN several times faster.
     */
    public static final long MIN_BYTES_PER_SECOND = 16L * 1024 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int partBytes;

    @Inject
    MediaCopier(S3Client s3, MediaConfig config) {
        this(s3, config.bucket(), config.copyPartBytes());
    }

    public MediaCopier(S3Client s3, String bucket, int partBytes) {
        if (partBytes < MIN_PART) {
            throw new IllegalArgumentException("multipart parts are at least 5 MiB, not " + partBytes);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.partBytes = partBytes;
    }

    /** The media is larger than the limit; nothing was kept. */
    public static final class TooLargeException extends RuntimeException {
        public TooLargeException(long limit) {
            super("the media is larger than the " + limit + "-byte limit");
        }
    }

    /**
     * The longest a copy of up to {@code maxBytes} may run before it is given up; never under a minute,
     * so a small limit does not cut off a host that is merely slow to start.
     */
    public static Duration longestCopy(long maxBytes) {
        return Duration.ofSeconds(Math.max(60, (maxBytes + MIN_BYTES_PER_SECOND - 1) / MIN_BYTES_PER_SECOND));
    }

    /**
     * Copies {@code in} to {@code key}; {@code declaredLength} is -1 when unknown. Returns the bytes
     * copied.
     */
    public long copy(InputStream in, long declaredLength, String contentType, String key, long maxBytes) {
        if (declaredLength > maxBytes) {
            throw new TooLargeException(maxBytes);
        }
        if (declaredLength >= 0 && declaredLength <= partBytes) {
            s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                    RequestBody.fromInputStream(in, declaredLength));
            return declaredLength;
        }
        return multipart(in, contentType, key, maxBytes);
    }

    private long multipart(InputStream in, String contentType, String key, long maxBytes) {
        long deadline = System.nanoTime() + longestCopy(maxBytes).toNanos();
        String uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        try {
            byte[] buffer = new byte[partBytes];
            List<CompletedPart> parts = new ArrayList<>();
            long total = 0;
            for (int n = fill(in, buffer, deadline, maxBytes); n > 0; n = fill(in, buffer, deadline, maxBytes)) {
                total += n;
                if (total > maxBytes) {
                    throw new TooLargeException(maxBytes);
                }
                int number = parts.size() + 1;
                int length = n;
                // A provider of fresh views of the one buffer: the SDK re-reads it (signing, retries)
                // without copying it.
                String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(number)
                                .contentLength((long) length),
                        RequestBody.fromContentProvider(() -> new ByteArrayInputStream(buffer, 0, length), length,
                                contentType)).eTag();
                parts.add(CompletedPart.builder().partNumber(number).eTag(etag).build());
            }
            if (parts.isEmpty()) {
                throw new UncheckedIOException(new IOException("the media is empty"));
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
            return total;
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /**
     * Reads until the buffer is full or the stream ends; returns the bytes read. Checked after every
     * read, so a source that trickles is given up within one read of the deadline.
     */
    private static int fill(InputStream in, byte[] buffer, long deadline, long maxBytes) {
        try {
            int filled = 0;
            while (filled < buffer.length) {
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    break;
                }
                filled += n;
                if (System.nanoTime() - deadline > 0) {
                    throw GuardedHttp.fetchFailed("the copy ran longer than " + longestCopy(maxBytes).toSeconds()
                            + " s (slower than " + MIN_BYTES_PER_SECOND / (1024 * 1024) + " MiB/s for the largest media);"
                            + " it is tried again", true);
                }
            }
            return filled;
        } catch (IOException e) {
            throw new UncheckedIOException("reading the media failed: " + e.getMessage(), e);
        }
    }
}
