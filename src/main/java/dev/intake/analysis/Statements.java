package dev.intake.analysis;

import java.util.ArrayList;
import java.util.List;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;

/**
 * What the interviewees said, sentence by sentence, each with the question it answers: the last
 * question the research team asked before it, unless the conversation has moved on since (an
 * interviewer's remark without a question mark keeps the question before it in force).
 */
final class Statements {

    /** After this many turns without a new question, an answer is no longer read against the old one. */
    private static final int QUESTION_REACH = 3;

    /**
     * One sentence of an interviewee's turn: {@code start} and {@code end} locate it in the turn's text;
     * {@code question} is null when none is in reach; {@code turnsSinceQuestion} is 1 for a direct answer.
     */
    record Statement(int turn, int index, Utterance utterance, int start, int end, String question,
                     int turnsSinceQuestion) {

        String text() {
            return utterance.text().substring(start, end);
        }

        String speaker() {
            return utterance.speaker();
        }
    }

    private Statements() {
    }

    static List<Statement> of(Transcript transcript, SpeakerRoles roles) {
        List<Statement> statements = new ArrayList<>();
        String question = null;
        int askedAt = -1;
        List<Utterance> turns = transcript.utterances();
        for (int t = 0; t < turns.size(); t++) {
            Utterance u = turns.get(t);
            if (roles.isInterviewer(u.speaker())) {
                if (SpeakerRoles.asks(u.text())) {
                    question = u.text();
                    askedAt = t;
                }
                continue;
            }
            boolean inReach = question != null && t - askedAt <= QUESTION_REACH;
            List<int[]> spans = Words.spans(u.text());
            for (int i = 0; i < spans.size(); i++) {
                statements.add(new Statement(t, i, u, spans.get(i)[0], spans.get(i)[1], inReach ? question : null,
                        inReach ? t - askedAt : Integer.MAX_VALUE));
            }
        }
        return statements;
    }
}
