package dev.intake.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** media_url as Insights writes it, turned back into a key as app/utils/r2.server.ts does. */
class MediaUrlTest {

    private static final String BUCKET = "upsight-usermedia";
    private static final String KEY = "interviews/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/upload-1733500000000.mp3";
    private static final Optional<String> PUBLIC = Optional.of("https://media.example.com/");

    @Test
    void a_key_is_the_key() {
        assertEquals(Optional.of(KEY), MediaUrl.keyOf(KEY, BUCKET, Optional.empty()));
        assertEquals(Optional.of(KEY), MediaUrl.keyOf("/" + KEY, BUCKET, Optional.empty()));
    }

    @Test
    void a_public_url_is_its_key_with_or_without_the_bucket_in_its_path() {
        assertEquals(Optional.of(KEY), MediaUrl.keyOf("https://media.example.com/" + KEY, BUCKET, PUBLIC));
        assertEquals(Optional.of(KEY), MediaUrl.keyOf("https://MEDIA.example.com/" + BUCKET + "/" + KEY + "?v=2", BUCKET, PUBLIC));
    }

    @Test
    void a_presigned_url_of_the_s3_endpoint_is_its_key_percent_decoded() {
        String presigned = "https://acct.r2.cloudflarestorage.com/" + BUCKET
                + "/interviews/p/Dana%20%26%20Lee+call.mp3?X-Amz-Signature=abc";
        assertEquals(Optional.of("interviews/p/Dana & Lee+call.mp3"), MediaUrl.keyOf(presigned, BUCKET, PUBLIC));
    }

    @Test
    void blank_is_no_key() {
        assertEquals(Optional.empty(), MediaUrl.keyOf(" ", BUCKET, PUBLIC));
        assertEquals(Optional.empty(), MediaUrl.keyOf(null, BUCKET, PUBLIC));
    }
}
