package dev.intake.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;

class PrintableAndRedactedUrlTest {

    @Test
    void every_c0_del_and_c1_character_is_escaped_and_nothing_else_changes() {
        for (int c = 0; c <= 0xA0; c++) {
            String escaped = Printable.of("a" + (char) c + "b");
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            assertEquals(control, Printable.firstControl(String.valueOf((char) c)).isPresent(), "U+" + Integer.toHexString(c));
            assertTrue(Printable.firstControl(escaped).isEmpty(), escaped);
            assertEquals(!control, escaped.equals("a" + (char) c + "b"), "U+" + Integer.toHexString(c));
        }
        assertEquals("line\\r\\nforged \\u001B[31m", Printable.of("line\r\nforged \u001B[31m"));
        assertEquals("Café – ok", Printable.of("Café – ok"));
    }

    @Test
    void a_url_loses_its_query_fragment_and_credentials_and_keeps_where_it_points() {
        assertEquals("https://files.example.com:8443/calls/a%20b.mp4", RedactedUrl.of(
                "https://user:pass@files.example.com:8443/calls/a%20b.mp4?X-Amz-Signature=abc&token=secret#t=5"));
        assertEquals("https://example.com", RedactedUrl.of("https://example.com?token=secret"));
        assertEquals("http://host/a b", RedactedUrl.of("http://user:pw@host/a b?token=secret"));
        assertEquals("fetching https://h.example/v.mp4 failed; then https://g.example/x (twice)",
                RedactedUrl.in("fetching https://u:p@h.example/v.mp4?X-Amz-Signature=s failed; then https://g.example/x?token=t (twice)"));
    }

    @Test
    void a_database_failure_reaching_a_step_is_a_sentence_for_its_user_and_the_driver_text_for_operators() {
        PgException driver = new PgException("duplicate key value violates unique constraint \"evidence_pkey\"", "ERROR",
                "23505", "Key (id)=(1) already exists. INSERT INTO evidence (id) VALUES ($1)");
        StepError error = StepError.from(Step.EVIDENCE, new RuntimeException("saving evidence failed", driver), 2);
        assertEquals(ErrorKind.TRANSIENT, error.kind());
        assertFalse(error.message().contains("evidence_pkey"), error.message());
        assertFalse(error.message().contains("23505"), error.message());
        assertTrue(error.message().startsWith("the database failed while finding evidence"), error.message());
        assertTrue(error.operatorDetail().contains("duplicate key value violates unique constraint \"evidence_pkey\""),
                error.operatorDetail());
    }

    @Test
    void a_failure_the_step_classified_is_shown_as_it_was_written_less_any_url_secret() {
        StepError error = StepError.from(Step.UPLOAD, StepFailure.permanent(
                "https://cdn.example/a.mp4?token=secret answered 404"), 1);
        assertEquals("https://cdn.example/a.mp4 answered 404", error.message());
        assertEquals(null, error.operatorDetail());
        assertEquals(Optional.empty(), UserFacingError.of(Step.UPLOAD, StepFailure.permanent("no transcript")).detail());
    }
}
