package dev.intake.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import dev.intake.providers.transcription.TranscriptFormat;
import dev.intake.providers.transcription.TranscriptParser;

/**
 * The evaluation set as bench/eval/README.md promises it: big and varied enough that a figure on it
 * means something, split once into a small tuning set and a larger held-out one, and every labels file
 * passing the checks the README lists (so a score is never lost to a label that could not match).
 */
class EvaluationSetTest {

    static final Path EVAL = Path.of("bench/eval");
    private static final Set<String> KINDS = Set.of("pain", "goal", "willingness_to_pay", "workaround", "context");
    private static final Set<String> ROLES = Set.of("interviewee", "interviewer", "mentioned");
    private static final Set<String> UNNAMED = Set.of("interviewer", "host", "q", "moderator", "researcher");
    private static final Set<String> FIELDS = Set.of("transcript", "domain", "questions", "people", "evidence", "overview");
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    static List<Path> labelFiles(String set) throws IOException {
        try (Stream<Path> files = Files.list(EVAL.resolve(set))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".labels.json")).sorted().toList();
        }
    }

    @Test
    void the_set_holds_at_least_forty_interviews_in_thirty_domains_split_into_at_most_sixteen_to_tune_on() throws IOException {
        List<Path> tune = labelFiles("tune");
        List<Path> holdout = labelFiles("holdout");
        Set<String> domains = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (Path file : concat(tune, holdout)) {
            domains.add(JSON.readTree(file.toFile()).get("domain").asText());
            assertTrue(names.add(file.getFileName().toString()), "one interview in both sets: " + file.getFileName());
        }

        assertTrue(tune.size() <= 16, tune.size() + " interviews to tune on");
        assertTrue(tune.size() + holdout.size() >= 40, (tune.size() + holdout.size()) + " interviews");
        assertTrue(holdout.size() > tune.size(), "more held out than tuned on");
        assertTrue(domains.size() >= 30, domains.size() + " domains");
    }

    @Test
    void every_labels_file_passes_the_checks_the_readme_lists() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : concat(labelFiles("tune"), labelFiles("holdout"))) {
            check(file).forEach(p -> problems.add(EVAL.relativize(file) + ": " + p));
        }

        assertEquals(List.of(), problems);
    }

    private static List<String> check(Path file) throws IOException {
        List<String> problems = new ArrayList<>();
        JsonNode labels = JSON.readTree(file.toFile());
        labels.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                problems.add("unknown field " + f);
            }
        });
        JSON.treeToValue(labels, Labels.class);
        Path transcriptFile = file.resolveSibling(labels.get("transcript").asText());
        if (!Files.isRegularFile(transcriptFile)) {
            return List.of("names " + transcriptFile.getFileName() + ", which is not in its folder");
        }
        Transcript transcript;
        try (InputStream in = Files.newInputStream(transcriptFile)) {
            transcript = TranscriptParser.parse(TranscriptFormat.forFileName(transcriptFile.toString()).orElseThrow(), in,
                    1 << 22);
        }
        String whole = " " + Scorer.words(Files.readString(transcriptFile)) + " ";
        Map<String, String> roleOf = new HashMap<>();
        for (JsonNode person : labels.get("people")) {
            String role = person.get("role").asText();
            if (!ROLES.contains(role)) {
                problems.add("role " + role);
            }
            List<String> forms = new ArrayList<>(List.of(person.get("name").asText()));
            person.path("also").forEach(f -> forms.add(f.asText()));
            for (String form : forms) {
                roleOf.put(Scorer.words(form), role);
                String w = Scorer.words(form);
                if (!whole.contains(" " + w + " ") && !whole.contains(" " + w + "'s ")) {
                    problems.add("'" + form + "' is not in the transcript");
                }
            }
        }
        for (String speaker : transcript.speakers()) {
            String role = roleOf.get(Scorer.words(speaker));
            if (!UNNAMED.contains(Scorer.words(speaker)) && !"interviewee".equals(role) && !"interviewer".equals(role)) {
                problems.add("speaker " + speaker + " has no people entry with a speaking role");
            }
        }
        transcript.hosts().forEach(host -> {
            if (!"interviewer".equals(roleOf.getOrDefault(Scorer.words(host), "interviewer"))) {
                problems.add("the host " + host + " is not an interviewer");
            }
        });
        List<String> intervieweeSpeech = new ArrayList<>();
        Double previous = null;
        for (Utterance u : transcript.utterances()) {
            if ("interviewee".equals(roleOf.get(Scorer.words(u.speaker())))) {
                intervieweeSpeech.add(" " + Scorer.words(u.text()) + " ");
            }
            if (u.startSec() != null && previous != null && u.startSec() < previous) {
                problems.add("timestamps go back at " + u.startSec());
            }
            previous = u.startSec() != null ? u.startSec() : previous;
        }
        Set<String> phrases = new HashSet<>();
        Map<String, Integer> kinds = new HashMap<>();
        for (JsonNode evidence : labels.get("evidence")) {
            String phrase = Scorer.words(evidence.get("phrase").asText());
            phrases.add(phrase);
            kinds.merge(evidence.get("kind").asText(), 1, Integer::sum);
            int words = phrase.split(" ").length;
            if (words < 4 || words > 12) {
                problems.add(words + " words: " + phrase);
            }
            if (!KINDS.contains(evidence.get("kind").asText())) {
                problems.add("kind " + evidence.get("kind").asText());
            }
            int at = whole.indexOf(" " + phrase + " ");
            if (at < 0 || whole.indexOf(" " + phrase + " ", at + 1) >= 0) {
                problems.add("not exactly once in the transcript: " + phrase);
            }
            if (intervieweeSpeech.stream().noneMatch(t -> t.contains(" " + phrase + " "))) {
                problems.add("not inside one interviewee's utterance: " + phrase);
            }
        }
        if (kinds.getOrDefault("pain", 0) < 2 || !kinds.keySet().containsAll(Set.of("goal", "workaround", "context"))) {
            problems.add("fewer than 2 pains, a goal, a workaround and a context: " + kinds);
        }
        for (JsonNode question : labels.get("questions")) {
            for (JsonNode word : question.path("answer_contains")) {
                String w = word.asText();
                if (!w.equals(w.toLowerCase(java.util.Locale.ROOT))) {
                    problems.add("answer word not lower case: " + w);
                }
                if (intervieweeSpeech.stream().noneMatch(t -> t.contains(" " + Scorer.words(w) + " "))) {
                    problems.add("answer word no interviewee says: " + w);
                }
            }
            if (question.path("unanswered").asBoolean() && question.path("answer_contains").size() > 0) {
                problems.add("an unanswered question with answer words: " + question.get("question").asText());
            }
        }
        for (JsonNode takeaway : labels.path("overview").path("takeaways")) {
            for (JsonNode cited : takeaway.get("evidence")) {
                if (!phrases.contains(Scorer.words(cited.asText()))) {
                    problems.add("a takeaway cites what is no evidence label: " + cited.asText());
                }
            }
        }
        return problems;
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
