package dev.intake.analysis;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

/**
 * Tells the research team from the interviewees. On the team: a speaker labelled as one ("Interviewer",
 * "Host", "Q"), the host the source marks (Recall.ai's), else the speaker who mostly asks questions; and
 * beside them anyone else who speaks mostly in questions, as a note-taker chiming in does. The team's
 * words are never evidence.
 * The labels are in {@code analysis/speakers.rules}.
 */
final class SpeakerRoles {

    private static final Pattern INTERVIEWER_LABEL = RuleFile.load("/analysis/speakers.rules", Set.of("interviewer-label"))
            .pattern("interviewer-label");
    /** Half of someone's turns asking something puts them on the asking side of the table. */
    private static final double ASKING = 0.5;

    private final Set<String> interviewers;

    private SpeakerRoles(Set<String> interviewers) {
        this.interviewers = Set.copyOf(interviewers);
    }

    static SpeakerRoles of(Transcript transcript) {
        List<String> speakers = transcript.speakers();
        Set<String> team = new LinkedHashSet<>();
        for (String speaker : speakers) {
            if (INTERVIEWER_LABEL.matcher(speaker).matches() || transcript.hosts().contains(speaker)) {
                team.add(speaker);
            }
        }
        if (speakers.size() < 2) {
            return new SpeakerRoles(team);
        }
        Map<String, int[]> asked = questionsAndTurns(transcript);
        if (team.isEmpty()) {
            leadInterviewer(speakers, asked).ifPresent(team::add);
        }
        if (team.isEmpty()) {
            return new SpeakerRoles(team);
        }
        for (String speaker : speakers) {
            int[] counts = asked.get(speaker);
            if (!team.contains(speaker) && counts[0] >= ASKING * counts[1] && counts[0] > 0
                    && team.size() + 1 < speakers.size()) {
                team.add(speaker);
            }
        }
        return new SpeakerRoles(team);
    }

    /** The speaker asking the largest share of their turns, when that is more than half of them. */
    private static Optional<String> leadInterviewer(List<String> speakers, Map<String, int[]> asked) {
        String best = null;
        double bestRatio = 0.3;
        for (String speaker : speakers) {
            int[] counts = asked.get(speaker);
            double ratio = (double) counts[0] / counts[1];
            if (ratio > bestRatio) {
                best = speaker;
                bestRatio = ratio;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Map<String, int[]> questionsAndTurns(Transcript transcript) {
        Map<String, int[]> counts = new HashMap<>();
        for (Utterance u : transcript.utterances()) {
            if (u.speaker() != null) {
                int[] c = counts.computeIfAbsent(u.speaker(), s -> new int[2]);
                c[0] += asks(u.text()) ? 1 : 0;
                c[1]++;
            }
        }
        return counts;
    }

    /** Whether a turn asks something: one of its sentences is a question. */
    static boolean asks(String text) {
        return Words.sentences(text).stream().anyMatch(s -> s.endsWith("?"));
    }

    Set<String> interviewers() {
        return interviewers;
    }

    boolean isInterviewer(String speaker) {
        return speaker != null && interviewers.contains(speaker);
    }
}
