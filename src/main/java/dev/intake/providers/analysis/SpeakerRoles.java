package dev.intake.providers.analysis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.intake.providers.transcription.Transcript;
import dev.intake.providers.transcription.Utterance;

/**
 * Tells the interviewer from the interviewees: a speaker labelled as one ("Interviewer", "Host"), or
 * else the speaker who mostly asks questions. The interviewer's words are never evidence.
 */
final class SpeakerRoles {

    private static final Pattern INTERVIEWER_LABEL =
            Pattern.compile("(?i)^(interviewer|moderator|host|researcher|facilitator)\\b.*");

    private final Optional<String> interviewer;

    private SpeakerRoles(Optional<String> interviewer) {
        this.interviewer = interviewer;
    }

    static SpeakerRoles of(Transcript transcript) {
        List<String> speakers = transcript.speakers();
        for (String speaker : speakers) {
            if (INTERVIEWER_LABEL.matcher(speaker).matches()) {
                return new SpeakerRoles(Optional.of(speaker));
            }
        }
        if (speakers.size() < 2) {
            return new SpeakerRoles(Optional.empty());
        }
        Map<String, int[]> questionsAndTurns = new HashMap<>();
        for (Utterance u : transcript.utterances()) {
            if (u.speaker() != null) {
                int[] counts = questionsAndTurns.computeIfAbsent(u.speaker(), s -> new int[2]);
                counts[0] += u.text().endsWith("?") ? 1 : 0;
                counts[1]++;
            }
        }
        String best = null;
        double bestRatio = 0.5;
        for (String speaker : speakers) {
            int[] counts = questionsAndTurns.get(speaker);
            double ratio = (double) counts[0] / counts[1];
            if (ratio > bestRatio) {
                best = speaker;
                bestRatio = ratio;
            }
        }
        return new SpeakerRoles(Optional.ofNullable(best));
    }

    Optional<String> interviewer() {
        return interviewer;
    }

    boolean isInterviewer(String speaker) {
        return speaker != null && interviewer.filter(speaker::equals).isPresent();
    }
}
