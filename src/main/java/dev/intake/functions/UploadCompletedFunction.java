package dev.intake.functions;

import java.util.List;

import org.jboss.logging.Logger;

import dev.intake.ingest.InvalidEventException;
import dev.intake.ingest.ObjectCreated;
import dev.intake.ingest.S3Events;
import dev.intake.ingest.S3Notification;
import dev.intake.ingest.UploadCompletion;
import dev.intake.ingest.UploadOutcome;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** S3 ObjectCreated notification in, what became of each object out. */
public class UploadCompletedFunction {

    private static final Logger LOG = Logger.getLogger(UploadCompletedFunction.class);

    private final UploadCompletion completion;

    UploadCompletedFunction(UploadCompletion completion) {
        this.completion = completion;
    }

    @RegisterForReflection
    public record Result(String key, String outcome, String interviewId, String detail) {
        static Result of(UploadOutcome outcome) {
            if (outcome instanceof UploadOutcome.Started s) {
                return new Result(s.key(), "started", s.interviewId().toString(), s.runId());
            }
            if (outcome instanceof UploadOutcome.AlreadyReceived a) {
                return new Result(a.key(), "duplicate", a.interviewId().toString(), a.status());
            }
            if (outcome instanceof UploadOutcome.Ignored i) {
                return new Result(i.key(), "ignored", null, i.reason());
            }
            if (outcome instanceof UploadOutcome.Rejected r) {
                return new Result(r.key(), "rejected", null, r.reason());
            }
            UploadOutcome.StartFailed f = (UploadOutcome.StartFailed) outcome;
            return new Result(f.key(), "failed", f.interviewId().toString(), f.reason());
        }
    }

    @RegisterForReflection
    public record Response(List<Result> results) {
    }

    @Funq("upload-completed")
    public Response uploadCompleted(S3Notification event) {
        List<ObjectCreated> objects;
        try {
            objects = S3Events.objectsCreated(event);
        } catch (InvalidEventException e) {
            LOG.warnf("upload-completed rejected an event: %s; nothing written", e.getMessage());
            throw e;
        }
        return new Response(completion.acceptAll(objects).stream().map(Result::of).toList());
    }
}
