package dev.intake.cli;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.intake.providers.analysis.AnswerDraft;
import dev.intake.providers.analysis.Evidence;
import dev.intake.providers.analysis.Question;
import dev.intake.store.EvidenceStore;
import dev.intake.store.InsightStore;
import dev.intake.store.Interview;
import dev.intake.store.WorkspaceStore;
import jakarta.enterprise.context.ApplicationScoped;

/** What an interview produced, as a person reads it in a terminal. */
@ApplicationScoped
public class InterviewReport {

    private final EvidenceStore evidence;
    private final InsightStore insights;
    private final WorkspaceStore workspace;

    InterviewReport(EvidenceStore evidence, InsightStore insights, WorkspaceStore workspace) {
        this.evidence = evidence;
        this.insights = insights;
        this.workspace = workspace;
    }

    void print(Interview interview, PrintWriter out) {
        out.printf("Interview %s  \"%s\"%n", interview.id(), interview.title());
        out.printf("  status %s, step %s, progress %d%%%n", interview.status().dbValue(),
                interview.currentStep().orElse("-"), interview.progressPercent());
        interview.lastError().ifPresent(e -> out.printf("  last error at %s: %s%n", e.getString("step"),
                e.getString("message")));
        UUID id = interview.id();

        List<Evidence> found = evidence.list(id);
        out.printf("%nEvidence (%d)%n", found.size());
        for (Evidence e : found) {
            out.printf("  [%s] %s%s: \"%s\"%n", e.kind().key(), e.speaker() == null ? "?" : e.speaker(),
                    e.startSec() == null ? "" : " @" + clock(e.startSec()), e.verbatim());
        }
        var people = evidence.people(id);
        out.printf("%nPeople (%d)%n", people.size());
        people.forEach(p -> out.printf("  %s (%s)%s%n", p.name(), p.role().key(),
                p.description() == null ? "" : ": " + p.description()));
        var themes = insights.themes(id);
        out.printf("%nThemes (%d)%n", themes.size());
        themes.forEach(t -> out.printf("  %s: %s%n", t.name(), t.summary()));
        var personas = insights.personas(id);
        out.printf("%nPersonas (%d)%n", personas.size());
        personas.forEach(p -> {
            out.printf("  %s: %s%n", p.name(), p.description());
            p.goals().forEach(g -> out.printf("    goal: %s%n", g));
            p.pains().forEach(g -> out.printf("    pain: %s%n", g));
        });
        Map<UUID, String> questions = new HashMap<>();
        for (Question q : workspace.questions(interview.projectId())) {
            questions.put(q.id(), q.text());
        }
        List<AnswerDraft> answers = insights.answers(id, interview.projectId());
        out.printf("%nAnswers (%d)%n", answers.size());
        answers.forEach(a -> out.printf("  %s%n    %s%n", questions.get(a.questionId()),
                a.answered() ? a.answer() : "(unanswered)"));
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
