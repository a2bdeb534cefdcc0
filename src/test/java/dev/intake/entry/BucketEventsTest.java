package dev.intake.entry;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.entry.BucketEvents;
import dev.intake.entry.InvalidEventException;
import dev.intake.entry.ObjectCreated;
import dev.intake.http.RequestRejected;

class BucketEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void an_eventbridge_object_created_event_names_its_object_as_is() throws IOException {
        var event = JSON.readTree(S3EventsTest.contract("eventbridge-object-created.json"));
        assertEquals(List.of(new ObjectCreated("intake-media", "interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/"
                + "6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/931e3b81-ef32-48c3-b6f3-382461b362e4/recording.webm", 5576)),
                BucketEvents.fromEventBridge(event));
    }

    @Test
    void other_eventbridge_events_are_passed_over() throws IOException {
        assertEquals(List.of(), BucketEvents.fromEventBridge(JSON.readTree(S3EventsTest.contract("eventbridge-scheduled.json"))));
        ObjectNode deleted = (ObjectNode) JSON.readTree(S3EventsTest.contract("eventbridge-object-created.json"));
        deleted.put("detail-type", "Object Deleted");
        assertEquals(List.of(), BucketEvents.fromEventBridge(deleted));
    }

    @Test
    void an_eventbridge_object_created_event_without_a_key_is_invalid() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(S3EventsTest.contract("eventbridge-object-created.json"));
        ((ObjectNode) event.get("detail").get("object")).remove("key");
        assertThrows(InvalidEventException.class, () -> BucketEvents.fromEventBridge(event));
    }

    @Test
    void r2_notifications_are_read_singly_or_in_batches_and_deletes_passed_over() throws IOException {
        ObjectNode put = (ObjectNode) JSON.readTree(S3EventsTest.contract("r2-event-notification.json"));
        ObjectNode multipart = put.deepCopy().put("action", "CompleteMultipartUpload");
        ObjectNode deleted = put.deepCopy().put("action", "DeleteObject");
        ArrayNode batch = JSON.createArrayNode().add(put).add(multipart).add(deleted);
        assertEquals(1, BucketEvents.fromR2(put).size());
        List<ObjectCreated> created = BucketEvents.fromR2(batch);
        assertEquals(2, created.size());
        assertEquals(65536, created.get(0).size());
    }

    @Test
    void an_r2_notification_without_a_key_is_invalid() throws IOException {
        ObjectNode put = (ObjectNode) JSON.readTree(S3EventsTest.contract("r2-event-notification.json"));
        ((ObjectNode) put.get("object")).remove("key");
        assertThrows(InvalidEventException.class, () -> BucketEvents.fromR2(put));
        assertThrows(InvalidEventException.class, () -> BucketEvents.fromR2(JSON.readTree("\"PutObject\"")));
    }

    @Test
    void a_nul_character_in_a_key_is_invalid_wherever_the_event_comes_from() throws IOException {
        ObjectNode bridged = (ObjectNode) JSON.readTree(S3EventsTest.contract("eventbridge-object-created.json"));
        ((ObjectNode) bridged.get("detail").get("object")).put("key", "interviews/a/b/c/call\u0000.vtt");
        assertEquals("the EventBridge event at /detail/object/key contains a NUL character (U+0000), which Intake does"
                + " not accept", assertThrows(InvalidEventException.class, () -> BucketEvents.fromEventBridge(bridged)).getMessage());

        ObjectNode put = (ObjectNode) JSON.readTree(S3EventsTest.contract("r2-event-notification.json"));
        ObjectNode nul = put.deepCopy();
        ((ObjectNode) nul.get("object")).put("key", "interviews/a/b/c/call\u0000.vtt");
        ArrayNode batch = JSON.createArrayNode().add(put).add(nul);
        assertEquals("the R2 notification at /1/object/key contains a NUL character (U+0000), which Intake does not"
                + " accept", assertThrows(InvalidEventException.class, () -> BucketEvents.fromR2(batch)).getMessage());
    }

    @Test
    void an_r2_batch_larger_than_a_queue_sends_is_refused_whole_with_413() throws IOException {
        ObjectNode put = (ObjectNode) JSON.readTree(S3EventsTest.contract("r2-event-notification.json"));
        ArrayNode batch = JSON.createArrayNode();
        for (int i = 0; i < ObjectCreated.MAX_PER_EVENT; i++) {
            batch.add(put);
        }
        assertEquals(ObjectCreated.MAX_PER_EVENT, BucketEvents.fromR2(batch).size());
        batch.add(put);
        RequestRejected e = assertThrows(RequestRejected.class, () -> BucketEvents.fromR2(batch));
        assertEquals(413, e.status());
        assertEquals("the batch has 101 notifications; at most 100 are accepted in one request", e.getMessage());
    }

    @Test
    void the_forwarding_secret_must_be_present_and_right() {
        Optional<String> secret = Optional.of("s3cret");
        assertDoesNotThrow(() -> BucketEvents.verifyForwardSecret(secret, Map.of("x-intake-forward-secret", "s3cret")));
        assertEquals(401, assertThrows(RequestRejected.class,
                () -> BucketEvents.verifyForwardSecret(secret, Map.of("x-intake-forward-secret", "s3cret!"))).status());
        assertEquals("missing x-intake-forward-secret header", assertThrows(RequestRejected.class,
                () -> BucketEvents.verifyForwardSecret(secret, Map.of())).getMessage());
    }
}
