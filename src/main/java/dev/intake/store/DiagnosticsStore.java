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

    /**
     * When an interview last showed life: its updated_at, unless the last write was V2's merge of
     * the old pipeline's job row, which Insights' timestamp trigger stamped with the
     * merge's time; then the updated_at the interview had before it (V2 keeps it in the merged keys).
     */
    static final String LAST_SIGN_OF_LIFE = """
            (CASE WHEN conversation_analysis ? 'updated_at_before_merge'
                       AND updated_at = (conversation_analysis->>'migrated_at')::timestamptz
                  THEN (conversation_analysis->>'updated_at_before_merge')::timestamptz ELSE updated_at END)""";

    /** Rows Intake wrote for the interview, per table, and its silence and lease. */
    @Sql
    static final String OUTPUT_COUNTS = """
            SELECT (SELECT count(*) FROM intake.interview_outputs WHERE interview_id = $1 AND table_name = 'evidence') AS evidence,
                   (SELECT count(*) FROM interview_people ip JOIN people p ON p.id = ip.person_id
                    WHERE ip.interview_id = $1 AND p.deleted_at IS NULL) AS people,
                   (SELECT count(DISTINCT te.theme_id) FROM intake.interview_outputs o
                      JOIN theme_evidence te ON te.id = o.row_id::uuid
                    WHERE o.interview_id = $1 AND o.table_name = 'theme_evidence') AS themes,
                   (SELECT count(*) FROM intake.interview_outputs WHERE interview_id = $1 AND table_name = 'people_personas') AS personas,
                   (SELECT count(*) FROM intake.interview_outputs WHERE interview_id = $1 AND table_name = 'project_answers') AS answers,
                   extract(epoch FROM now() - (SELECT %s FROM interviews WHERE id = $1))::bigint AS silent_seconds,
                   (SELECT (conversation_analysis->'intake'->>'lease_until')::timestamptz > now() FROM interviews WHERE id = $1)
                       AS lease_live""".formatted(LAST_SIGN_OF_LIFE);

    /** In flight, silent for $1 seconds, no live lease, Intake's: what `repair --stuck` repairs. */
    @Sql
    static final String LIST_STALLED = """
            SELECT id, extract(epoch FROM now() - updated_at)::bigint AS silent_seconds
            FROM interviews
            WHERE %s %s
            ORDER BY updated_at
            LIMIT $2""".formatted(SweepStore.STALLED, SweepStore.OWNED);

    /**
     * The same, whoever's: `repair --stuck --any-owner` takes over interviews Insights' pipeline left.
     * Silence is counted from the last sign of life, which for a row V2 merged is older than its updated_at.
     */
    @Sql
    static final String LIST_STALLED_ANY_OWNER = """
            SELECT id, extract(epoch FROM now() - last_sign_of_life)::bigint AS silent_seconds
            FROM interviews, LATERAL (SELECT %s AS last_sign_of_life) AS life
            WHERE status IN ('uploaded', 'transcribing', 'transcribed', 'processing')
              AND last_sign_of_life < now() - make_interval(secs => $1::double precision)
              AND (conversation_analysis->'intake'->>'lease_until' IS NULL
                   OR (conversation_analysis->'intake'->>'lease_until')::timestamptz < now())
              AND (conversation_analysis->'intake'->>'retry_at' IS NULL
                   OR (conversation_analysis->'intake'->>'retry_at')::timestamptz
                      < now() - make_interval(secs => $1::double precision))
            ORDER BY last_sign_of_life
            LIMIT $2""".formatted(LAST_SIGN_OF_LIFE);

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

    /** Stalled interviews; with {@code anyOwner}, also those Intake has not taken. */
    public List<Silent> stalled(Duration olderThan, int limit, boolean anyOwner) {
        List<Silent> stalled = new ArrayList<>();
        for (Row row : db.execute(anyOwner ? LIST_STALLED_ANY_OWNER : LIST_STALLED,
                Tuple.of(olderThan.toMillis() / 1000.0, limit))) {
            stalled.add(new Silent(row.getUUID("id"), row.getLong("silent_seconds")));
        }
        return stalled;
    }
}
