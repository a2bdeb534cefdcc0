package dev.intake.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.interview.Evidence;
import dev.intake.interview.EvidenceKind;
import dev.intake.interview.Transcript;
import dev.intake.interview.Utterance;
import dev.intake.analysis.Statements.Statement;

/**
 * The shortcuts that keep a long interview's analysis near linear find exactly what the plain scans
 * they replace find: the pair of theme groups to join next, and the evidence that quotes a statement.
 * The plain scans are written out here as the definition.
 */
class LongInterviewAnalysisTest {

    @Test
    void grouping_joins_the_same_groups_as_comparing_every_pair_at_every_join() {
        for (long seed = 1; seed <= 40; seed++) {
            Random random = new Random(seed);
            int n = 2 + random.nextInt(60);
            double[][] alike = new double[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    // Coarse values, so that ties (which go to the earlier groups) happen often.
                    alike[i][j] = Math.round(random.nextDouble() * 8) / 8.0 - 0.3;
                    alike[j][i] = alike[i][j];
                }
            }
            for (boolean average : new boolean[] {true, false}) {
                assertEquals(everyPair(alike, n, average, 0.15), ThemeFinder.cluster(alike, n, average, 0.15),
                        "seed " + seed + (average ? ", average link" : ", single link"));
            }
        }
    }

    @Test
    void the_evidence_quoting_a_statement_is_the_first_that_holds_it_or_lies_within_it() {
        Transcript transcript = new Transcript("vtt", List.of(
                new Utterance("Interviewer", 0.0, 1.0, "What is hard?"),
                new Utterance("Ana", 1.0, 2.0, "It's painful. Honestly, it's painful. We copy the sheet by hand."),
                new Utterance("Ana", 2.0, 3.0, "Two weeks. We copy the sheet by hand, every time."),
                new Utterance("Ben", 3.0, 4.0, "We copy the sheet by hand. Yes.")));
        List<Statement> statements = Statements.of(transcript, SpeakerRoles.of(transcript));
        List<Evidence> evidence = List.of(
                evidence("it's painful.", "Ana"),
                evidence("Honestly, it's painful. We copy the sheet by hand.", "Ana"),
                evidence("We copy the sheet by hand, every time.", null),
                evidence("sheet", "Ben"),
                evidence("Yes.", "Ben"),
                evidence("Two weeks.", "Ana"));
        Quotations quotations = Quotations.of(evidence);
        for (Statement s : statements) {
            assertEquals(scanOfAll(s, evidence), quotations.of(s), s.text());
        }
        assertTrue(statements.stream().filter(s -> quotations.of(s).isPresent()).count() >= 5);
    }

    @Test
    void the_evidence_quoting_each_statement_of_a_long_call_is_what_a_scan_of_all_evidence_finds() {
        Random random = new Random(7);
        List<Utterance> turns = new ArrayList<>();
        String[] sentences = {"We copy the sheet by hand.", "It takes two weeks.", "I'd pay fifty dollars a month.",
                "Honestly, it's painful.", "Nobody owns the wiki.", "My manager signs off.", "Yes.", "Ok, sure."};
        for (int t = 0; t < 300; t++) {
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 1 + random.nextInt(3); s++) {
                text.append(s == 0 ? "" : " ").append(sentences[random.nextInt(sentences.length)]);
            }
            turns.add(new Utterance(t % 2 == 0 ? "Interviewer" : random.nextBoolean() ? "Ana" : "Ben", (double) t, t + 1.0,
                    t % 2 == 0 ? "What else is hard?" : text.toString()));
        }
        Transcript transcript = new Transcript("vtt", turns);
        List<Statement> statements = Statements.of(transcript, SpeakerRoles.of(transcript));
        List<Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < statements.size(); i += 1 + random.nextInt(3)) {
            Statement s = statements.get(i);
            String verbatim = random.nextInt(5) == 0 ? s.utterance().text() : s.text();
            evidence.add(evidence(verbatim, random.nextInt(4) == 0 ? null : s.speaker()));
        }
        Quotations quotations = Quotations.of(evidence);
        for (Statement s : statements) {
            assertEquals(scanOfAll(s, evidence), quotations.of(s), s.text());
        }
    }

    private static Evidence evidence(String verbatim, String speaker) {
        return new Evidence(UUID.randomUUID(), EvidenceKind.PAIN, verbatim, speaker, null, null);
    }

    /** The definition: the first evidence, in order, whose quote holds the statement or lies within it, by its speaker. */
    private static Optional<Evidence> scanOfAll(Statement s, List<Evidence> evidence) {
        return evidence.stream()
                .filter(e -> (e.verbatim().contains(s.text()) || s.text().contains(e.verbatim()))
                        && (e.speaker() == null || e.speaker().equals(s.speaker())))
                .findFirst();
    }

    /** The definition: join the most alike pair of groups (the earliest on ties) while it is alike enough. */
    private static List<List<Integer>> everyPair(double[][] alike, int n, boolean average, double threshold) {
        double[][] link = new double[n][];
        List<List<Integer>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            link[i] = java.util.Arrays.copyOf(alike[i], n);
            groups.add(new ArrayList<>(List.of(i)));
        }
        boolean[] gone = new boolean[n];
        while (true) {
            int bestA = -1;
            int bestB = -1;
            double best = threshold;
            for (int a = 0; a < n; a++) {
                for (int b = a + 1; b < n && !gone[a]; b++) {
                    if (!gone[b] && link[a][b] >= best && (bestA < 0 || link[a][b] > best)) {
                        best = link[a][b];
                        bestA = a;
                        bestB = b;
                    }
                }
            }
            if (bestA < 0) {
                break;
            }
            int sizeA = groups.get(bestA).size();
            int sizeB = groups.get(bestB).size();
            for (int k = 0; k < n; k++) {
                if (!gone[k] && k != bestA && k != bestB) {
                    double joined = average ? (sizeA * link[bestA][k] + sizeB * link[bestB][k]) / (sizeA + sizeB)
                            : Math.max(link[bestA][k], link[bestB][k]);
                    link[bestA][k] = joined;
                    link[k][bestA] = joined;
                }
            }
            groups.get(bestA).addAll(groups.get(bestB));
            groups.get(bestA).sort(Integer::compare);
            gone[bestB] = true;
        }
        List<List<Integer>> remaining = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!gone[i]) {
                remaining.add(groups.get(i));
            }
        }
        return remaining;
    }
}
