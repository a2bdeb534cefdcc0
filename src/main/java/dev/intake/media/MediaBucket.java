package dev.intake.media;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import dev.intake.providers.transcription.MediaSource;
import jakarta.enterprise.context.ApplicationScoped;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The media bucket: Intake's and Insights' own (R2 or S3, through the S3 API), where media keys are
 * Intake's layout or Insights' (see {@link BucketKey}). Objects are streamed in and out, never held
 * whole in memory.
 */
@ApplicationScoped
public class MediaBucket {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Optional<String> publicBaseUrl;

    MediaBucket(S3Client s3, S3Presigner presigner, MediaConfig config) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = config.bucket();
        this.publicBaseUrl = config.bucketPublicBaseUrl();
    }

    /** The object key an interview's media_url names: the key itself, or a URL of this bucket's object. */
    public Optional<String> keyOf(String mediaUrl) {
        return MediaUrl.keyOf(mediaUrl, bucket, publicBaseUrl);
    }

    /** An object as media a transcription provider reads: streamed, or fetched through a presigned URL. */
    public MediaSource source(String key, String fileName) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new MissingObjectException(bucket, key);
        }
        String contentType = head.contentType() == null || head.contentType().isBlank()
                ? "application/octet-stream" : head.contentType();
        long size = head.contentLength();
        return new MediaSource() {
            @Override
            public String fileName() {
                return fileName;
            }

            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public long size() {
                return size;
            }

            @Override
            public InputStream open() {
                return MediaBucket.this.open(key);
            }

            @Override
            public URI temporaryUrl(Duration validity) {
                return URI.create(presigner.presignGetObject(p -> p.signatureDuration(validity)
                        .getObjectRequest(g -> g.bucket(bucket).key(key))).url().toString());
            }
        };
    }

    public String name() {
        return bucket;
    }

    /** Opens the object for reading; the caller closes the stream. */
    public InputStream open(String key) {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new MissingObjectException(bucket, key);
        }
    }

    public void put(String key, Path file, String contentType) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType), RequestBody.fromFile(file));
    }

    public boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        }
    }

    /** Up to {@code max} keys under {@code prefix}: an upload whose notification never came. */
    public java.util.List<String> objectsUnder(String prefix, int max) {
        return s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix).maxKeys(max)).contents().stream()
                .map(o -> o.key())
                .toList();
    }

    /** Creates the bucket when it is missing: local and test setups only, production buckets come from infra. */
    public void ensureExists() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (NoSuchBucketException e) {
            try {
                s3.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException raced) {
                // Another caller created it between the two calls: the bucket exists, which is the goal.
                return;
            }
        }
    }

    /** The object a step needs is not in the bucket. */
    public static final class MissingObjectException extends RuntimeException {
        public MissingObjectException(String bucket, String key) {
            super("object '" + key + "' is not in bucket '" + bucket + "'");
        }
    }
}
