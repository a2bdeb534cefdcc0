package dev.intake.access;

import java.util.UUID;

import dev.intake.ingest.RequestRejected;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import jakarta.enterprise.context.ApplicationScoped;

/** An interview's progress, for members of its account only. */
@ApplicationScoped
public class InterviewStatusQuery {

    private final InterviewStore interviews;
    private final AccountAccess access;

    InterviewStatusQuery(InterviewStore interviews, AccountAccess access) {
        this.interviews = interviews;
        this.access = access;
    }

    public StatusView statusOf(Caller caller, UUID interviewId) {
        Interview interview = interviews.find(interviewId)
                .orElseThrow(() -> RequestRejected.notFound("no interview " + interviewId));
        access.requireMember(caller, interview.accountId());
        var analysis = interview.analysis();
        return new StatusView(interview.id().toString(), interview.title(), interview.status().dbValue(),
                interview.currentStep().orElse(null), interview.progressPercent(), interview.statusDetail().orElse(null),
                interview.completedSteps(), interview.lastError().map(e -> e.getMap()).orElse(null),
                interview.createdAt().toString(), interview.updatedAt().toString(),
                analysis.getString("completed_at"), analysis.getString("failed_at"));
    }
}
