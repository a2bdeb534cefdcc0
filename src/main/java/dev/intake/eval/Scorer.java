package dev.intake.eval;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Scores what the pipeline produced for an interview against a researcher's labels. Text is compared
 * as words: lower case, curly quotes straightened, punctuation and runs of space read as one space.
 */
public final class Scorer {

    /** How transcripts name an interviewer they do not name. */
    private static final Set<String> UNNAMED_INTERVIEWERS = Set.of("interviewer", "host", "q", "moderator", "researcher");

    private Scorer() {
    }

    public static Score score(Labels labels, InterviewResult result) {
        List<String> phrases = labels.evidence().stream().map(l -> words(l.phrase())).toList();
        int found = 0;
        int kindsRight = 0;
        for (int i = 0; i < phrases.size(); i++) {
            Labels.EvidenceLabel label = labels.evidence().get(i);
            String phrase = phrases.get(i);
            List<InterviewResult.Quote> holding = holding(result, phrase);
            if (!holding.isEmpty()) {
                found++;
                if (holding.stream().anyMatch(q -> q.kind().equalsIgnoreCase(label.kind()))) {
                    kindsRight++;
                }
            }
        }
        int onALabel = 0;
        int byInterviewers = 0;
        for (InterviewResult.Quote quote : result.evidence()) {
            if (phrases.stream().anyMatch(phrase -> containsWords(quote.verbatim(), phrase))) {
                onALabel++;
            }
            if (isInterviewer(labels, quote.speaker())) {
                byInterviewers++;
            }
        }
        // Insights keeps only the speakers of a conversation as its people (a person merely talked about
        // is no participant), so only labeled speakers are scored.
        List<Labels.PersonLabel> speakers = labels.people().stream()
                .filter(p -> p.role().equalsIgnoreCase("interviewee") || p.role().equalsIgnoreCase("interviewer")).toList();
        int peopleRight = 0;
        for (Labels.PersonLabel person : speakers) {
            Optional<InterviewResult.Participant> match = result.people().stream()
                    .filter(p -> person.names().stream().anyMatch(n -> words(n).equals(words(p.name())))).findFirst();
            if (match.isPresent() && match.get().role().equalsIgnoreCase(person.role())) {
                peopleRight++;
            }
        }
        int answersRight = 0;
        for (Labels.QuestionLabel question : labels.questions()) {
            answersRight += answeredRight(question, answerTo(question, result)) ? 1 : 0;
        }
        int quoteWords = result.evidence().stream().mapToInt(q -> wordCount(q.verbatim())).sum();
        List<List<String>> takeawayPhrases = labels.overview().takeaways().stream()
                .map(t -> t.evidence().stream().map(Scorer::words).toList()).toList();
        int covered = (int) takeawayPhrases.stream()
                .filter(cited -> result.takeaways().stream().anyMatch(t -> cites(t, cited))).count();
        List<String> behindAny = takeawayPhrases.stream().flatMap(List::stream).toList();
        int takeawaysOnALabel = (int) result.takeaways().stream().filter(t -> cites(t, behindAny)).count();
        return new Score(labels.evidence().size(), found, kindsRight, result.evidence().size(), onALabel, byInterviewers,
                speakers.size(), peopleRight, labels.questions().size(), answersRight, quoteWords,
                takeawayPhrases.size(), covered, result.takeaways().size(), takeawaysOnALabel);
    }

    /**
     * What a person tuning the analyzer reads to see where it went wrong on one interview: each label
     * not found or found with another kind, each quote on no label, each question answered wrongly.
     */
    public static List<String> misses(Labels labels, InterviewResult result) {
        List<String> misses = new java.util.ArrayList<>();
        for (Labels.EvidenceLabel label : labels.evidence()) {
            List<InterviewResult.Quote> holding = holding(result, words(label.phrase()));
            if (holding.isEmpty()) {
                misses.add("missed " + label.kind() + ": " + label.phrase());
            } else if (holding.stream().noneMatch(q -> q.kind().equalsIgnoreCase(label.kind()))) {
                misses.add("kind " + holding.get(0).kind() + " for " + label.kind() + ": " + holding.get(0).verbatim());
            }
        }
        for (InterviewResult.Quote quote : result.evidence()) {
            if (labels.evidence().stream().noneMatch(l -> containsWords(quote.verbatim(), words(l.phrase())))) {
                misses.add("unlabeled " + quote.kind() + ": " + quote.verbatim());
            }
        }
        for (Labels.QuestionLabel question : labels.questions()) {
            String given = answerTo(question, result);
            if (!answeredRight(question, given)) {
                misses.add("answer to \"" + question.question() + "\" " + question.answerContains() + ": " + given);
            }
        }
        return misses;
    }

    private static List<InterviewResult.Quote> holding(InterviewResult result, String phrase) {
        return result.evidence().stream().filter(q -> containsWords(q.verbatim(), phrase)).toList();
    }

    /** The answer given to the labeled question, or null when it was left unanswered. */
    private static String answerTo(Labels.QuestionLabel question, InterviewResult result) {
        return result.answers().stream()
                .filter(a -> words(a.question()).equals(words(question.question())))
                .findFirst().filter(InterviewResult.Answer::answered).map(InterviewResult.Answer::answer).orElse(null);
    }

    /** No answer where the transcript holds none; otherwise an answer holding every labeled word. */
    private static boolean answeredRight(Labels.QuestionLabel question, String given) {
        if (question.unanswered() || question.answerContains().isEmpty()) {
            return given == null;
        }
        return given != null && question.answerContains().stream().allMatch(w -> containsWords(given, words(w)));
    }

    /** Whether the takeaway cites evidence holding one of {@code phrases} (already in {@link #words}). */
    private static boolean cites(InterviewResult.Takeaway takeaway, List<String> phrases) {
        return takeaway.evidence().stream().anyMatch(quote -> phrases.stream().anyMatch(p -> containsWords(quote, p)));
    }

    static int wordCount(String text) {
        String w = words(text);
        return w.isEmpty() ? 0 : w.split(" ").length;
    }

    private static boolean isInterviewer(Labels labels, String speaker) {
        if (speaker == null) {
            return false;
        }
        String name = words(speaker);
        return UNNAMED_INTERVIEWERS.contains(name) || labels.people().stream()
                .filter(p -> p.role().equalsIgnoreCase("interviewer"))
                .anyMatch(p -> p.names().stream().anyMatch(n -> words(n).equals(name)));
    }

    /** Whether {@code text} holds {@code phrase} (already in {@link #words}) as whole words. */
    static boolean containsWords(String text, String phrase) {
        return (" " + words(text) + " ").contains(" " + phrase + " ");
    }

    static String words(String text) {
        if (text == null) {
            return "";
        }
        String straight = text.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u201c', '"').replace('\u201d', '"');
        return straight.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}']+", " ").trim();
    }
}
