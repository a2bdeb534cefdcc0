package dev.intake.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.media.MediaBucket;
import dev.intake.media.MediaCopier;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.s3.S3Client;

@QuarkusTest
class MediaCopierTest {

    private static final int PART = 5 * 1024 * 1024;

    @Inject
    S3Client s3;
    @Inject
    MediaBucket bucket;

    private MediaCopier copier;
    private String key;

    @BeforeEach
    void aCopierWithSmallParts() {
        bucket.ensureExists();
        copier = new MediaCopier(s3, bucket.name(), PART);
        key = "interviews/copies/" + UUID.randomUUID() + ".mp4";
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        new Random(n).nextBytes(bytes);
        return bytes;
    }

    private byte[] stored() {
        return s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key(key)).asByteArray();
    }

    @Test
    void media_of_unknown_length_goes_in_as_a_multipart_upload_byte_for_byte() {
        byte[] media = bytes(2 * PART + 12345);
        assertEquals(media.length, copier.copy(new ByteArrayInputStream(media), -1, "video/mp4", key, Long.MAX_VALUE));
        assertArrayEquals(media, stored());
    }

    @Test
    void small_media_of_known_length_goes_in_one_put() {
        byte[] media = bytes(1000);
        assertEquals(1000, copier.copy(new ByteArrayInputStream(media), media.length, "audio/mpeg", key, Long.MAX_VALUE));
        assertArrayEquals(media, stored());
    }

    @Test
    void media_over_the_limit_is_refused_and_leaves_no_object() {
        byte[] media = bytes(PART + 10);
        var e = assertThrows(MediaCopier.TooLargeException.class,
                () -> copier.copy(new ByteArrayInputStream(media), -1, "video/mp4", key, PART));
        assertEquals("the media is larger than the " + PART + "-byte limit", e.getMessage());
        assertFalse(bucket.exists(key));
        assertThrows(MediaCopier.TooLargeException.class,
                () -> copier.copy(new ByteArrayInputStream(media), media.length, "video/mp4", key, 100));
        assertFalse(bucket.exists(key));
    }

    @Test
    void a_copy_whose_source_breaks_midway_is_aborted_and_leaves_neither_an_object_nor_an_open_upload() {
        byte[] first = bytes(PART + 10);
        java.io.InputStream breaking = new java.io.SequenceInputStream(new ByteArrayInputStream(first), new java.io.InputStream() {
            @Override
            public int read() throws java.io.IOException {
                throw new java.io.IOException("connection reset by the media host");
            }
        });

        var failure = assertThrows(java.io.UncheckedIOException.class,
                () -> copier.copy(breaking, -1, "video/mp4", key, Long.MAX_VALUE));

        assertTrue(failure.getMessage().contains("connection reset"), failure.getMessage());
        assertTrue(s3.listObjectsV2(b -> b.bucket(bucket.name()).prefix(key)).contents().isEmpty());
        assertTrue(s3.listMultipartUploads(b -> b.bucket(bucket.name()).prefix(key)).uploads().isEmpty(),
                "the multipart upload was aborted, so no parts are kept (and billed)");
    }
}
