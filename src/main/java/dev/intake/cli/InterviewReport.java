package dev.intake.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.intake.eval.InterviewResult;
import dev.intake.interview.Evidence;
import dev.intake.interview.Question;
import dev.intake.store.ConversationLensStore;
import dev.intake.store.EvidenceStore;
import dev.intake.store.InsightStore;
import dev.intake.store.Interview;
import dev.intake.store.WorkspaceStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** What an interview produced: as a record (for --json and the evaluation) and as a person reads it. */
@ApplicationScoped
public class InterviewReport {

    private final EvidenceStore evidence;
    private final InsightStore insights;
    private final WorkspaceStore workspace;
    private final ConversationLensStore lenses;

    InterviewReport(EvidenceStore evidence, InsightStore insights, WorkspaceStore workspace, ConversationLensStore lenses) {
        this.evidence = evidence;
        this.insights = insights;
        this.workspace = workspace;
        this.lenses = lenses;
    }

    public InterviewResult result(Interview interview) {
        UUID id = interview.id();
        Map<UUID, String> questions = new HashMap<>();
        for (Question q : workspace.questions(interview.projectId())) {
            questions.put(q.id(), q.text());
        }
        List<Evidence> found = evidence.list(id);
        return new InterviewResult(id.toString(), interview.title(), interview.status().dbValue(),
                interview.currentStep().orElse(null), interview.progressPercent(),
                interview.lastError().map(e -> e.getString("step") + ": " + e.getString("message")).orElse(null),
                found.stream().map(e -> new InterviewResult.Quote(e.kind().key(), e.speaker(), e.startSec(),
                        e.verbatim())).toList(),
                evidence.people(id).stream().map(p -> new InterviewResult.Participant(p.name(), p.role().key(),
                        p.description())).toList(),
                insights.themes(id).stream().map(t -> new InterviewResult.Theme(t.name(), t.statement(),
                        t.evidenceIds().size())).toList(),
                insights.personas(id).stream().map(p -> new InterviewResult.Persona(p.name(), p.description(), p.goals(),
                        p.pains())).toList(),
                insights.answers(id, interview.projectId()).stream().map(a -> new InterviewResult.Answer(
                        questions.get(a.questionId()), a.answered(), a.answered() ? a.answer() : null)).toList(),
                takeaways(id, found));
    }

    /** The overview's key takeaways as the detail page shows them, each with the quotes of the evidence it cites. */
    private List<InterviewResult.Takeaway> takeaways(UUID id, List<Evidence> found) {
        Map<String, String> quotes = new HashMap<>();
        found.forEach(e -> quotes.put(e.id().toString(), e.verbatim()));
        return lenses.find(id).map(lens -> {
            JsonArray items = lens.analysisData().getJsonArray("key_takeaways", new JsonArray());
            List<InterviewResult.Takeaway> takeaways = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonObject item = items.getJsonObject(i);
                List<String> cited = item.getJsonArray("supporting_evidence_ids", new JsonArray()).stream()
                        .map(String::valueOf).filter(quotes::containsKey).map(quotes::get).toList();
                takeaways.add(new InterviewResult.Takeaway(item.getString("summary"), cited));
            }
            return takeaways;
        }).orElse(List.of());
    }

    void print(Interview interview, PrintWriter out) {
        InterviewResult result = result(interview);
        out.printf("Interview %s  \"%s\"%n", result.interviewId(), result.title());
        out.printf("  status %s, step %s, progress %d%%%n", result.status(),
                result.currentStep() == null ? "-" : result.currentStep(), result.progress());
        if (result.lastError() != null) {
            out.printf("  last error at %s%n", result.lastError());
        }
        List<InterviewResult.Quote> found = result.evidence();
        out.printf("%nEvidence (%d)%n", found.size());
        for (InterviewResult.Quote e : found) {
            out.printf("  [%s] %s%s: \"%s\"%n", e.kind(), e.speaker() == null ? "?" : e.speaker(),
                    e.startSec() == null ? "" : " @" + clock(e.startSec()), e.verbatim());
        }
        out.printf("%nPeople (%d)%n", result.people().size());
        result.people().forEach(p -> out.printf("  %s (%s)%s%n", p.name(), p.role(),
                p.description() == null ? "" : ": " + p.description()));
        out.printf("%nThemes (%d)%n", result.themes().size());
        result.themes().forEach(t -> out.printf("  %s: %s%n", t.name(), t.summary()));
        out.printf("%nPersonas (%d)%n", result.personas().size());
        result.personas().forEach(p -> {
            out.printf("  %s: %s%n", p.name(), p.description());
            p.goals().forEach(g -> out.printf("    goal: %s%n", g));
            p.pains().forEach(g -> out.printf("    pain: %s%n", g));
        });
        out.printf("%nAnswers (%d)%n", result.answers().size());
        result.answers().forEach(a -> out.printf("  %s%n    %s%n", a.question(), a.answered() ? a.answer() : "(unanswered)"));
        out.flush();
    }

    private static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format("%d:%02d", s / 60, s % 60);
    }
}
