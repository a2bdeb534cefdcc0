package dev.intake.media;

import java.util.Optional;
import java.util.UUID;

/** An object key of the media bucket: {@code interviews/{accountId}/{projectId}/{interviewId}/{file}}. */
public record MediaKey(UUID accountId, UUID projectId, UUID interviewId, String fileName) {

    public static final String PREFIX = "interviews/";

    public MediaKey {
        if (fileName == null || fileName.isBlank() || fileName.contains("/")) {
            throw new IllegalArgumentException("a media key ends in a file name");
        }
    }

    /** The key of a decoded object name, or empty when it is not an interview's media. */
    public static Optional<MediaKey> parse(String key) {
        if (key == null || !key.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = key.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 4 || parts[3].isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MediaKey(uuid(parts[0]), uuid(parts[1]), uuid(parts[2]), parts[3]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static UUID uuid(String text) {
        UUID id = UUID.fromString(text);
        // UUID.fromString accepts short forms like "1-2-3-4-5"; only the canonical form is a real id.
        if (!id.toString().equals(text.toLowerCase())) {
            throw new IllegalArgumentException("not a canonical UUID: " + text);
        }
        return id;
    }

    /** Where an interview's media lives: {@code interviews/{accountId}/{projectId}/{interviewId}/}. */
    public static String folderOf(UUID accountId, UUID projectId, UUID interviewId) {
        return PREFIX + accountId + "/" + projectId + "/" + interviewId + "/";
    }

    public String key() {
        return folderOf(accountId, projectId, interviewId) + fileName;
    }
}
