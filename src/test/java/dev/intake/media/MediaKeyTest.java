package dev.intake.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import dev.intake.media.MediaKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaKeyTest {

    private static final String ACCOUNT = "d7b69d5e-a952-41a6-931f-e2fed1d82e85";
    private static final String PROJECT = "6dbcbb68-0662-4ebc-9f84-dd13b8ff758d";
    private static final String INTERVIEW = "931e3b81-ef32-48c3-b6f3-382461b362e4";

    @Test
    void a_key_names_account_project_interview_and_file() {
        MediaKey key = MediaKey.parse("interviews/" + ACCOUNT + "/" + PROJECT + "/" + INTERVIEW + "/Customer call #2 (Dana).mp4")
                .orElseThrow();
        assertEquals(UUID.fromString(ACCOUNT), key.accountId());
        assertEquals(UUID.fromString(PROJECT), key.projectId());
        assertEquals(UUID.fromString(INTERVIEW), key.interviewId());
        assertEquals("Customer call #2 (Dana).mp4", key.fileName());
        assertEquals("interviews/" + ACCOUNT + "/" + PROJECT + "/" + INTERVIEW + "/Customer call #2 (Dana).mp4", key.key());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "uploads/" + ACCOUNT + "/" + PROJECT + "/" + INTERVIEW + "/a.vtt",
            "interviews/" + ACCOUNT + "/" + PROJECT + "/" + INTERVIEW + "/",
            "interviews/" + ACCOUNT + "/" + PROJECT + "/" + INTERVIEW,
            "interviews/" + ACCOUNT + "/" + PROJECT + "/" + INTERVIEW + "/nested/a.vtt",
            "interviews/not-a-uuid/" + PROJECT + "/" + INTERVIEW + "/a.vtt",
            "interviews/1-2-3-4-5/" + PROJECT + "/" + INTERVIEW + "/a.vtt",
    })
    void anything_else_is_not_an_interviews_media(String key) {
        assertTrue(MediaKey.parse(key).isEmpty(), key);
    }
}
