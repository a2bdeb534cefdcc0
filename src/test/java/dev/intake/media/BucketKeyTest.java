package dev.intake.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketKeyTest {

    private static final UUID ACCOUNT = UUID.fromString("d7b69d5e-a952-41a6-931f-e2fed1d82e85");
    private static final UUID PROJECT = UUID.fromString("6dbcbb68-0662-4ebc-9f84-dd13b8ff758d");
    private static final UUID INTERVIEW = UUID.fromString("931e3b81-ef32-48c3-b6f3-382461b362e4");

    @Test
    void intakes_own_layout_names_account_project_and_interview() {
        String key = "interviews/" + ACCOUNT + "/" + PROJECT + "/" + INTERVIEW + "/call.vtt";
        BucketKey.Intake parsed = assertInstanceOf(BucketKey.Intake.class, BucketKey.parse(key).orElseThrow());
        assertEquals(Optional.of(INTERVIEW), parsed.interviewId());
        assertEquals(Optional.empty(), parsed.mismatch(ACCOUNT, PROJECT));
        assertTrue(parsed.mismatch(ACCOUNT, UUID.randomUUID()).isPresent());
    }

    @Test
    void a_desktop_recording_names_its_account_and_interview_and_is_checked_against_the_account() {
        String key = "interviews/" + ACCOUNT + "/" + INTERVIEW + "/recording.webm";
        BucketKey.Desktop parsed = assertInstanceOf(BucketKey.Desktop.class, BucketKey.parse(key).orElseThrow());
        assertEquals(Optional.of(INTERVIEW), parsed.interviewId());
        assertEquals(key, parsed.key());
        assertEquals(Optional.empty(), parsed.mismatch(ACCOUNT, UUID.randomUUID()));
        assertTrue(parsed.mismatch(UUID.randomUUID(), PROJECT).isPresent());
    }

    @Test
    void a_web_upload_names_its_project_and_interview_and_is_checked_against_the_project() {
        String key = "interviews/" + PROJECT + "/" + INTERVIEW + "-1733500000000.mp3";
        BucketKey.WebUpload parsed = assertInstanceOf(BucketKey.WebUpload.class, BucketKey.parse(key).orElseThrow());
        assertEquals(Optional.of(INTERVIEW), parsed.interviewId());
        assertEquals(Optional.empty(), parsed.mismatch(UUID.randomUUID(), PROJECT));
        assertTrue(parsed.mismatch(ACCOUNT, UUID.randomUUID()).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"upload-1733500000000.m4a", "import-1733500000000.mp4"})
    void an_upload_before_its_interview_or_a_url_import_names_only_its_project(String file) {
        String key = "interviews/" + PROJECT + "/" + file;
        BucketKey.ProjectFile parsed = assertInstanceOf(BucketKey.ProjectFile.class, BucketKey.parse(key).orElseThrow());
        assertEquals(Optional.empty(), parsed.interviewId());
        assertEquals(PROJECT, parsed.project());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "interviews/" + "6dbcbb68-0662-4ebc-9f84-dd13b8ff758d" + "/notes.txt",
            "interviews/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/931e3b81-ef32-48c3-b6f3-382461b362e4-.mp3",
            "interviews/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/931e3b81-ef32-48c3-b6f3-382461b362e4-17335.mp3/x",
            "interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/931e3b81-ef32-48c3-b6f3-382461b362e4/video.webm",
            "interviews/not-a-uuid/931e3b81-ef32-48c3-b6f3-382461b362e4/recording.webm",
            "interviews/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/export-1733500000000.mp4",
            "interviews/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/upload-1733500000000",
            "recordings/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/upload-1733500000000.mp4",
    })
    void keys_in_no_layout_name_no_interview(String key) {
        assertTrue(BucketKey.parse(key).isEmpty(), key);
    }
}
