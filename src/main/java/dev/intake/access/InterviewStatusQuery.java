package dev.intake.access;

import java.util.UUID;

import dev.intake.http.RequestRejected;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * An interview's progress, for members of its account only. To anyone else it does not exist: the same
 * 404, body and log line as an id nobody has, so ids of other accounts cannot be told from random ones.
 */
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
                .filter(found -> access.isMember(caller, found.accountId()))
                .orElseThrow(() -> RequestRejected.notFound("no interview " + interviewId));
        var analysis = interview.analysis();
        return new StatusView(interview.id().toString(), interview.title(), interview.status().dbValue(),
                interview.currentStep().orElse(null), interview.progressPercent(), interview.statusDetail().orElse(null),
                interview.completedSteps(), interview.lastError().map(InterviewStatusQuery::forItsUser).orElse(null),
                interview.createdAt().toString(), interview.updatedAt().toString(),
                analysis.getString("completed_at"), analysis.getString("failed_at"));
    }

    /** The recorded error without the operators' detail (a driver's text), which is not the user's to read. */
    private static java.util.Map<String, Object> forItsUser(io.vertx.core.json.JsonObject error) {
        java.util.Map<String, Object> shown = new java.util.LinkedHashMap<>(error.getMap());
        shown.remove("detail");
        return shown;
    }
}
