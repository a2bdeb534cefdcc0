package dev.intake.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** What the ops commands read: an interview's outputs by table, its silence, the stalled ones. */
@ApplicationScoped
public class DiagnosticsStore {

    @Sql
    static final String OUTPUT_COUNTS = """
            SELECT (SELECT count(*) FROM evidence WHERE interview_id = $1) AS evidence,
                   (SELECT count(*) FROM interview_people WHERE interview_id = $1) AS people,
                   (SELECT count(*) FROM themes WHERE interview_id = $1) AS themes,
                   (SELECT count(*) FROM personas WHERE interview_id = $1) AS personas,
                   (SELECT count(*) FROM project_answers WHERE interview_id = $1) AS answers,
                   extract(epoch FROM now() - (SELECT updated_at FROM interviews WHERE id = $1))::bigint AS silent_seconds,
                   (SELECT (conversation_analysis->>'lease_until')::timestamptz > now() FROM interviews WHERE id = $1)
                       AS lease_live""";

    /** In flight, silent for $1 seconds, no live lease: what `repair --stuck` repairs. */
    @Sql
    static final String LIST_STALLED = "SELECT id, extract(epoch FROM now() - updated_at)::bigint AS silent_seconds"
            + " FROM interviews WHERE " + SweepStore.STALLED + " ORDER BY updated_at LIMIT $2";

    private final Db db;

    DiagnosticsStore(Db db) {
        this.db = db;
    }

    /** Rows per output table, how long the interview has been silent, and whether a step holds a live lease. */
    public record Outputs(Map<String, Long> counts, long silentSeconds, boolean leaseLive) {
    }

    public Outputs outputs(UUID interviewId) {
        Row row = db.execute(OUTPUT_COUNTS, Tuple.of(interviewId)).iterator().next();
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : List.of("evidence", "people", "themes", "personas", "answers")) {
            counts.put(table, row.getLong(table));
        }
        Boolean live = row.getBoolean("lease_live");
        return new Outputs(counts, row.getLong("silent_seconds"), live != null && live);
    }

    public record Silent(UUID interviewId, long silentSeconds) {
    }

    public List<Silent> stalled(Duration olderThan, int limit) {
        List<Silent> stalled = new ArrayList<>();
        for (Row row : db.execute(LIST_STALLED, Tuple.of(olderThan.toMillis() / 1000.0, limit))) {
            stalled.add(new Silent(row.getUUID("id"), row.getLong("silent_seconds")));
        }
        return stalled;
    }
}
