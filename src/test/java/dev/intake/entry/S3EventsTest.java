package dev.intake.entry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.intake.entry.InvalidEventException;
import dev.intake.entry.ObjectCreated;
import dev.intake.entry.S3Events;
import dev.intake.entry.S3Notification;

class S3EventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String contract(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/contracts", name));
    }

    private static S3Notification parse(String json) throws IOException {
        return JSON.readValue(json, S3Notification.class);
    }

    @Test
    void the_object_key_of_a_real_notification_is_url_decoded() throws IOException {
        List<ObjectCreated> created = S3Events.objectsCreated(parse(contract("s3-object-created.json")));
        assertEquals(List.of(new ObjectCreated("intake-media",
                "interviews/d7b69d5e-a952-41a6-931f-e2fed1d82e85/6dbcbb68-0662-4ebc-9f84-dd13b8ff758d/"
                        + "931e3b81-ef32-48c3-b6f3-382461b362e4/Customer call #2 (Dana).mp4", 48213977)), created);
    }

    @Test
    void a_plus_sign_encoded_as_percent_2b_stays_a_plus() {
        assertEquals("a+b c.vtt", S3Events.decode("a%2Bb+c.vtt", "record 0"));
    }

    @Test
    void every_record_of_a_multi_record_event_is_read_and_deletes_are_passed_over() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(contract("s3-object-created.json"));
        ObjectNode first = (ObjectNode) event.withArray("Records").get(0);
        ObjectNode second = first.deepCopy();
        ((ObjectNode) second.get("s3").get("object")).put("key", "interviews/x/other.vtt");
        ObjectNode deleted = first.deepCopy();
        deleted.put("eventName", "ObjectRemoved:Delete");
        event.withArray("Records").add(second).add(deleted);
        List<ObjectCreated> created = S3Events.objectsCreated(parse(event.toString()));
        assertEquals(2, created.size());
        assertEquals("interviews/x/other.vtt", created.get(1).key());
    }

    @Test
    void an_event_without_records_is_invalid() throws IOException {
        var e = assertThrows(InvalidEventException.class, () -> S3Events.objectsCreated(parse("{\"detail\": {}}")));
        assertEquals("not an S3 notification: 'Records' is missing", e.getMessage());
        assertThrows(InvalidEventException.class, () -> S3Events.objectsCreated(parse("{\"Records\": []}")));
    }

    @Test
    void a_record_without_a_key_makes_the_whole_event_invalid() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(contract("s3-object-created.json"));
        ((ObjectNode) event.withArray("Records").get(0).get("s3").get("object")).remove("key");
        var e = assertThrows(InvalidEventException.class, () -> S3Events.objectsCreated(parse(event.toString())));
        assertEquals("record 0 lacks eventName, s3.bucket.name or s3.object.key", e.getMessage());
    }

    @Test
    void a_record_from_another_source_is_invalid() throws IOException {
        ObjectNode event = (ObjectNode) JSON.readTree(contract("s3-object-created.json"));
        ((ObjectNode) event.withArray("Records").get(0)).put("eventSource", "aws:sqs");
        assertThrows(InvalidEventException.class, () -> S3Events.objectsCreated(parse(event.toString())));
    }

    @Test
    void a_key_that_decodes_to_a_control_character_is_invalid() {
        var e = assertThrows(InvalidEventException.class, () -> S3Events.decode("interviews/a/call%00.vtt", "record 0"));
        assertEquals("record 0's key interviews/a/call%00.vtt (decoded) contains a control character (U+0000 at position 17),"
                + " which Intake does not accept", e.getMessage());
    }

    @Test
    void an_event_of_more_records_than_a_notification_carries_is_invalid() throws IOException {
        var records = JSON.createArrayNode();
        var record = JSON.readTree(contract("s3-object-created.json")).get("Records").get(0);
        for (int i = 0; i <= ObjectCreated.MAX_PER_EVENT; i++) {
            records.add(record);
        }
        var event = JSON.createObjectNode().set("Records", records);
        var e = assertThrows(InvalidEventException.class, () -> S3Events.objectsCreated(parse(event.toString())));
        assertEquals("S3 notification has 101 records; at most 100 are accepted in one event", e.getMessage());
    }

    @Test
    void a_malformed_percent_escape_is_invalid() {
        assertThrows(InvalidEventException.class, () -> S3Events.decode("interviews/%zz.vtt", "record 0"));
    }
}
