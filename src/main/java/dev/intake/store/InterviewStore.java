package dev.intake.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.StatusTransitions;
import dev.intake.workflow.StepError;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creating an interview, finding it, and starting its runs. Each change is a single conditional UPDATE
 * (or INSERT) whose WHERE clause holds the state it expects (status from {@link StatusTransitions}, run),
 * so of two racing callers exactly one wins and the loser is told. A run's steps and their leases are
 * {@link StepLeases}'.
 */
@ApplicationScoped
public class InterviewStore {

    /**
     * Records an interview Intake creates (an upload about to happen), owned by Intake from the start.
     * created_by references auth.users: the user $10 is recorded only when they are a member of the
     * account (so a real user), else NULL, never an id Supabase does not know.
     */
    @Sql
    static final String INSERT = """
            INSERT INTO interviews (id, account_id, project_id, title, status, source_type, source_url,
                                    recall_recording_id, created_by, conversation_analysis)
            VALUES ($1, $2, $3, $4, $5::interview_status, $6, $7, $8,
                    (SELECT au.user_id FROM accounts.account_user au WHERE au.account_id = $2 AND au.user_id = $10::uuid),
                    jsonb_strip_nulls(jsonb_build_object('custom_instructions', $11::text))
                    || jsonb_build_object('intake', jsonb_strip_nulls(jsonb_build_object(
                        'owned_at', now(), 'recall_bot_id', $9::text))))""";

    /**
     * Records an interview whose media is elsewhere (a URL, a Recall.ai recording) with its first run
     * started, in one statement; created_by as {@link #INSERT} records it. A Recall id seen before makes
     * it a no-op: the webhook was redelivered.
     */
    @Sql
    static final String INSERT_STARTED = """
            INSERT INTO interviews (id, account_id, project_id, title, status, source_type, source_url,
                                    recall_recording_id, created_by, conversation_analysis, processing_metadata)
            SELECT $1, $2, $3, $4, 'uploaded', $5, $6, $7,
                   (SELECT au.user_id FROM accounts.account_user au WHERE au.account_id = $2 AND au.user_id = $9::uuid),
                   jsonb_strip_nulls(jsonb_build_object('custom_instructions', $12::text))
                   || jsonb_build_object('intake', jsonb_strip_nulls(jsonb_build_object(
                          'run_id', $10::text,
                          'resume_from', 'upload',
                          'skip_steps', '[]'::jsonb,
                          'heartbeat_at', now(),
                          'owned_at', now(),
                          'recall_bot_id', $8::text)))
                   || shown,
                   shown
            FROM (SELECT jsonb_build_object('current_step', 'upload', 'completed_steps', '[]'::jsonb, 'progress', 0,
                                            'status_detail', $11::text) AS shown) AS mirror
            ON CONFLICT DO NOTHING
            RETURNING id""";

    /** Records an interview that failed before it could start (Recall's upload failed), or finds it. */
    @Sql
    static final String INSERT_FAILED = """
            INSERT INTO interviews (id, account_id, project_id, title, status, source_type, source_url,
                                    recall_recording_id, created_by, conversation_analysis, processing_metadata)
            SELECT $1, $2, $3, $4, 'error', $5, $6, $7,
                   (SELECT au.user_id FROM accounts.account_user au WHERE au.account_id = $2 AND au.user_id = $9::uuid),
                   jsonb_build_object(
                       'completed_steps', '[]'::jsonb,
                       'last_error', $11::text,
                       'intake', jsonb_strip_nulls(jsonb_build_object(
                           'owned_at', now(),
                           'recall_bot_id', $8::text,
                           'error', jsonb_build_object('step', $10::text, 'message', $11::text,
                                                       'kind', 'permanent', 'attempts', 1, 'at', now()))))
                   || shown,
                   jsonb_build_object('error', $12::text) || shown
            FROM (SELECT jsonb_build_object('current_step', $10::text, 'progress', 0, 'status_detail', $12::text,
                                            'failed_at', now()) AS shown) AS mirror
            ON CONFLICT DO NOTHING
            RETURNING id""";

    @Sql
    static final String FIND_BY_RECALL = """
            SELECT %s FROM interviews
            WHERE recall_recording_id = $1 OR conversation_analysis->'intake'->>'recall_bot_id' = $2""".formatted(Interview.COLUMNS);

    /**
     * The upload step records where it put the media (media_url holds the key, as Insights keeps it).
     * Sent behind the lease's fence ({@link LeaseFence}), as every write of a step is.
     */
    @Sql
    static final String SET_MEDIA = """
            UPDATE interviews
            SET media_url = $2, recall_recording_id = coalesce(recall_recording_id, $3), updated_at = now()
            WHERE id = $1""";

    /**
     * SET_MEDIA for media copied from a URL: the URL is kept only without what may be secret (a
     * pre-signed URL's query, credentials), since once the copy is in the bucket nothing reads it again.
     */
    @Sql
    static final String SET_MEDIA_COPIED_FROM_URL = """
            UPDATE interviews
            SET media_url = $2, source_url = $3, updated_at = now()
            WHERE id = $1""";

    @Sql
    static final String FIND = "SELECT %s FROM interviews WHERE id = $1".formatted(Interview.COLUMNS);

    /**
     * An upload no pipeline has started: Insights' web upload left it 'uploaded' with its media, and
     * neither Intake (its 'intake' key) nor Insights' old pipeline (trigger_run_id, current_step,
     * workflow_state, as src/trigger/interview/v2 writes them) has touched it. Documents and voice memos
     * are not interviews Insights analyses, so they are never taken. Spelled exactly as the predicate of
     * intake_interviews_unclaimed_uploads_idx (V9), so the sweeper's scan can use it.
     */
    static final String UNCLAIMED_UPLOAD = """
            status = 'uploaded'
              AND media_url IS NOT NULL
              AND NOT (coalesce(conversation_analysis, '{}'::jsonb)
                       ?| ARRAY['intake', 'trigger_run_id', 'current_step', 'workflow_state'])
              AND NOT (coalesce(processing_metadata, '{}'::jsonb) ?| ARRAY['trigger_run_id', 'current_step'])
              AND coalesce(media_type, '') NOT IN ('document', 'voice_memo')""";

    /** Who may start a run ($11 of {@link #START_RUN}). */
    enum Starter {
        /** Intake's own start (an upload completed, a resume, a repair): the status must be one of $9. */
        START,
        /**
         * The sweeper taking over an upload no pipeline started ({@link #UNCLAIMED_UPLOAD}), untouched
         * for $12 seconds.
         */
        ADOPT,
        /**
         * An operator taking over an upload Intake has not taken, whoever left it: one of $9, its media
         * set, no 'intake' key. Taking it gives it one, so of two repairs (or a repair and the sweeper) one wins.
         */
        TAKE_OVER;

        String sql() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Starts a run, and with it Intake's ownership of the interview: names the run $2, points
     * current_step at its first step $4 and forgets the steps $5 the run will redo. $7 (the object key)
     * is set by upload completion and left alone by resumes. Keys of conversation_analysis and
     * processing_metadata that Intake does not write (Insights' trigger_run_id, workflow_state, ...)
     * are kept as they are. The sweeper judges a run by run_started_at (its deadline) and progress_at.
     * The progress shown is $10, raised to what the web app already showed ({@link ShownProgress#FLOOR}).
     */
    @Sql
    static final String START_RUN = """
            UPDATE interviews
            SET status = $3::interview_status,
                media_url = coalesce($7, media_url),
                updated_at = now(),
                (conversation_analysis, processing_metadata) = (
                    SELECT (coalesce(conversation_analysis, '{}'::jsonb) - 'last_error' - 'failed_at' - 'completed_at')
                               || jsonb_build_object('intake',
                                   (run - 'lease_owner' - 'lease_until' - 'attempt' - 'retry_at' - 'resume_count'
                                        - 'error' - 'step_started_at' - 'start_failed_at' - 'requested_by')
                                   || jsonb_build_object(
                                       'run_id', $2::text,
                                       'resume_from', $4::text,
                                       'skip_steps', to_jsonb($6::text[]),
                                       'heartbeat_at', now(),
                                       'run_started_at', now(),
                                       'progress_at', now(),
                                       'owned_at', coalesce(run->'owned_at', to_jsonb(now()))))
                               || shown,
                           (coalesce(processing_metadata, '{}'::jsonb) - 'failed_at' - 'error' - 'completed_at') || shown
                    FROM (SELECT coalesce(conversation_analysis->'intake', '{}'::jsonb) AS run,
                                 jsonb_build_object(
                                     'current_step', $4::text,
                                     'completed_steps', (
                                         SELECT coalesce(jsonb_agg(done.value), '[]'::jsonb)
                                         FROM jsonb_array_elements_text(
                                             CASE WHEN jsonb_typeof(conversation_analysis->'completed_steps') = 'array'
                                                  THEN conversation_analysis->'completed_steps' ELSE '[]'::jsonb END) AS done
                                         WHERE done.value <> ALL($5::text[])),
                                     'progress', greatest($10::int, %1$s),
                                     'status_detail', $8::text) AS shown) AS state)
            WHERE id = $1
              AND CASE $11::text
                  WHEN 'start' THEN status = ANY($9::interview_status[])
                  WHEN 'adopt' THEN %2$s
                                    AND updated_at <= now() - make_interval(secs => $12::double precision)
                  WHEN 'take_over' THEN status = ANY($9::interview_status[]) AND media_url IS NOT NULL
                                        AND NOT (coalesce(conversation_analysis, '{}'::jsonb) ? 'intake')
                  END
            RETURNING id""".formatted(ShownProgress.FLOOR, UNCLAIMED_UPLOAD);

    /**
     * The interview of a project whose media_url is the object key $2 (or a URL ending in it): keys
     * Insights writes before its interview exists name only the project. Two means the key is ambiguous.
     */
    @Sql
    static final String FIND_BY_MEDIA_KEY = "SELECT " + Interview.COLUMNS + """
             FROM interviews
            WHERE project_id = $1 AND (media_url = $2 OR (media_url ~* '^https?://' AND media_url LIKE '%/' || $2))
            ORDER BY created_at LIMIT 2""";

    /**
     * Who asked for run $2 by hand (an operator's user id), kept in the run state until the next run
     * starts (START_RUN forgets it). Leaves updated_at alone: it is a note, not a sign of life.
     */
    @Sql
    static final String NOTE_REQUESTED_BY = """
            UPDATE interviews
            SET conversation_analysis = jsonb_set(conversation_analysis, '{intake,requested_by}', to_jsonb($3::text))
            WHERE id = $1 AND conversation_analysis->'intake'->>'run_id' = $2
            RETURNING id""";

    /**
     * The engine did not take run $2: the interview stays as it is (in flight, the run current) with
     * the start failure as a transient error on the step it is at, so a redelivery or the sweeper
     * starts the run again. Only while $2 is the interview's run and it is in flight ($5).
     */
    @Sql
    static final String RECORD_START_FAILURE = """
            UPDATE interviews
            SET updated_at = now(),
                (conversation_analysis, processing_metadata) = (
                    SELECT coalesce(conversation_analysis, '{}'::jsonb)
                               || jsonb_build_object('intake', run || jsonb_build_object(
                                   'start_failed_at', now(),
                                   'error', jsonb_build_object(
                                       'step', coalesce(conversation_analysis->>'current_step', 'upload'),
                                       'message', $3::text, 'kind', 'transient', 'attempts', 1, 'at', now())))
                               || shown,
                           coalesce(processing_metadata, '{}'::jsonb) || shown
                    FROM (SELECT coalesce(conversation_analysis->'intake', '{}'::jsonb) AS run,
                                 jsonb_build_object('status_detail', $4::text) AS shown) AS state)
            WHERE id = $1 AND conversation_analysis->'intake'->>'run_id' = $2 AND status = ANY($5::interview_status[])
            RETURNING id""";

    private final Db db;
    private final FencedWrites writes;

    InterviewStore(Db db, FencedWrites writes) {
        this.db = db;
        this.writes = writes;
    }

    public record NewInterview(UUID id, UUID accountId, UUID projectId, String title, Interview.Source source,
                               UUID createdBy, String customInstructions) {
    }

    /** Records an interview in {@code status} (an upload about to happen: {@code uploading}). */
    public void insert(NewInterview interview, InterviewStatus status) {
        db.execute(INSERT, tuple(interview, status.dbValue(), interview.customInstructions()));
    }

    /** Records the interview with its first run started; empty when its Recall id was seen before. */
    public Optional<UUID> insertStarted(NewInterview interview, String runId, String detail) {
        List<Object> values = values(interview);
        values.addAll(Arrays.asList(runId, detail, interview.customInstructions()));
        RowSet<Row> rows = db.execute(INSERT_STARTED, Tuple.from(values));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id"));
    }

    /** Records the interview as failed at {@code error}'s step; empty when its Recall id was seen before. */
    public Optional<UUID> insertFailed(NewInterview interview, StepError error) {
        List<Object> values = values(interview);
        values.addAll(Arrays.asList(error.step(), error.message(), error.detail()));
        RowSet<Row> rows = db.execute(INSERT_FAILED, Tuple.from(values));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getUUID("id"));
    }

    public Optional<Interview> findByRecall(String recordingId, String botId) {
        RowSet<Row> rows = db.execute(FIND_BY_RECALL, Tuple.of(recordingId, botId));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(Interview.from(rows.iterator().next()));
    }

    /** Where the upload step put the media; fenced by its lease. */
    public void setMedia(Lease lease, String mediaKey, String recallRecordingId) {
        Tuple args = Tuple.of(lease.interviewId(), mediaKey, recallRecordingId);
        writes.write(lease, tx -> tx.send(SET_MEDIA, args));
    }

    /** Where the upload step copied the media imported from a URL, and that URL as it may be kept; fenced. */
    public void setMediaCopiedFromUrl(Lease lease, String mediaKey, String keptUrl) {
        Tuple args = Tuple.of(lease.interviewId(), mediaKey, keptUrl);
        writes.write(lease, tx -> tx.send(SET_MEDIA_COPIED_FROM_URL, args));
    }

    private static Tuple tuple(NewInterview interview, String status, String customInstructions) {
        List<Object> values = values(interview);
        values.add(4, status);
        values.add(customInstructions);
        return Tuple.from(values);
    }

    /** $1..$9 of the inserts, in column order; INSERT has the status at $5 and shifts the rest. */
    private static List<Object> values(NewInterview i) {
        Interview.Source s = i.source();
        return new ArrayList<>(Arrays.asList(i.id(), i.accountId(), i.projectId(), i.title(), s.type(),
                s.sourceUrl(), s.recallRecordingId(), s.recallBotId(), i.createdBy()));
    }

    public Optional<Interview> find(UUID id) {
        RowSet<Row> rows = db.execute(FIND, Tuple.of(id));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(Interview.from(rows.iterator().next()));
    }

    /** {@code uploading -> uploaded}, recording the object key and starting a full run in the same UPDATE. */
    public Race completeUpload(UUID id, String mediaKey, String runId) {
        return startRun(Starter.START, id, runId, RunPlan.full(), InterviewStatus.UPLOADED, mediaKey,
                "Upload received; processing starts shortly", StatusTransitions.predecessorsOf(InterviewStatus.UPLOADED), null);
    }

    /** Starts {@code plan} as run {@code runId} of an interview that may run again (see {@link StatusTransitions}). */
    public Race startRun(UUID id, String runId, RunPlan plan) {
        InterviewStatus status = plan.startStatus();
        return startRun(Starter.START, id, runId, plan, status, null, "Queued to run from " + plan.firstStep().key(),
                StatusTransitions.predecessorsOf(status), null);
    }

    /**
     * Takes over an upload no pipeline has started ({@link #UNCLAIMED_UPLOAD}) and left alone for
     * {@code untouchedFor}, starting a full run of it as {@code runId}; {@code mediaKey} is recorded
     * only where media_url is empty. The interview stays 'uploaded' until its upload step is claimed.
     */
    public Race adoptUpload(UUID id, String runId, String mediaKey, Duration untouchedFor, String detail) {
        return startRun(Starter.ADOPT, id, runId, RunPlan.full(), InterviewStatus.UPLOADED, mediaKey, detail,
                Set.of(InterviewStatus.UPLOADED), untouchedFor);
    }

    /**
     * An operator takes over an 'uploaded' interview Intake has not taken (whoever left it), running it
     * from its upload as {@code runId}; LOST when someone took it first.
     */
    public Race takeOverUpload(UUID id, String runId) {
        RunPlan plan = RunPlan.full();
        return startRun(Starter.TAKE_OVER, id, runId, plan, plan.startStatus(), null,
                "Taken over by Intake; queued to run from " + plan.firstStep().key(), Set.of(InterviewStatus.UPLOADED), null);
    }

    private Race startRun(Starter starter, UUID id, String runId, RunPlan plan, InterviewStatus status, String mediaKey,
                          String detail, Set<InterviewStatus> from, Duration untouchedFor) {
        RowSet<Row> rows = db.execute(START_RUN, Tuple.from(Arrays.asList(id, runId, status.dbValue(),
                plan.firstStep().key(), plan.invalidatedStepKeys().toArray(String[]::new),
                plan.skipStepKeys().toArray(String[]::new), mediaKey, detail, StatusSql.values(from),
                plan.firstStep().startProgress(), starter.sql(),
                untouchedFor == null ? null : untouchedFor.toMillis() / 1000.0)));
        return Races.judge(db, rows, id, from, "START_RUN (" + starter.sql() + ")");
    }

    /** The project's interviews whose media_url names {@code key} (at most two: more than one is ambiguous). */
    public List<Interview> findByMediaKey(UUID projectId, String key) {
        List<Interview> found = new ArrayList<>();
        for (Row row : db.execute(FIND_BY_MEDIA_KEY, Tuple.of(projectId, key))) {
            found.add(Interview.from(row));
        }
        return found;
    }

    /** Records who asked for run {@code runId}; lost when another run has already replaced it. */
    public Race noteRequestedBy(UUID id, String runId, String requestedBy) {
        return Races.judge(db, db.execute(NOTE_REQUESTED_BY, Tuple.of(id, runId, requestedBy)), id,
                Races.ANY_STATUS, "NOTE_REQUESTED_BY");
    }

    /** Records that run {@code runId} could not be handed to the engine; the interview stays in flight. */
    public Race recordStartFailure(UUID id, String runId, String reason, String detail) {
        RowSet<Row> rows = db.execute(RECORD_START_FAILURE, Tuple.from(Arrays.asList(id, runId, reason, detail,
                StatusSql.values(StatusTransitions.inFlight()))));
        return Races.judge(db, rows, id, StatusTransitions.inFlight(), "RECORD_START_FAILURE");
    }

    /** Fails the interview while {@code runId} is still its run; a newer run is left alone. */
    public Race recordFailureOfRun(UUID id, String runId, StepError error) {
        return recordFailure(id, runId, StatusTransitions.predecessorsOf(InterviewStatus.ERROR), error);
    }

    /** Fails the interview only if it is still in one of {@code statuses}. */
    public Race recordFailureIfStill(UUID id, Set<InterviewStatus> statuses, StepError error) {
        return recordFailure(id, null, statuses, error);
    }

    private Race recordFailure(UUID id, String runId, Collection<InterviewStatus> from, StepError error) {
        RowSet<Row> rows = db.execute(FailureRecord.RECORD_FAILURE, FailureRecord.parameters(id, null, runId, from, error));
        return Races.judge(db, rows, id, from, "RECORD_FAILURE");
    }
}
