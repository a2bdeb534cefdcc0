package dev.intake.functions;

import java.io.IOException;
import java.util.List;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.engine.EventBudgetConfig;
import dev.intake.entry.BucketEvents;
import dev.intake.entry.ForwardSecret;
import dev.intake.entry.InvalidEventException;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.S3Events;
import dev.intake.entry.S3Notification;
import dev.intake.entry.UploadCompletion;
import dev.intake.entry.UploadOutcome;
import dev.intake.http.HttpAdapter;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import dev.intake.http.JsonProblems;
import dev.intake.http.RequestRejected;
import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A new object in the media bucket, told by an S3 notification, an EventBridge "Object Created"
 * event, or an R2 notification forwarded over a Function URL. Out: what became of each object (for
 * the Function URL, as its HTTP response).
 */
public class UploadCompletedFunction {

    private static final Logger LOG = Logger.getLogger(UploadCompletedFunction.class);

    /** A full batch of R2 notifications (ObjectCreated.MAX_PER_EVENT) with long keys fits well within this. */
    private static final int MAX_FORWARDED_BODY_BYTES = 1024 * 1024;

    private final UploadCompletion completion;
    private final ObjectMapper json;
    private final ForwardSecret forwardSecret;
    private final java.time.Duration timeBudget;

    UploadCompletedFunction(UploadCompletion completion, ObjectMapper json, EventBudgetConfig config, ForwardSecret forwardSecret) {
        this.completion = completion;
        this.json = json;
        this.forwardSecret = forwardSecret;
        this.timeBudget = config.eventTimeBudget();
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
            if (outcome instanceof UploadOutcome.NotReached n) {
                return new Result(n.key(), "deferred", null, "not reached within this delivery's time; to be delivered again");
            }
            UploadOutcome.StartDeferred d = (UploadOutcome.StartDeferred) outcome;
            return new Result(d.key(), "deferred", d.interviewId().toString(), d.reason());
        }
    }

    @RegisterForReflection
    public record Response(List<Result> results) {
        boolean deferred() {
            return results.stream().anyMatch(r -> "deferred".equals(r.outcome()));
        }
    }

    @Funq("upload-completed")
    public JsonNode uploadCompleted(JsonNode event) {
        try {
            if (event != null && event.has("Records")) {
                S3Events.checkShape(event);
                return json.valueToTree(failUnlessStarted(accept(S3Events.objectsCreated(json.treeToValue(event, S3Notification.class)))));
            }
            if (event != null && event.has("detail-type")) {
                return json.valueToTree(failUnlessStarted(accept(BucketEvents.fromEventBridge(event))));
            }
            if (event != null && event.has("requestContext")) {
                return json.valueToTree(HttpAdapter.respond("upload-completed", json.treeToValue(event, HttpRequest.class),
                        MAX_FORWARDED_BODY_BYTES, this::forwardedR2));
            }
            throw new InvalidEventException("not an S3 notification, an EventBridge event or a forwarded R2 notification");
        } catch (InvalidEventException e) {
            LOG.warnf("upload-completed rejected an event: %s; nothing written", e.getMessage());
            throw e;
        } catch (JsonProcessingException e) {
            // Jackson's own message names Java types; the sender is told which field, in JSON's terms.
            InvalidEventException invalid = new InvalidEventException("the event does not have the shape of its kind: "
                    + JsonProblems.describe(e));
            LOG.warnf("upload-completed rejected an event: %s; nothing written", invalid.getMessage());
            throw invalid;
        }
    }

    private HttpResponse forwardedR2(HttpRequest request) {
        HttpMethods.require(request, "POST");
        forwardSecret.verify(request.lowerCaseHeaders());
        JsonNode body;
        try {
            body = json.readTree(request.rawBody());
        } catch (IOException e) {
            throw RequestRejected.malformed("the body is not JSON");
        }
        try {
            Response response = accept(BucketEvents.fromR2(body));
            // The queue consumer that forwarded it delivers it again on a 5xx.
            return response.deferred() ? HttpResponse.retryLater(response, EntryResponses.RETRY_AFTER_SECONDS) : HttpResponse.json(200, response);
        } catch (InvalidEventException e) {
            throw RequestRejected.malformed(e.getMessage());
        }
    }

    /**
     * S3 and EventBridge invoke asynchronously: failing the invocation makes Lambda deliver the event
     * again (and, past its retries, to the dead-letter queue), which is what a deferred start needs.
     */
    private static Response failUnlessStarted(Response response) {
        if (response.deferred()) {
            throw new StartDeferredException("the run of an uploaded interview could not be started; this event is to be"
                    + " delivered again: " + response.results());
        }
        return response;
    }

    /** Fails an invocation whose work is recorded but whose run the engine did not take yet. */
    public static final class StartDeferredException extends RuntimeException {
        StartDeferredException(String message) {
            super(message);
        }
    }

    private Response accept(List<ObjectCreated> objects) {
        return new Response(completion.acceptAll(objects, timeBudget).stream().map(Result::of).toList());
    }
}
