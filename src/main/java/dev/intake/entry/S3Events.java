package dev.intake.entry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.intake.entry.InvalidEventException;
import dev.intake.entry.ObjectCreated;
import com.fasterxml.jackson.databind.JsonNode;

import dev.intake.http.Fields;
import dev.intake.http.JsonProblems;
import dev.intake.workflow.Printable;
import org.jboss.logging.Logger;

/** Reads the objects an S3 notification announces, checking its shape first. */
public final class S3Events {

    private static final Logger LOG = Logger.getLogger(S3Events.class);

    private S3Events() {
    }

    /**
     * The created objects of {@code event}, keys decoded. Records of other events (deletes, restores)
     * are left out with a log line; a record missing what every S3 record has makes the whole event
     * invalid, so a malformed delivery never half-applies.
     */
    public static List<ObjectCreated> objectsCreated(S3Notification event) {
        if (event == null || event.records() == null) {
            throw new InvalidEventException("not an S3 notification: 'Records' is missing");
        }
        if (event.records().isEmpty()) {
            throw new InvalidEventException("S3 notification has no records");
        }
        if (event.records().size() > ObjectCreated.MAX_PER_EVENT) {
            throw new InvalidEventException("S3 notification has " + event.records().size() + " records; at most "
                    + ObjectCreated.MAX_PER_EVENT + " are accepted in one event");
        }
        List<ObjectCreated> created = new ArrayList<>();
        for (int i = 0; i < event.records().size(); i++) {
            S3Notification.Record record = event.records().get(i);
            String where = "record " + i;
            if (record == null || record.eventName() == null || record.s3() == null || record.s3().bucket() == null
                    || record.s3().bucket().name() == null || record.s3().object() == null
                    || record.s3().object().key() == null || record.s3().object().key().isEmpty()) {
                throw new InvalidEventException(where + " lacks eventName, s3.bucket.name or s3.object.key");
            }
            if (!"aws:s3".equals(record.eventSource())) {
                throw new InvalidEventException(where + " has eventSource '" + record.eventSource() + "', not 'aws:s3'");
            }
            if (!record.eventName().startsWith("ObjectCreated:")) {
                LOG.infof("ignored %s: %s of %s is not an object creation", where, Printable.of(record.eventName()),
                        Printable.of(record.s3().object().key()));
                continue;
            }
            Long size = record.s3().object().size();
            created.add(new ObjectCreated(record.s3().bucket().name(), decode(record.s3().object().key(), where),
                    size == null ? -1 : size));
        }
        return created;
    }

    /**
     * Refuses, before the event is mapped, what mapping would hide: 'Records' that is not an array, and a
     * field S3 sends as a string that is another type (Jackson would turn the number 7 into the key "7"),
     * holds a control character or is overlong.
     */
    public static void checkShape(JsonNode event) {
        JsonNode records = event.path("Records");
        if (!records.isArray()) {
            throw new InvalidEventException("Records must be an array of S3 event records, not " + JsonProblems.kindOf(records));
        }
        for (int i = 0; i < records.size(); i++) {
            JsonNode record = records.get(i);
            if (!record.isObject()) {
                throw new InvalidEventException("Records[" + i + "] must be an object, not " + JsonProblems.kindOf(record));
            }
            text("Records[" + i + "].eventSource", record.path("eventSource"));
            text("Records[" + i + "].eventName", record.path("eventName"));
            text("Records[" + i + "].s3.bucket.name", record.path("s3").path("bucket").path("name"));
            text("Records[" + i + "].s3.object.key", record.path("s3").path("object").path("key"));
            JsonNode size = record.path("s3").path("object").path("size");
            if (!size.isMissingNode() && !size.isNull() && !size.isIntegralNumber()) {
                throw new InvalidEventException("Records[" + i + "].s3.object.size must be a whole number, not "
                        + JsonProblems.kindOf(size));
            }
        }
    }

    private static void text(String field, JsonNode node) {
        Fields.textRefusal(field, node).ifPresent(reason -> {
            throw new InvalidEventException(reason);
        });
    }

    /** S3 keys in notifications are form-encoded: '+' is a space, '%2B' a plus. */
    static String decode(String key, String where) {
        String decoded;
        try {
            decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(where + " has a key that is not URL-encoded: " + Printable.of(key));
        }
        Fields.refusal(where + "'s key " + key + " (decoded)", decoded).ifPresent(reason -> {
            throw new InvalidEventException(reason);
        });
        return decoded;
    }
}
