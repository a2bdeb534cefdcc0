package dev.intake.entry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.intake.http.Fields;
import dev.intake.http.JsonProblems;
import dev.intake.http.NulCharacters;
import dev.intake.workflow.Printable;
import dev.intake.http.RequestRejected;

/**
 * The other two ways a bucket tells of a new object: an EventBridge "Object Created" event (key not
 * URL-encoded), and a Cloudflare R2 event notification, forwarded from its queue over HTTP with a
 * shared secret.
 */
public final class BucketEvents {

    private static final Logger LOG = Logger.getLogger(BucketEvents.class);

    /** The header the R2 queue consumer sends the shared secret in. */
    public static final String FORWARD_SECRET_HEADER = "x-intake-forward-secret";

    private static final Set<String> R2_CREATED = Set.of("PutObject", "CompleteMultipartUpload", "CopyObject");

    private BucketEvents() {
    }

    /** The object of an EventBridge event; empty (with a log line) for events other than S3's Object Created. */
    public static List<ObjectCreated> fromEventBridge(JsonNode event) {
        String type = Optional.ofNullable(text("detail-type", event.path("detail-type"))).orElse("");
        String source = Optional.ofNullable(text("source", event.path("source"))).orElse("");
        if (!type.equals("Object Created") || !source.equals("aws.s3")) {
            LOG.infof("ignored EventBridge event '%s' from %s: not an S3 object creation", Printable.of(type), Printable.of(source));
            return List.of();
        }
        Optional<String> nul = NulCharacters.findIn(event);
        if (nul.isPresent()) {
            throw new InvalidEventException(NulCharacters.refusal("the EventBridge event at " + nul.get()));
        }
        JsonNode detail = event.path("detail");
        String bucket = text("detail.bucket.name", detail.path("bucket").path("name"));
        String key = text("detail.object.key", detail.path("object").path("key"));
        if (bucket == null || key == null || key.isEmpty()) {
            throw new InvalidEventException("EventBridge Object Created event lacks detail.bucket.name or detail.object.key");
        }
        return List.of(new ObjectCreated(bucket, key, size("detail.object.size", detail.path("object").path("size"))));
    }

    /**
     * The created objects of an R2 notification, or of a batch (a JSON array) of them; a batch larger
     * than a queue sends is refused whole (413).
     */
    public static List<ObjectCreated> fromR2(JsonNode body) {
        List<JsonNode> messages = new ArrayList<>();
        if (body.isArray()) {
            body.forEach(messages::add);
        } else if (body.isObject()) {
            messages.add(body);
        } else {
            throw new InvalidEventException("an R2 notification is a JSON object or an array of them");
        }
        if (messages.size() > ObjectCreated.MAX_PER_EVENT) {
            throw new RequestRejected(413, "the batch has " + messages.size() + " notifications; at most "
                    + ObjectCreated.MAX_PER_EVENT + " are accepted in one request");
        }
        Optional<String> nul = NulCharacters.findIn(body);
        if (nul.isPresent()) {
            throw new InvalidEventException(NulCharacters.refusal("the R2 notification at " + nul.get()));
        }
        List<ObjectCreated> created = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode message = messages.get(i);
            if (!message.isObject()) {
                throw new InvalidEventException("R2 notification " + i + " must be an object, not " + JsonProblems.kindOf(message));
            }
            String action = text("notification " + i + "'s action", message.path("action"));
            String bucket = text("notification " + i + "'s bucket", message.path("bucket"));
            String key = text("notification " + i + "'s object.key", message.path("object").path("key"));
            if (action == null || bucket == null || key == null || key.isEmpty()) {
                throw new InvalidEventException("R2 notification " + i + " lacks action, bucket or object.key");
            }
            if (!R2_CREATED.contains(action)) {
                LOG.infof("ignored R2 notification %d: %s of %s is not an object creation", i, Printable.of(action), Printable.of(key));
                continue;
            }
            created.add(new ObjectCreated(bucket, key, size("notification " + i + "'s object.size", message.path("object").path("size"))));
        }
        return created;
    }

    /** The string at {@code node} (null when absent), refused when it is another type or fails {@link Fields}. */
    private static String text(String field, JsonNode node) {
        Fields.textRefusal(field, node).ifPresent(reason -> {
            throw new InvalidEventException(reason);
        });
        return node.isTextual() ? node.textValue() : null;
    }

    private static long size(String field, JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return -1;
        }
        if (!node.isIntegralNumber()) {
            throw new InvalidEventException(field + " must be a whole number, not " + JsonProblems.kindOf(node));
        }
        return node.asLong();
    }

    /** Checks the forwarding consumer's shared secret, in constant time; 401 when it is missing or wrong. */
    public static void verifyForwardSecret(Optional<String> configured, Map<String, String> lowerCaseHeaders) {
        String expected = configured.orElseThrow(() -> new IllegalStateException(
                "intake.r2.forward-secret (or 'r2ForwardSecret' in the app secret) is not configured; forwarded R2"
                        + " notifications cannot be accepted"));
        String given = lowerCaseHeaders.get(FORWARD_SECRET_HEADER);
        if (given == null) {
            throw RequestRejected.unauthenticated("missing " + FORWARD_SECRET_HEADER + " header");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8))) {
            throw RequestRejected.unauthenticated("wrong " + FORWARD_SECRET_HEADER);
        }
    }
}
