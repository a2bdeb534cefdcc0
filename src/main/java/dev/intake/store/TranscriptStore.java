package dev.intake.store;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import dev.intake.providers.transcription.Transcript;
import dev.intake.providers.transcription.Utterance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** The interview's transcript: plain text, the timed utterances, and a summary in transcript_data. */
@ApplicationScoped
public class TranscriptStore {

    @Sql
    static final String SAVE = """
            UPDATE interviews
            SET transcript = $2,
                transcript_formatted = $3::jsonb,
                duration_sec = $4,
                conversation_analysis = conversation_analysis || jsonb_build_object('transcript_data', $5::jsonb),
                updated_at = now()
            WHERE id = $1""";

    @Sql
    static final String LOAD = "SELECT transcript_formatted FROM interviews WHERE id = $1";

    private final Db db;

    TranscriptStore(Db db) {
        this.db = db;
    }

    /** Replaces the transcript, fenced by the upload step's lease. */
    public void save(Lease lease, Transcript transcript, String sourceKey) {
        JsonArray utterances = new JsonArray();
        for (Utterance u : transcript.utterances()) {
            utterances.add(new JsonObject()
                    .put("speaker", u.speaker())
                    .put("start", u.startSec())
                    .put("end", u.endSec())
                    .put("text", u.text()));
        }
        JsonObject formatted = new JsonObject().put("format", transcript.format()).put("utterances", utterances);
        JsonObject summary = new JsonObject()
                .put("format", transcript.format())
                .put("utterances", transcript.utterances().size())
                .put("speakers", new JsonArray(transcript.speakers()))
                .put("duration_sec", transcript.durationSec())
                .put("source_key", sourceKey);
        db.inTransaction(tx -> {
            LeaseFence.hold(tx, lease);
            tx.execute(SAVE, Tuple.from(Arrays.asList(lease.interviewId(), transcript.text(), formatted,
                    transcript.durationSec(), summary)));
            return null;
        });
    }

    public Optional<Transcript> load(UUID interviewId) {
        RowSet<Row> rows = db.execute(LOAD, Tuple.of(interviewId));
        if (rows.rowCount() == 0) {
            return Optional.empty();
        }
        Object value = rows.iterator().next().getValue("transcript_formatted");
        if (!(value instanceof JsonObject formatted)) {
            return Optional.empty();
        }
        var utterances = formatted.getJsonArray("utterances").stream()
                .map(JsonObject.class::cast)
                .map(u -> new Utterance(u.getString("speaker"), asDouble(u.getNumber("start")),
                        asDouble(u.getNumber("end")), u.getString("text")))
                .toList();
        return Optional.of(new Transcript(formatted.getString("format"), utterances));
    }

    private static Double asDouble(Number n) {
        return n == null ? null : n.doubleValue();
    }
}
