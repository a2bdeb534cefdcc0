package dev.intake.store;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.intake.interview.Transcript;
import dev.intake.interview.TranscriptionJob;
import dev.intake.interview.Utterance;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The interview's transcript, where Insights keeps it: plain text in {@code transcript}, the turns in
 * {@code transcript_formatted} in the shape its transcript viewer reads (AssemblyAI's:
 * {@code full_transcript}, {@code speaker_transcripts} of {speaker, text, start, end} in
 * milliseconds, {@code audio_duration} in seconds), and a summary in conversation_analysis.transcript_data.
 */
@ApplicationScoped
public class TranscriptStore {

    @Sql
    static final String SAVE = """
            UPDATE interviews
            SET transcript = $2, transcript_formatted = $3::jsonb, duration_sec = $4::int, updated_at = now(),
                conversation_analysis = coalesce(conversation_analysis, '{}'::jsonb)
                                        || jsonb_build_object('transcript_data', $5::jsonb)
            WHERE id = $1""";

    @Sql
    static final String LOAD = "SELECT transcript_formatted FROM interviews WHERE id = $1";

    /**
     * The job a provider makes the transcript in, kept under Intake's run state (replacing an older one)
     * as 'transcription' ({@link TranscriptionJob#KEY}, which reads it back).
     */
    @Sql
    static final String RECORD_JOB = """
            UPDATE interviews
            SET updated_at = now(),
                conversation_analysis = coalesce(conversation_analysis, '{}'::jsonb) || jsonb_build_object('intake',
                    coalesce(conversation_analysis->'intake', '{}'::jsonb) || jsonb_build_object('transcription', $2::jsonb))
            WHERE id = $1""";

    /** Forgets the job (the provider gave up on it), so the next run asks for a new one. */
    @Sql
    static final String FORGET_JOB = """
            UPDATE interviews
            SET updated_at = now(),
                conversation_analysis = coalesce(conversation_analysis, '{}'::jsonb) || jsonb_build_object('intake',
                    coalesce(conversation_analysis->'intake', '{}'::jsonb) - 'transcription')
            WHERE id = $1""";

    /** Which of Intake's parsers the transcript came from; Insights' own rows lack it. */
    private static final String FORMAT = "intake_format";
    /** The speakers the source marks as running the call (Recall.ai's host); Insights' own rows lack it. */
    private static final String HOSTS = "intake_hosts";

    private final Db db;
    private final FencedWrites writes;

    TranscriptStore(Db db, FencedWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    /** Replaces the transcript, fenced by the upload step's lease. */
    public void save(Lease lease, Transcript transcript, String sourceKey) {
        JsonArray turns = new JsonArray();
        for (Utterance u : transcript.utterances()) {
            JsonObject turn = new JsonObject().put("speaker", u.speaker()).put("text", u.text());
            if (u.startSec() != null) {
                turn.put("start", Math.round(u.startSec() * 1000)).put("end", Math.round(u.endSec() * 1000));
            }
            turns.add(turn);
        }
        String text = transcript.text();
        JsonObject formatted = new JsonObject()
                .put("full_transcript", text)
                .put("speaker_transcripts", turns)
                .put("audio_duration", transcript.durationSec())
                .put(FORMAT, transcript.format())
                .put(HOSTS, new JsonArray(transcript.hosts().stream().sorted().toList()));
        JsonObject summary = new JsonObject()
                .put("format", transcript.format())
                .put("utterances", transcript.utterances().size())
                .put("speakers", new JsonArray(transcript.speakers()))
                .put("duration_sec", transcript.durationSec())
                .put("source_key", sourceKey);
        writes.write(lease, tx -> {
            tx.send(SAVE, Tuple.from(Arrays.asList(lease.interviewId(), text, formatted,
                    (int) Math.round(transcript.durationSec()), summary)));
        });
    }

    /**
     * Keeps the provider's job in the interview, fenced by the upload step's lease: every later
     * invocation checks this job rather than submitting the media again.
     */
    public void recordJob(Lease lease, TranscriptionJob job) {
        writes.write(lease, tx -> {
            tx.send(RECORD_JOB, Tuple.of(lease.interviewId(), job.toJson()));
        });
    }

    /** Forgets the provider's job, fenced by the upload step's lease. */
    public void forgetJob(Lease lease) {
        writes.write(lease, tx -> {
            tx.send(FORGET_JOB, Tuple.of(lease.interviewId()));
        });
    }

    /** The transcript as Intake wrote it, or as Insights' pipeline did (the same AssemblyAI shape). */
    public Optional<Transcript> load(UUID interviewId) {
        RowSet<Row> rows = db.execute(LOAD, Tuple.of(interviewId));
        if (rows.rowCount() == 0) {
            return Optional.empty();
        }
        Object value = rows.iterator().next().getValue("transcript_formatted");
        if (!(value instanceof JsonObject formatted) || !(formatted.getValue("speaker_transcripts") instanceof JsonArray turns)) {
            return Optional.empty();
        }
        var utterances = turns.stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast)
                .filter(u -> u.getString("text") != null && !u.getString("text").isBlank())
                .map(u -> new Utterance(u.getString("speaker"), seconds(u.getNumber("start")),
                        seconds(u.getNumber("end")), u.getString("text")))
                .toList();
        Set<String> hosts = formatted.getValue(HOSTS) instanceof JsonArray marked
                ? marked.stream().filter(String.class::isInstance).map(String.class::cast).collect(Collectors.toSet())
                : Set.of();
        return Optional.of(new Transcript(formatted.getString(FORMAT, "assemblyai"), utterances, hosts));
    }

    private static Double seconds(Number milliseconds) {
        return milliseconds == null ? null : milliseconds.doubleValue() / 1000.0;
    }
}
