package dev.intake.steps;

import java.util.List;
import java.util.Optional;

import dev.intake.interview.ConversationOverview;
import dev.intake.interview.Evidence;
import dev.intake.interview.InterviewTitle;
import dev.intake.interview.Transcript;
import dev.intake.providers.analysis.AnalysisProvider;
import dev.intake.store.ConversationLensStore;
import dev.intake.store.EvidenceStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewDetailsStore;
import dev.intake.store.Reads;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Makes the interview {@code ready} with what Insights' finalize leaves: the conversation-overview lens
 * (summary, key takeaways tied to evidence, open questions, next steps), the interview's own fields its
 * upload path fills, and a title where the title is a placeholder. The completion it returns carries
 * {@code evidence_count}; recording it sets status, {@code current_step='complete'}, progress 100 and
 * {@code completed_at}.
 */
@ApplicationScoped
public class FinalizeStep implements StepHandler {

    private final EvidenceStore evidence;
    private final Reads reads;
    private final RunTranscripts transcripts;
    private final ConversationLensStore lenses;
    private final InterviewDetailsStore details;
    private final AnalysisProvider analyzer;

    FinalizeStep(EvidenceStore evidence, RunTranscripts transcripts, ConversationLensStore lenses,
                 InterviewDetailsStore details, Reads reads, AnalysisProvider analyzer) {
        this.reads = reads;
        this.evidence = evidence;
        this.transcripts = transcripts;
        this.lenses = lenses;
        this.details = details;
        this.analyzer = analyzer;
    }

    @Override
    public Step step() {
        return Step.FINALIZE;
    }

    @Override
    public JsonObject run(StepContext context) {
        Interview interview = context.interview();
        Optional<Transcript> transcript = transcripts.ifAny(context);
        var found = evidence.listing(interview.id());
        var count = evidence.counting(interview.id());
        Reads.Results in = reads.together(found, count);
        Optional<String> title = Optional.empty();
        // As Insights: no transcript, no overview (its finalize analyses only a transcript it has).
        if (transcript.isPresent() && !transcript.get().text().isBlank()) {
            String text = transcript.get().text();
            ConversationOverview overview = overview(transcript.get(), in.of(found), context);
            lenses.replace(context.lease(), overview);
            if (text.length() >= InterviewTitle.MIN_CONTENT && InterviewTitle.isPlaceholder(interview.title(),
                    InterviewDetailsStore.fileName(interview.mediaKey()).orElse(null))) {
                title = InterviewTitle.clean(overview.title());
            }
        }
        details.fill(context.lease(), interview, title, interview.title());
        return new JsonObject().put("evidence_count", in.of(count));
    }

    private ConversationOverview overview(Transcript transcript, List<Evidence> found, StepContext context) {
        String text = transcript.text();
        return text.length() < ConversationOverview.MIN_TRANSCRIPT ? ConversationOverview.ofShort(text)
                : analyzer.summarizeConversation(transcript, found, context.analysisContext());
    }
}
