package dev.intake.entry;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.intake.entry.InvalidEventException;
import dev.intake.entry.ObjectCreated;
import dev.intake.http.NulCharacters;
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
                LOG.infof("ignored %s: %s of %s is not an object creation", where, record.eventName(),
                        record.s3().object().key());
                continue;
            }
            Long size = record.s3().object().size();
            created.add(new ObjectCreated(record.s3().bucket().name(), decode(record.s3().object().key(), where),
                    size == null ? -1 : size));
        }
        return created;
    }

    /** S3 keys in notifications are form-encoded: '+' is a space, '%2B' a plus. */
    static String decode(String key, String where) {
        String decoded;
        try {
            decoded = URLDecoder.decode(key, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(where + " has a key that is not URL-encoded: " + key);
        }
        if (NulCharacters.in(decoded)) {
            throw new InvalidEventException(NulCharacters.refusal(where + "'s key " + key));
        }
        return decoded;
    }
}
