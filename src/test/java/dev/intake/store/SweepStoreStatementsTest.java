package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.StatusTransitions;

/**
 * The sweeper's scans spell their statuses in the SQL text, as the partial indexes' predicates do (a
 * planner matches an index only on literals). The rule they spell stays workflow/StatusTransitions': a
 * change there that the statements do not follow fails here, as does an index that no longer holds
 * every status its scan asks for.
 */
class SweepStoreStatementsTest {

    private static final String IN_FLIGHT = "status IN (" + StatusSql.list(StatusTransitions.inFlight()) + ")";

    private static String migration(String name) throws IOException {
        try (InputStream in = SweepStoreStatementsTest.class.getResourceAsStream("/db/migration/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_stalled_and_overdue_scans_name_the_in_flight_statuses_as_the_in_flight_index_does() throws IOException {
        assertTrue(SweepStore.LOCK_STALLED.contains(IN_FLIGHT), SweepStore.LOCK_STALLED);
        assertTrue(SweepStore.LOCK_OVERDUE.contains(IN_FLIGHT), SweepStore.LOCK_OVERDUE);
        assertTrue(DiagnosticsStore.LIST_STALLED_ANY_OWNER.contains(IN_FLIGHT), DiagnosticsStore.LIST_STALLED_ANY_OWNER);
        String index = migration("V5__intake_in_flight_index_by_age.sql");
        for (InterviewStatus status : StatusTransitions.inFlight()) {
            assertTrue(index.contains(StatusSql.literal(status)), "intake_interviews_in_flight_idx holds " + status);
        }
    }

    @Test
    void the_upload_scans_name_the_statuses_their_indexes_hold() throws IOException {
        String uploading = "status = " + StatusSql.literal(InterviewStatus.UPLOADING);
        assertTrue(SweepStore.STALE_UPLOADS.contains(uploading), SweepStore.STALE_UPLOADS);
        assertTrue(migration("V3__intake_bookkeeping.sql").contains("WHERE " + uploading));
        String uploaded = "status = " + StatusSql.literal(InterviewStatus.UPLOADED);
        assertTrue(InterviewStore.UNCLAIMED_UPLOAD.contains(uploaded), InterviewStore.UNCLAIMED_UPLOAD);
        assertTrue(migration("V9__intake_unclaimed_uploads_index.sql").contains(uploaded));
    }
}
