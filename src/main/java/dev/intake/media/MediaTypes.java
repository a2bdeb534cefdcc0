package dev.intake.media;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Content types and file extensions of the media Intake accepts. */
public final class MediaTypes {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("text/vtt", "vtt"), Map.entry("application/x-subrip", "srt"), Map.entry("text/srt", "srt"),
            Map.entry("text/plain", "txt"), Map.entry("audio/mpeg", "mp3"), Map.entry("audio/mp4", "m4a"),
            Map.entry("audio/x-m4a", "m4a"), Map.entry("audio/wav", "wav"), Map.entry("audio/x-wav", "wav"),
            Map.entry("audio/ogg", "ogg"), Map.entry("audio/webm", "webm"), Map.entry("audio/flac", "flac"),
            Map.entry("video/mp4", "mp4"), Map.entry("video/webm", "webm"), Map.entry("video/quicktime", "mov"));

    /** File extensions of audio and video, which need a transcription provider. */
    private static final Set<String> AUDIO_VIDEO_EXTENSIONS = Set.of(
            "mp3", "m4a", "wav", "aac", "ogg", "oga", "opus", "flac", "webm", "mp4", "m4v", "mov", "mkv", "avi", "mpeg", "mpg");

    private MediaTypes() {
    }

    /** Whether a file of this name is audio or video, by its extension. */
    public static boolean isAudioOrVideoFile(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && AUDIO_VIDEO_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** Whether the content type is audio or video. */
    public static boolean isAudioOrVideo(String contentType) {
        String type = base(contentType);
        return type.startsWith("audio/") || type.startsWith("video/");
    }

    /** The type without parameters, lower-cased: {@code "text/plain; charset=utf-8"} is {@code text/plain}. */
    public static String base(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code contentType} is one of {@code accepted} ({@code audio/*} matches every audio type). */
    public static boolean accepted(String contentType, List<String> accepted) {
        String type = base(contentType);
        for (String pattern : accepted) {
            String p = pattern.strip().toLowerCase(Locale.ROOT);
            if (p.endsWith("/*") ? type.startsWith(p.substring(0, p.length() - 1)) : type.equals(p)) {
                return true;
            }
        }
        return false;
    }

    public static Optional<String> extensionOf(String contentType) {
        return Optional.ofNullable(EXTENSIONS.get(base(contentType)));
    }
}
