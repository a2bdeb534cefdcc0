package dev.intake.media;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An object key under {@code interviews/}, in each layout that names an interview's media: Intake's
 * own, and the three Insights writes into its bucket (and keeps in {@code media_url}). Each layout
 * names the interview differently, so each says what must be checked against the interview's row.
 */
public sealed interface BucketKey {

    /** The decoded object key. */
    String key();

    /** The layout's name, for logs and the rejection counter. */
    String layout();

    /** The interview the key names; empty for a key that names only its project. */
    Optional<UUID> interviewId();

    /** What of the key does not match the interview's account and project; empty when all of it does. */
    Optional<String> mismatch(UUID accountId, UUID projectId);

    /** Intake's layout: {@code interviews/{accountId}/{projectId}/{interviewId}/{file}}. */
    record Intake(MediaKey media) implements BucketKey {
        @Override
        public String key() {
            return media.key();
        }

        @Override
        public String layout() {
            return "intake";
        }

        @Override
        public Optional<UUID> interviewId() {
            return Optional.of(media.interviewId());
        }

        @Override
        public Optional<String> mismatch(UUID accountId, UUID projectId) {
            return media.accountId().equals(accountId) && media.projectId().equals(projectId) ? Optional.empty()
                    : Optional.of("another account or project");
        }
    }

    /**
     * A desktop recording (Insights' api.desktop.interviews.upload-media):
     * {@code interviews/{accountId}/{interviewId}/recording.{ext}}.
     */
    record Desktop(String key, UUID account, UUID interview) implements BucketKey {
        @Override
        public String layout() {
            return "desktop";
        }

        @Override
        public Optional<UUID> interviewId() {
            return Optional.of(interview);
        }

        @Override
        public Optional<String> mismatch(UUID accountId, UUID projectId) {
            return account.equals(accountId) ? Optional.empty() : Optional.of("another account");
        }
    }

    /**
     * A web upload of an interview that exists (api.upload.presigned-url, storeAudioFile):
     * {@code interviews/{projectId}/{interviewId}-{timestamp}.{ext}}.
     */
    record WebUpload(String key, UUID project, UUID interview) implements BucketKey {
        @Override
        public String layout() {
            return "web-upload";
        }

        @Override
        public Optional<UUID> interviewId() {
            return Optional.of(interview);
        }

        @Override
        public Optional<String> mismatch(UUID accountId, UUID projectId) {
            return project.equals(projectId) ? Optional.empty() : Optional.of("another project");
        }
    }

    /**
     * A key that names no interview, only its project: a web upload made before the interview existed
     * ({@code upload-{timestamp}.{ext}}) or a URL import ({@code import-{timestamp}.mp4}). Its interview
     * is the project's one whose media_url is this key.
     */
    record ProjectFile(String key, UUID project) implements BucketKey {
        @Override
        public String layout() {
            return "project-file";
        }

        @Override
        public Optional<UUID> interviewId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> mismatch(UUID accountId, UUID projectId) {
            return project.equals(projectId) ? Optional.empty() : Optional.of("another project");
        }
    }

    Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    Pattern DESKTOP = Pattern.compile("interviews/(" + UUID_TEXT + ")/(" + UUID_TEXT + ")/recording\\.[A-Za-z0-9]{1,10}");
    Pattern WEB = Pattern.compile("interviews/(" + UUID_TEXT + ")/(" + UUID_TEXT + ")-[0-9]{1,20}\\.[A-Za-z0-9]{1,10}");
    Pattern PROJECT_FILE = Pattern.compile("interviews/(" + UUID_TEXT + ")/(?:upload|import)-[0-9]{1,20}\\.[A-Za-z0-9]{1,10}");

    /** The layout {@code key} is in, or empty when it is in none (a key to reject when under the prefix). */
    static Optional<BucketKey> parse(String key) {
        if (key == null || !key.startsWith(MediaKey.PREFIX)) {
            return Optional.empty();
        }
        Optional<MediaKey> intake = MediaKey.parse(key);
        if (intake.isPresent()) {
            return Optional.of(new Intake(intake.get()));
        }
        Matcher desktop = DESKTOP.matcher(key);
        if (desktop.matches()) {
            return Optional.of(new Desktop(key, uuid(desktop.group(1)), uuid(desktop.group(2))));
        }
        Matcher web = WEB.matcher(key);
        if (web.matches()) {
            return Optional.of(new WebUpload(key, uuid(web.group(1)), uuid(web.group(2))));
        }
        Matcher file = PROJECT_FILE.matcher(key);
        if (file.matches()) {
            return Optional.of(new ProjectFile(key, uuid(file.group(1))));
        }
        return Optional.empty();
    }

    /** The layouts, for a rejection that says what was expected. */
    String LAYOUTS = "interviews/{accountId}/{projectId}/{interviewId}/{file} (Intake),"
            + " interviews/{accountId}/{interviewId}/recording.{ext} (desktop),"
            + " interviews/{projectId}/{interviewId}-{timestamp}.{ext} (web upload) or"
            + " interviews/{projectId}/upload-|import-{timestamp}.{ext}";

    private static UUID uuid(String text) {
        return UUID.fromString(text);
    }
}
