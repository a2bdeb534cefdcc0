package dev.intake.functions;

import java.util.Map;

import dev.intake.entry.EntryOutcome;
import dev.intake.http.HttpResponse;
import dev.intake.workflow.InterviewStatus;

/**
 * An entry point's outcome as HTTP: 202 for a new interview, 200 for one seen before or an ignored
 * event, 503 with Retry-After when its run could not be started (the sender delivers again).
 */
final class EntryResponses {

    static final int RETRY_AFTER_SECONDS = 30;

    private EntryResponses() {
    }

    static HttpResponse of(EntryOutcome outcome) {
        if (outcome instanceof EntryOutcome.Created created) {
            return HttpResponse.json(202, Map.of("interviewId", created.interviewId().toString(),
                    "status", InterviewStatus.UPLOADED.dbValue()));
        }
        if (outcome instanceof EntryOutcome.CreatedFailed failed) {
            return HttpResponse.json(202, Map.of("interviewId", failed.interviewId().toString(),
                    "status", InterviewStatus.ERROR.dbValue(), "error", failed.reason()));
        }
        if (outcome instanceof EntryOutcome.Existing existing) {
            return HttpResponse.json(200, Map.of("interviewId", existing.interviewId().toString(),
                    "status", existing.status(), "duplicate", true));
        }
        if (outcome instanceof EntryOutcome.Deferred deferred) {
            return HttpResponse.retryLater(Map.of("interviewId", deferred.interviewId().toString(),
                    "error", deferred.reason()), RETRY_AFTER_SECONDS);
        }
        return HttpResponse.json(200, Map.of("ignored", ((EntryOutcome.Ignored) outcome).reason()));
    }
}
