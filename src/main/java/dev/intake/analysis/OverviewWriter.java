package dev.intake.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.intake.interview.ConversationOverview;
import dev.intake.interview.ConversationOverview.AskedQuestion;
import dev.intake.interview.ConversationOverview.ParticipantGoal;
import dev.intake.interview.ConversationOverview.Priority;
import dev.intake.interview.ConversationOverview.Recommendation;
import dev.intake.interview.ConversationOverview.Takeaway;
import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

/**
 * The conversation overview from what was said, without paraphrase: the takeaways are the most telling
 * evidence found ({@link Salience}), pains and willingness to pay first, each citing its own quote and id; the open questions are
 * the questions the interviewees asked and those nobody answered; the next steps follow up on the
 * high-priority takeaways. Deterministic: the same transcript and evidence give the same overview.
 */
final class OverviewWriter {

    static final int TAKEAWAYS = 5;
    static final int NEXT_STEPS = 3;
    static final int OPEN_QUESTIONS = 5;
    static final int QUESTIONS = 10;
    /** Insights keeps evidence snippets under 200 characters. */
    static final int SNIPPET = 200;

    private static final Map<EvidenceKind, Priority> PRIORITY = Map.of(
            EvidenceKind.PAIN, Priority.HIGH,
            EvidenceKind.WILLINGNESS_TO_PAY, Priority.HIGH,
            EvidenceKind.GOAL, Priority.MEDIUM,
            EvidenceKind.WORKAROUND, Priority.MEDIUM,
            EvidenceKind.CONTEXT, Priority.LOW);
    private static final Map<EvidenceKind, String> LABEL = Map.of(
            EvidenceKind.PAIN, "Pain",
            EvidenceKind.WILLINGNESS_TO_PAY, "Willingness to pay",
            EvidenceKind.GOAL, "Goal",
            EvidenceKind.WORKAROUND, "Workaround",
            EvidenceKind.CONTEXT, "Context");

    private OverviewWriter() {
    }

    static ConversationOverview write(Transcript transcript, List<Evidence> evidence) {
        SpeakerRoles roles = SpeakerRoles.of(transcript);
        List<Evidence> ranked = Salience.rank(evidence).stream()
                .sorted(Comparator.comparing((Evidence e) -> PRIORITY.get(e.kind())))
                .toList();
        List<Takeaway> takeaways = ranked.stream().limit(TAKEAWAYS)
                .map(e -> new Takeaway(PRIORITY.get(e.kind()), LABEL.get(e.kind()) + ": " + firstSentence(e.verbatim()),
                        List.of(snippet(e.verbatim())), List.of(e.id())))
                .toList();
        List<Recommendation> nextSteps = ranked.stream()
                .filter(e -> PRIORITY.get(e.kind()) == Priority.HIGH)
                .limit(NEXT_STEPS)
                .map(e -> new Recommendation(LABEL.get(e.kind()),
                        "Follow up with " + speaker(e) + " on: " + firstSentence(e.verbatim()),
                        speaker(e) + " said: \"" + snippet(e.verbatim()) + "\""))
                .toList();
        List<ParticipantGoal> goals = evidence.stream().filter(e -> e.kind() == EvidenceKind.GOAL)
                .map(e -> new ParticipantGoal(e.speaker(), e.verbatim(), snippet(e.verbatim()), null))
                .toList();
        return new ConversationOverview(overview(transcript, roles, ranked), duration(transcript),
                questions(transcript, roles), goals, takeaways, openQuestions(transcript, roles), nextSteps,
                evidence.isEmpty() ? null : ThemeNames.describe(List.of(evidence)).get(0).name());
    }

    /** Who spoke with whom, for how long, and the most telling quotes. */
    private static String overview(Transcript transcript, SpeakerRoles roles, List<Evidence> ranked) {
        List<String> interviewers = transcript.speakers().stream().filter(roles::isInterviewer).toList();
        List<String> others = transcript.speakers().stream().filter(s -> !roles.isInterviewer(s)).toList();
        StringBuilder text = new StringBuilder();
        if (!interviewers.isEmpty() && !others.isEmpty()) {
            text.append(names(interviewers)).append(" spoke with ").append(names(others));
        } else if (!transcript.speakers().isEmpty()) {
            text.append("A conversation with ").append(names(transcript.speakers()));
        } else {
            text.append("A conversation");
        }
        String duration = duration(transcript);
        text.append(duration == null ? "" : " for " + duration).append('.');
        for (Evidence e : ranked.stream().limit(3).toList()) {
            text.append(' ').append(speaker(e)).append(" said: \"").append(snippet(e.verbatim())).append("\"");
        }
        return text.toString();
    }

    private static List<AskedQuestion> questions(Transcript transcript, SpeakerRoles roles) {
        List<AskedQuestion> asked = new ArrayList<>();
        for (Utterance u : transcript.utterances()) {
            if (!roles.isInterviewer(u.speaker())) {
                continue;
            }
            for (String sentence : Words.sentences(u.text())) {
                if (sentence.endsWith("?") && asked.size() < QUESTIONS) {
                    asked.add(new AskedQuestion(sentence, u.speaker(), null, snippet(sentence), null));
                }
            }
        }
        return asked;
    }

    /** The questions an interviewee asked, and the interviewer's questions no interviewee answered. */
    private static List<String> openQuestions(Transcript transcript, SpeakerRoles roles) {
        Set<String> open = new LinkedHashSet<>();
        List<Utterance> turns = transcript.utterances();
        for (int i = 0; i < turns.size(); i++) {
            Utterance u = turns.get(i);
            boolean interviewer = roles.isInterviewer(u.speaker());
            boolean answered = i + 1 < turns.size() && !roles.isInterviewer(turns.get(i + 1).speaker());
            if (interviewer && answered) {
                continue;
            }
            for (String sentence : Words.sentences(u.text())) {
                if (sentence.endsWith("?")) {
                    open.add(sentence);
                }
            }
        }
        return open.stream().limit(OPEN_QUESTIONS).toList();
    }

    private static String duration(Transcript transcript) {
        double seconds = transcript.durationSec();
        if (seconds <= 0) {
            return null;
        }
        long minutes = Math.max(1, Math.round(seconds / 60));
        return String.format(Locale.ROOT, "about %d minute%s", minutes, minutes == 1 ? "" : "s");
    }

    private static String names(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static String speaker(Evidence e) {
        return e.speaker() == null ? "The participant" : e.speaker();
    }

    private static String firstSentence(String text) {
        List<String> sentences = Words.sentences(text);
        return snippet(sentences.isEmpty() ? text : sentences.get(0));
    }

    /** At most {@link #SNIPPET} characters, cut at a word with an ellipsis. */
    static String snippet(String text) {
        String stripped = text.strip();
        if (stripped.length() < SNIPPET) {
            return stripped;
        }
        int cut = stripped.lastIndexOf(' ', SNIPPET - 2);
        return stripped.substring(0, cut > 0 ? cut : SNIPPET - 2) + "…";
    }
}
