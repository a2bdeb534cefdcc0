package dev.intake.store;

import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import dev.intake.workflow.InterviewStatus;
import dev.intake.workflow.RunPlan;
import dev.intake.workflow.StatusTransitions;
import dev.intake.workflow.Step;
import dev.intake.workflow.StepError;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every transition of an interview. Each one is a single conditional UPDATE whose WHERE clause holds
 * the state it expects (status from {@link StatusTransitions}, run, step, lease), so of two racing
 * callers exactly one wins and the loser is told.
 */
@ApplicationScoped
public class InterviewStore {

    private static final Logger LOG = Logger.getLogger(InterviewStore.class);
    private static final java.util.Set<InterviewStatus> ALL_STATUSES = java.util.EnumSet.allOf(InterviewStatus.class);

    /** conversation_analysis; older Insights rows hold NULL, which would make every {@code ||} NULL. */
    static final String ANALYSIS = "coalesce(conversation_analysis, '{}'::jsonb)";
    /** Intake's run state inside it. */
    static final String RUN = "coalesce(conversation_analysis->'intake', '{}'::jsonb)";
    /** processing_metadata, which the web app reads before conversation_analysis. */
    static final String METADATA = "coalesce(processing_metadata, '{}'::jsonb)";
    private static final String COMPLETED = "CASE WHEN jsonb_typeof(conversation_analysis->'completed_steps') = 'array'"
            + " THEN conversation_analysis->'completed_steps' ELSE '[]'::jsonb END";

    /**
     * created_by references auth.users: the user is recorded only when they are a member of the
     * account (so a real user), else NULL, never an id Supabase does not know.
     */
    private static final String MEMBER_OR_NULL =
            "(SELECT au.user_id FROM accounts.account_user au WHERE au.account_id = $2 AND au.user_id = %s::uuid)";

    /** Records an interview Intake creates (an upload about to happen), owned by Intake from the start. */
    @Sql
    static final String INSERT = """
            INSERT INTO interviews (id, account_id, project_id, title, status, source_type, source_url,
                                    recall_recording_id, created_by, conversation_analysis)
            VALUES ($1, $2, $3, $4, $5::interview_status, $6, $7, $8, %s,
                    jsonb_strip_nulls(jsonb_build_object('custom_instructions', $11::text))
                    || jsonb_build_object('intake', jsonb_strip_nulls(jsonb_build_object(
                        'owned_at', now(), 'recall_bot_id', $9::text))))""".formatted(MEMBER_OR_NULL.formatted("$10"));

    /**
     * Records an interview whose media is elsewhere (a URL, a Recall.ai recording) with its first run
     * started, in one statement. A Recall id seen before makes it a no-op: the webhook was redelivered.
     */
    @Sql
    static final String INSERT_STARTED = """
            INSERT INTO interviews (id, account_id, project_id, title, status, source_type, source_url,
                                    recall_recording_id, created_by, conversation_analysis, processing_metadata)
            VALUES ($1, $2, $3, $4, %s, $5, $6, $7, %s,
                    jsonb_strip_nulls(jsonb_build_object('custom_instructions', $12::text))
                    || jsonb_build_object(
                        'current_step', 'upload',
                        'completed_steps', '[]'::jsonb,
                        'progress', 0,
                        'status_detail', $11::text,
                        'intake', jsonb_strip_nulls(jsonb_build_object(
                            'run_id', $10::text,
                            'resume_from', 'upload',
                            'skip_steps', '[]'::jsonb,
                            'heartbeat_at', now(),
                            'owned_at', now(),
                            'recall_bot_id', $8::text))),
                    jsonb_build_object('current_step', 'upload', 'completed_steps', '[]'::jsonb, 'progress', 0,
                                       'status_detail', $11::text))
            ON CONFLICT DO NOTHING
            RETURNING id""".formatted(StatusSql.literal(InterviewStatus.UPLOADED), MEMBER_OR_NULL.formatted("$9"));

    /** Records an interview that failed before it could start (Recall's upload failed), or finds it. */
    @Sql
    static final String INSERT_FAILED = """
            INSERT INTO interviews (id, account_id, project_id, title, status, source_type, source_url,
                                    recall_recording_id, created_by, conversation_analysis, processing_metadata)
            VALUES ($1, $2, $3, $4, %s, $5, $6, $7, %s,
                    jsonb_build_object(
                        'current_step', $10::text,
                        'completed_steps', '[]'::jsonb,
                        'progress', 0,
                        'last_error', $11::text,
                        'failed_at', now(),
                        'status_detail', $12::text,
                        'intake', jsonb_strip_nulls(jsonb_build_object(
                            'owned_at', now(),
                            'recall_bot_id', $8::text,
                            'error', jsonb_build_object('step', $10::text, 'message', $11::text,
                                                        'kind', 'permanent', 'attempts', 1, 'at', now())))),
                    jsonb_build_object('current_step', $10::text, 'progress', 0, 'status_detail', $12::text,
                                       'failed_at', now(), 'error', $12::text))
            ON CONFLICT DO NOTHING
            RETURNING id""".formatted(StatusSql.literal(InterviewStatus.ERROR), MEMBER_OR_NULL.formatted("$9"));

    @Sql
    static final String FIND_BY_RECALL = "SELECT " + Interview.COLUMNS
            + " FROM interviews WHERE recall_recording_id = $1 OR conversation_analysis->'intake'->>'recall_bot_id' = $2";

    /** The upload step records where it put the media (media_url holds the key, as Insights keeps it). */
    @Sql
    static final String SET_MEDIA = """
            UPDATE interviews
            SET media_url = $2, recall_recording_id = coalesce(recall_recording_id, $3), updated_at = now()
            WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $4""";

    /**
     * SET_MEDIA for media copied from a URL: the URL is kept only without what may be secret (a
     * pre-signed URL's query, credentials), since once the copy is in the bucket nothing reads it again.
     */
    @Sql
    static final String SET_MEDIA_COPIED_FROM_URL = """
            UPDATE interviews
            SET media_url = $2, source_url = $3, updated_at = now()
            WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $4""";

    @Sql
    static final String FIND = "SELECT " + Interview.COLUMNS + " FROM interviews WHERE id = $1";

    /** Why a transition did not happen: whether the row is there, and in which status. */
    @Sql
    static final String STATUS_OF = "SELECT status::text AS status FROM interviews WHERE id = $1";

    /** START_RUN's changes, which taking over an upload (below) makes too, under its own conditions. */
    private static final String START_RUN_SET = "UPDATE interviews SET status = $3::interview_status,"
            + " media_url = coalesce($7, media_url), updated_at = now(),"
            + " conversation_analysis = (" + ANALYSIS + " - 'last_error' - 'failed_at' - 'completed_at')"
            + "   || jsonb_build_object("
            + "        'current_step', $4::text,"
            + "        'completed_steps', " + keptSteps("$5") + ","
            + "        'progress', " + ShownProgress.atLeastShown("$10") + ","
            + "        'status_detail', $8::text,"
            + "        'intake', (" + RUN + " - 'lease_owner' - 'lease_until' - 'attempt' - 'retry_at' - 'resume_count'"
            + "                   - 'error' - 'step_started_at' - 'start_failed_at' - 'requested_by')"
            + "            || jsonb_build_object("
            + "                'run_id', $2::text,"
            + "                'resume_from', $4::text,"
            + "                'skip_steps', to_jsonb($6::text[]),"
            + "                'heartbeat_at', now(),"
            // The sweeper judges a run by these: when it started (its deadline) and when it last progressed.
            + "                'run_started_at', now(),"
            + "                'progress_at', now(),"
            + "                'owned_at', coalesce(" + RUN + "->'owned_at', to_jsonb(now())))),"
            + " processing_metadata = (" + METADATA + " - 'failed_at' - 'error' - 'completed_at')"
            + "   || jsonb_build_object('current_step', $4::text, 'progress', " + ShownProgress.atLeastShown("$10") + ", 'status_detail', $8::text,"
            + "                         'completed_steps', " + keptSteps("$5") + ")";

    /**
     * Starts a run, and with it Intake's ownership of the interview: names the run, points
     * current_step at its first step and forgets what the run will redo. $7 (the object key) is set
     * by upload completion and left alone by resumes. Keys of conversation_analysis and
     * processing_metadata that Intake does not write (Insights' trigger_run_id, workflow_state, ...)
     * are kept as they are.
     */
    @Sql
    static final String START_RUN = START_RUN_SET
            + " WHERE id = $1 AND status = ANY($9::interview_status[])"
            + " RETURNING id";

    /**
     * An upload no pipeline has started: Insights' web upload left it 'uploaded' with its media, and
     * neither Intake (its 'intake' key) nor Insights' old pipeline (trigger_run_id, current_step,
     * workflow_state, as src/trigger/interview/v2 writes them) has touched it. Documents and voice memos
     * are not interviews Insights analyses, so they are never taken. Spelled exactly as the predicate of
     * intake_interviews_unclaimed_uploads_idx (V9), so the sweeper's scan can use it.
     */
    static final String UNCLAIMED_UPLOAD = "status = " + StatusSql.literal(InterviewStatus.UPLOADED)
            + " AND media_url IS NOT NULL"
            + " AND NOT (coalesce(conversation_analysis, '{}'::jsonb)"
            + "          ?| ARRAY['intake', 'trigger_run_id', 'current_step', 'workflow_state'])"
            + " AND NOT (coalesce(processing_metadata, '{}'::jsonb) ?| ARRAY['trigger_run_id', 'current_step'])"
            + " AND coalesce(media_type, '') NOT IN ('document', 'voice_memo')";

    /**
     * Takes over an unclaimed upload ({@link #UNCLAIMED_UPLOAD}) untouched for $9 seconds, starting its
     * run: the same changes as START_RUN, so every key Insights wrote stays as it is.
     */
    @Sql
    static final String ADOPT_UPLOAD = START_RUN_SET
            + " WHERE id = $1 AND " + UNCLAIMED_UPLOAD
            + "   AND updated_at <= now() - make_interval(secs => $9::double precision)"
            + " RETURNING id";

    /**
     * An operator's repair of an upload Intake has not taken, whoever left it: 'uploaded', its media
     * set, no 'intake' key. Taking it gives it one, so of two repairs (or a repair and the sweeper) one wins.
     */
    @Sql
    static final String TAKE_OVER_UPLOAD = START_RUN_SET
            + " WHERE id = $1 AND status = ANY($9::interview_status[]) AND media_url IS NOT NULL"
            + "   AND NOT (coalesce(conversation_analysis, '{}'::jsonb) ? 'intake')"
            + " RETURNING id";

    /**
     * The interview of a project whose media_url is the object key $2 (or a URL ending in it): keys
     * Insights writes before its interview exists name only the project. Two means the key is ambiguous.
     */
    @Sql
    static final String FIND_BY_MEDIA_KEY = "SELECT " + Interview.COLUMNS + " FROM interviews"
            + " WHERE project_id = $1 AND (media_url = $2 OR (media_url ~* '^https?://' AND media_url LIKE '%/' || $2))"
            + " ORDER BY created_at LIMIT 2";

    /**
     * Who asked for run $2 by hand (an operator's user id), kept in the run state until the next run
     * starts (START_RUN forgets it). Leaves updated_at alone: it is a note, not a sign of life.
     */
    @Sql
    static final String NOTE_REQUESTED_BY = "UPDATE interviews SET conversation_analysis = jsonb_set(conversation_analysis,"
            + " '{intake,requested_by}', to_jsonb($3::text))"
            + " WHERE id = $1 AND conversation_analysis->'intake'->>'run_id' = $2"
            + " RETURNING id";

    @Sql
    static final String CLAIM_STEP = "UPDATE interviews SET status = $4::interview_status, updated_at = now(),"
            + " conversation_analysis = " + ANALYSIS + " || jsonb_build_object("
            + "     'progress', " + ShownProgress.atLeastShown("$7") + ","
            + "     'status_detail', $8::text,"
            + "     'intake', (" + RUN + " - 'start_failed_at') || jsonb_build_object("
            + "         'lease_owner', $5::text,"
            + "         'lease_until', now() + make_interval(secs => $6::double precision),"
            + "         'heartbeat_at', now(),"
            + "         'step_started_at', now(),"
            + "         'attempt', coalesce((" + RUN + "->>'attempt')::int, 0) + 1)),"
            + " processing_metadata = " + METADATA
            + "     || jsonb_build_object('current_step', $3::text, 'progress', " + ShownProgress.atLeastShown("$7") + ", 'status_detail', $8::text)"
            + " WHERE id = $1"
            + "   AND conversation_analysis->'intake'->>'run_id' = $2"
            + "   AND conversation_analysis->>'current_step' = $3"
            + "   AND status = ANY($9::interview_status[])"
            + "   AND (conversation_analysis->'intake'->>'lease_until' IS NULL"
            + "        OR (conversation_analysis->'intake'->>'lease_until')::timestamptz < now())"
            + " RETURNING " + Interview.COLUMNS;

    /** completed_steps with $3 (the step just done) added once. */
    private static final String DONE = "CASE WHEN " + COMPLETED + " ? $3 THEN " + COMPLETED
            + " ELSE " + COMPLETED + " || jsonb_build_array($3::text) END";
    private static final String COMPLETED_AT = "CASE WHEN $6::text = 'complete'"
            + " THEN jsonb_build_object('completed_at', now()) ELSE '{}'::jsonb END";

    /**
     * Records a step as done and points current_step at the next one (or 'complete'), releasing the
     * lease. Only the lease owner can do it.
     */
    @Sql
    static final String COMPLETE_STEP = "UPDATE interviews SET status = $5::interview_status, updated_at = now(),"
            + " conversation_analysis = (" + ANALYSIS + " - 'last_error') || jsonb_build_object("
            + "     'completed_steps', " + DONE + ","
            + "     'current_step', $6::text,"
            + "     'progress', " + ShownProgress.atLeastShown("$7") + ","
            + "     'status_detail', $8::text,"
            + "     'intake', (" + RUN + " - 'lease_owner' - 'lease_until' - 'attempt' - 'retry_at' - 'error')"
            + "         || jsonb_build_object("
            + "             'heartbeat_at', now(),"
            + "             'progress_at', now(),"
            + "             'step_timings', coalesce(" + RUN + "->'step_timings', '{}'::jsonb)"
            + "                 || jsonb_build_object($3::text, jsonb_build_object("
            + "                     'started_at', " + RUN + "->'step_started_at',"
            + "                     'completed_at', now(),"
            + "                     'seconds', round(extract(epoch FROM now()"
            + "                         - coalesce((" + RUN + "->>'step_started_at')::timestamptz, now()))::numeric, 3),"
            // The claims it took, and what the last failed one said: the console's timeline shows retries.
            + "                     'attempts', coalesce((" + RUN + "->>'attempt')::int, 1),"
            + "                     'retried_after', " + RUN + "->'error'->'message'))))"
            + "   || $9::jsonb || " + COMPLETED_AT + ","
            + " processing_metadata = " + METADATA + " || jsonb_build_object("
            + "     'current_step', $6::text, 'progress', " + ShownProgress.atLeastShown("$7") + ", 'status_detail', $8::text,"
            + "     'completed_steps', " + DONE + ") || " + COMPLETED_AT
            + " WHERE id = $1"
            + "   AND conversation_analysis->'intake'->>'run_id' = $2"
            + "   AND conversation_analysis->>'current_step' = $3"
            + "   AND conversation_analysis->'intake'->>'lease_owner' = $4"
            + "   AND status = ANY($10::interview_status[])"
            + " RETURNING id";

    /**
     * Marks the interview failed. Insights' readers get what they read: last_error as a string in
     * conversation_analysis, and processing_metadata's error and failed_at, which the web app shows;
     * Intake's structured error goes under its own key. With a lease ($2) only its owner may; with a
     * run ($9) only while that run is the interview's; and only from the statuses $8.
     */
    @Sql
    static final String RECORD_FAILURE = "UPDATE interviews SET status = 'error', updated_at = now(),"
            + " conversation_analysis = " + ANALYSIS + " || jsonb_build_object("
            + "     'last_error', $4::text,"
            + "     'failed_at', now(),"
            + "     'status_detail', $7::text,"
            + "     'intake', (" + RUN + " - 'lease_owner' - 'lease_until' - 'retry_at') || jsonb_build_object("
            + "         'owned_at', coalesce(" + RUN + "->'owned_at', to_jsonb(now())),"
            + "         'error', jsonb_strip_nulls(jsonb_build_object('step', $3::text, 'message', $4::text, 'kind', $5::text,"
            + "                                     'attempts', $6::int, 'at', now(), 'detail', $10::text)))),"
            + " processing_metadata = " + METADATA
            + "     || jsonb_build_object('failed_at', now(), 'error', $7::text, 'status_detail', $7::text)"
            + " WHERE id = $1"
            + "   AND ($2::text IS NULL OR conversation_analysis->'intake'->>'lease_owner' = $2)"
            + "   AND status = ANY($8::interview_status[])"
            + "   AND ($9::text IS NULL OR conversation_analysis->'intake'->>'run_id' = $9)"
            + " RETURNING id";

    /**
     * A transient failure with attempts left: the lease is released, the step stays current, and the
     * error is recorded under Intake's key (the interview stays in flight) for whoever looks before the retry.
     */
    @Sql
    static final String SCHEDULE_RETRY = "UPDATE interviews SET updated_at = now(),"
            + " conversation_analysis = " + ANALYSIS + " || jsonb_build_object("
            + "     'status_detail', $7::text,"
            + "     'intake', (" + RUN + " - 'lease_owner' - 'lease_until') || jsonb_build_object("
            + "         'error', jsonb_strip_nulls(jsonb_build_object('step', $3::text, 'message', $4::text, 'kind', 'transient',"
            + "                                     'attempts', $5::int, 'at', now(), 'detail', $8::text)),"
            + "         'retry_at', now() + make_interval(secs => $6::double precision))),"
            + " processing_metadata = " + METADATA + " || jsonb_build_object('status_detail', $7::text)"
            + " WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $2"
            + " RETURNING id";

    /**
     * The engine did not take run $2: the interview stays as it is (in flight, the run current) with
     * the start failure as a transient error on the step it is at, so a redelivery or the sweeper
     * starts the run again. Only while $2 is the interview's run and it is in flight.
     */
    @Sql
    static final String RECORD_START_FAILURE = "UPDATE interviews SET updated_at = now(),"
            + " conversation_analysis = " + ANALYSIS + " || jsonb_build_object("
            + "     'status_detail', $4::text,"
            + "     'intake', " + RUN + " || jsonb_build_object("
            + "         'start_failed_at', now(),"
            + "         'error', jsonb_build_object('step', coalesce(conversation_analysis->>'current_step', 'upload'),"
            + "                                     'message', $3::text, 'kind', 'transient', 'attempts', 1, 'at', now()))),"
            + " processing_metadata = " + METADATA + " || jsonb_build_object('status_detail', $4::text)"
            + " WHERE id = $1 AND conversation_analysis->'intake'->>'run_id' = $2 AND status = ANY($5::interview_status[])"
            + " RETURNING id";

    /**
     * A step whose work goes on elsewhere (a provider transcribing) lets go until its next check: the
     * lease is released, the claim just made is not counted as an attempt (attempts count failures),
     * a stale transient error is cleared, and the detail says what it waits for. Only the lease owner may.
     */
    @Sql
    static final String AWAIT_STEP = "UPDATE interviews SET updated_at = now(),"
            + " conversation_analysis = " + ANALYSIS + " || jsonb_build_object("
            + "     'status_detail', $3::text,"
            + "     'intake', (" + RUN + " - 'lease_owner' - 'lease_until' - 'error') || jsonb_build_object("
            + "         'attempt', greatest(coalesce((" + RUN + "->>'attempt')::int, 1) - 1, 0),"
            + "         'heartbeat_at', now(),"
            // A check of a provider's job is progress: the step's own bound (its max wait) and the
            // run's deadline end a job that never finishes.
            + "         'progress_at', now(),"
            + "         'retry_at', now() + make_interval(secs => $4::double precision))),"
            + " processing_metadata = " + METADATA + " || jsonb_build_object('status_detail', $3::text)"
            + " WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $2"
            + " RETURNING id";

    /** A long step's heartbeat: the lease is extended, so the sweeper sees it alive. */
    @Sql
    static final String RENEW_LEASE = "UPDATE interviews SET updated_at = now(),"
            + " conversation_analysis = " + ANALYSIS + " || jsonb_build_object('intake', " + RUN
            + "     || jsonb_build_object('lease_until', now() + make_interval(secs => $3::double precision),"
            + "                           'heartbeat_at', now()))"
            + " WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $2"
            + " RETURNING id";

    /**
     * How long the interview's lease has left by the database's clock (the clock that set it and that
     * every claim compares with): zero when it ran out, no row when there is no lease.
     */
    @Sql
    static final String LEASE_LEFT = "SELECT greatest(extract(epoch FROM"
            + " (conversation_analysis->'intake'->>'lease_until')::timestamptz - now()), 0)::double precision AS seconds"
            + " FROM interviews WHERE id = $1 AND conversation_analysis->'intake'->>'lease_until' IS NOT NULL";

    /** completed_steps without the steps in {@code param} (a text[]), which the new run redoes. */
    private static String keptSteps(String param) {
        return "(SELECT coalesce(jsonb_agg(done.value), '[]'::jsonb) FROM jsonb_array_elements_text(" + COMPLETED
                + ") AS done WHERE done.value <> ALL(" + param + "::text[]))";
    }

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
        Tuple args = Tuple.of(lease.interviewId(), mediaKey, recallRecordingId, lease.owner());
        writes.write(lease, tx -> tx.sendExpectingRows(SET_MEDIA, args, () -> new LeaseLostException(lease)));
    }

    /** Where the upload step copied the media imported from a URL, and that URL as it may be kept; fenced. */
    public void setMediaCopiedFromUrl(Lease lease, String mediaKey, String keptUrl) {
        Tuple args = Tuple.of(lease.interviewId(), mediaKey, keptUrl, lease.owner());
        writes.write(lease, tx -> tx.sendExpectingRows(SET_MEDIA_COPIED_FROM_URL, args,
                () -> new LeaseLostException(lease)));
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
        return new java.util.ArrayList<>(Arrays.asList(i.id(), i.accountId(), i.projectId(), i.title(), s.type(),
                s.sourceUrl(), s.recallRecordingId(), s.recallBotId(), i.createdBy()));
    }

    public Optional<Interview> find(UUID id) {
        RowSet<Row> rows = db.execute(FIND, Tuple.of(id));
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(Interview.from(rows.iterator().next()));
    }

    /** {@code uploading -> uploaded}, recording the object key and starting a full run in the same UPDATE. */
    public Race completeUpload(UUID id, String mediaKey, String runId) {
        return startRun(id, runId, RunPlan.full(), InterviewStatus.UPLOADED, mediaKey,
                "Upload received; processing starts shortly");
    }

    /** Starts {@code plan} as run {@code runId} of an interview that may run again (see {@link StatusTransitions}). */
    public Race startRun(UUID id, String runId, RunPlan plan) {
        return startRun(id, runId, plan, plan.startStatus(), null,
                "Queued to run from " + plan.firstStep().key());
    }

    /**
     * Takes over an upload no pipeline has started ({@link #UNCLAIMED_UPLOAD}) and left alone for
     * {@code untouchedFor}, starting a full run of it as {@code runId}; {@code mediaKey} is recorded
     * only where media_url is empty. The interview stays 'uploaded' until its upload step is claimed.
     */
    public Race adoptUpload(UUID id, String runId, String mediaKey, Duration untouchedFor, String detail) {
        RunPlan plan = RunPlan.full();
        RowSet<Row> rows = db.execute(ADOPT_UPLOAD, Tuple.from(Arrays.asList(id, runId, InterviewStatus.UPLOADED.dbValue(),
                plan.firstStep().key(), plan.invalidatedStepKeys().toArray(String[]::new), new String[0], mediaKey, detail,
                untouchedFor.toMillis() / 1000.0, plan.firstStep().startProgress())));
        return race(rows, id, java.util.Set.of(InterviewStatus.UPLOADED), "ADOPT_UPLOAD");
    }

    /**
     * An operator takes over an 'uploaded' interview Intake has not taken (whoever left it), running it
     * from its upload as {@code runId}; LOST when someone took it first.
     */
    public Race takeOverUpload(UUID id, String runId) {
        RunPlan plan = RunPlan.full();
        InterviewStatus status = plan.startStatus();
        RowSet<Row> rows = db.execute(TAKE_OVER_UPLOAD, Tuple.from(Arrays.asList(id, runId, status.dbValue(),
                plan.firstStep().key(), plan.invalidatedStepKeys().toArray(String[]::new), new String[0], null,
                "Taken over by Intake; queued to run from " + plan.firstStep().key(),
                dbValues(java.util.Set.of(InterviewStatus.UPLOADED)), plan.firstStep().startProgress())));
        return race(rows, id, java.util.Set.of(InterviewStatus.UPLOADED), "TAKE_OVER_UPLOAD");
    }

    /** The project's interviews whose media_url names {@code key} (at most two: more than one is ambiguous). */
    public List<Interview> findByMediaKey(UUID projectId, String key) {
        List<Interview> found = new java.util.ArrayList<>();
        for (Row row : db.execute(FIND_BY_MEDIA_KEY, Tuple.of(projectId, key))) {
            found.add(Interview.from(row));
        }
        return found;
    }

    /** Records who asked for run {@code runId}; lost when another run has already replaced it. */
    public Race noteRequestedBy(UUID id, String runId, String requestedBy) {
        return race(db.execute(NOTE_REQUESTED_BY, Tuple.of(id, runId, requestedBy)), id, ALL_STATUSES, "NOTE_REQUESTED_BY");
    }

    private Race startRun(UUID id, String runId, RunPlan plan, InterviewStatus status, String mediaKey,
                          String detail) {
        RowSet<Row> rows = db.execute(START_RUN, Tuple.from(Arrays.asList(id, runId, status.dbValue(),
                plan.firstStep().key(), plan.invalidatedStepKeys().toArray(String[]::new),
                plan.skipStepKeys().toArray(String[]::new), mediaKey, detail,
                dbValues(StatusTransitions.predecessorsOf(status)), plan.firstStep().startProgress())));
        return race(rows, id, StatusTransitions.predecessorsOf(status), "START_RUN");
    }

    /** Takes the lease on {@code step} of run {@code runId}; empty when the step is not ours to run. */
    public Optional<Interview> claimStep(Lease lease, String runId, Step step, Duration leaseFor) {
        return claimed(db.execute(CLAIM_STEP, claimArgs(lease, runId, step, leaseFor)));
    }

    private static Tuple claimArgs(Lease lease, String runId, Step step, Duration leaseFor) {
        return Tuple.from(Arrays.asList(lease.interviewId(), runId, step.key(), step.runningStatus().dbValue(),
                lease.owner(), (double) leaseFor.toMillis() / 1000.0, step.startProgress(), step.detail(),
                dbValues(StatusTransitions.claimableFrom(step))));
    }

    private static Optional<Interview> claimed(RowSet<Row> rows) {
        return rows.rowCount() == 0 ? Optional.empty() : Optional.of(Interview.from(rows.iterator().next()));
    }

    /**
     * Records {@code step} as done. {@code next} empty means the run is complete; {@code outputs} are
     * merged into conversation_analysis (e.g. evidence_count).
     */
    public Race completeStep(Lease lease, String runId, Step step, Optional<Step> next, JsonObject outputs) {
        return completeStep(lease, runId, step, next, outputs, FencedWrites.Kept.NONE, Optional.empty(), Duration.ZERO)
                .race();
    }

    /** How the transaction that ended a step went, and the next step's claim when one was asked for. */
    public record Ended(Race race, Optional<Interview> claimed) {
    }

    /**
     * Records {@code step} as done in one transaction with the step's kept writes and, given
     * {@code nextLease}, the claim of the next step: the lease proven (the row locked), the writes
     * made, then the completion and the claim sent with the commit. When this engine runs the next step
     * too, the step costs one commit; a claim lost to another owner leaves the next step to its usual claim.
     */
    public Ended completeStep(Lease lease, String runId, Step step, Optional<Step> next, JsonObject outputs,
                              FencedWrites.Kept writes, Optional<Lease> nextLease, Duration leaseFor) {
        String nextKey = next.map(Step::key).orElse(Step.COMPLETE);
        int progress = next.isPresent() ? step.endProgress() : 100;
        String detail = next.map(s -> "Completed " + step.key() + "; next: " + s.key())
                .orElse("Ready");
        InterviewStatus status = next.isPresent() ? step.doneStatus() : InterviewStatus.READY;
        StatusTransitions.check(step.runningStatus(), status);
        List<Db.Statement> statements = new java.util.ArrayList<>(List.of(new Db.Statement(COMPLETE_STEP,
                Tuple.from(Arrays.asList(lease.interviewId(), runId, step.key(), lease.owner(), status.dbValue(), nextKey,
                        progress, detail, outputs, dbValues(List.of(step.runningStatus())))))));
        if (next.isPresent() && nextLease.isPresent()) {
            statements.add(new Db.Statement(CLAIM_STEP, claimArgs(nextLease.get(), runId, next.get(), leaseFor)));
        }
        Optional<List<RowSet<Row>>> rows = endStep(lease, writes, statements);
        Race race = race(rows.map(r -> r.get(0).rowCount()).orElse(0), lease.interviewId(),
                List.of(step.runningStatus()), "COMPLETE_STEP");
        Optional<Interview> claimed = rows.filter(r -> r.size() > 1).flatMap(r -> claimed(r.get(1)));
        return new Ended(race, race.won() ? claimed : Optional.empty());
    }

    /**
     * The transaction that ends a step: with kept writes, the lease is proven first and the writes made,
     * then {@code last} goes with the commit. Empty when the lease was no longer the step's.
     */
    private Optional<List<RowSet<Row>>> endStep(Lease lease, FencedWrites.Kept writes, List<Db.Statement> last) {
        try {
            return Optional.of(db.inTransaction(tx -> {
                if (!writes.isEmpty()) {
                    LeaseFence.send(tx, lease);
                    writes.makeIn(tx);
                }
                return tx.executeAllAndCommit(last);
            }));
        } catch (LeaseLostException e) {
            return Optional.empty();
        }
    }

    private int endStep(Lease lease, FencedWrites.Kept writes, String sql, Tuple args) {
        return endStep(lease, writes, List.of(new Db.Statement(sql, args))).map(r -> r.get(0).rowCount()).orElse(0);
    }

    /** Releases the lease of a step that failed transiently, recording the error; the engine retries it. */
    public Race scheduleRetry(Lease lease, StepError error, Duration delay) {
        return scheduleRetry(lease, error, delay, FencedWrites.Kept.NONE);
    }

    /** {@link #scheduleRetry(Lease, StepError, Duration)}, in one transaction with the step's kept writes. */
    public Race scheduleRetry(Lease lease, StepError error, Duration delay, FencedWrites.Kept writes) {
        int changed = endStep(lease, writes, SCHEDULE_RETRY, Tuple.from(Arrays.asList(lease.interviewId(), lease.owner(),
                error.step(), error.message(), error.attempts(), delay.toMillis() / 1000.0,
                "Retrying " + error.step() + " in " + Math.max(1, delay.toSeconds()) + " s after: " + error.message(),
                error.operatorDetail())));
        return race(changed, lease.interviewId(), ALL_STATUSES, "SCHEDULE_RETRY");
    }

    /** Records that run {@code runId} could not be handed to the engine; the interview stays in flight. */
    public Race recordStartFailure(UUID id, String runId, String reason, String detail) {
        RowSet<Row> rows = db.execute(RECORD_START_FAILURE, Tuple.from(Arrays.asList(id, runId, reason, detail,
                dbValues(StatusTransitions.inFlight()))));
        return race(rows, id, StatusTransitions.inFlight(), "RECORD_START_FAILURE");
    }

    /** Releases a step that waits for work done elsewhere until {@code checkAgainIn}; LOST when the lease was taken over. */
    public Race awaitStep(Lease lease, String detail, Duration checkAgainIn) {
        return awaitStep(lease, detail, checkAgainIn, FencedWrites.Kept.NONE);
    }

    /** {@link #awaitStep(Lease, String, Duration)}, in one transaction with the step's kept writes. */
    public Race awaitStep(Lease lease, String detail, Duration checkAgainIn, FencedWrites.Kept writes) {
        int changed = endStep(lease, writes, AWAIT_STEP, Tuple.of(lease.interviewId(), lease.owner(), detail,
                checkAgainIn.toMillis() / 1000.0));
        return race(changed, lease.interviewId(), ALL_STATUSES, "AWAIT_STEP");
    }

    /** Extends the lease; LOST means another invocation took the step over. */
    public Race renewLease(Lease lease, Duration leaseFor) {
        RowSet<Row> rows = db.execute(RENEW_LEASE, Tuple.of(lease.interviewId(), lease.owner(), leaseFor.toMillis() / 1000.0));
        return race(rows, lease.interviewId(), ALL_STATUSES, "RENEW_LEASE");
    }

    /** The time the interview's lease has left, by the database's clock; empty when it holds no lease. */
    public Optional<Duration> leaseLeft(UUID id) {
        RowSet<Row> rows = db.execute(LEASE_LEFT, Tuple.of(id));
        return rows.rowCount() == 0 ? Optional.empty()
                : Optional.of(Duration.ofMillis((long) (rows.iterator().next().getDouble("seconds") * 1000)));
    }

    /** Fails the interview from a claimed step; LOST when the lease was taken over. */
    public Race recordFailure(UUID id, Optional<Lease> lease, StepError error) {
        return recordFailure(id, lease.map(Lease::owner).orElse(null), null,
                StatusTransitions.predecessorsOf(InterviewStatus.ERROR), error);
    }

    /** Fails the interview from its claimed step, in one transaction with the step's kept writes. */
    public Race recordFailure(Lease lease, StepError error, FencedWrites.Kept writes) {
        java.util.Set<InterviewStatus> from = StatusTransitions.predecessorsOf(InterviewStatus.ERROR);
        int changed = endStep(lease, writes, RECORD_FAILURE,
                recordFailureParameters(lease.interviewId(), lease.owner(), null, from, error));
        return race(changed, lease.interviewId(), from, "RECORD_FAILURE");
    }

    /** Fails the interview while {@code runId} is still its run; a newer run is left alone. */
    public Race recordFailureOfRun(UUID id, String runId, StepError error) {
        return recordFailure(id, null, runId, StatusTransitions.predecessorsOf(InterviewStatus.ERROR), error);
    }

    /** Fails the interview only if it is still in one of {@code statuses}. */
    public Race recordFailureIfStill(UUID id, java.util.Set<InterviewStatus> statuses, StepError error) {
        return recordFailure(id, null, null, statuses, error);
    }

    private Race recordFailure(UUID id, String leaseOwner, String runId, Collection<InterviewStatus> from, StepError error) {
        RowSet<Row> rows = db.execute(RECORD_FAILURE, recordFailureParameters(id, leaseOwner, runId, from, error));
        return race(rows, id, from, "RECORD_FAILURE");
    }

    /** {@link #RECORD_FAILURE}'s parameters, bound in one place for every caller (the sweeper's too). */
    static Tuple recordFailureParameters(UUID id, String leaseOwner, String runId, Collection<InterviewStatus> from,
                                         StepError error) {
        return Tuple.from(Arrays.asList(id, leaseOwner, error.step(), error.message(), error.kind().dbValue(),
                error.attempts(), error.detail(), dbValues(from), runId, error.operatorDetail()));
    }

    /**
     * The UPDATE's result as a {@link Race}: WON when it changed the row; otherwise the row is read once to
     * tell a missing interview, a status {@code allowedFrom} does not contain, and a lost race apart.
     */
    private Race race(RowSet<Row> rows, UUID id, Collection<InterviewStatus> allowedFrom, String statement) {
        return race(rows.rowCount(), id, allowedFrom, statement);
    }

    private Race race(int changed, UUID id, Collection<InterviewStatus> allowedFrom, String statement) {
        if (changed > 1) {
            // Impossible with a primary-key predicate; if it happens the statement is wrong, not the race.
            LOG.errorf("%s changed %d rows where one was targeted", statement, changed);
        }
        if (changed > 0) {
            return Race.WON;
        }
        RowSet<Row> found = db.execute(STATUS_OF, Tuple.of(id));
        if (found.rowCount() == 0) {
            return Race.NOT_FOUND;
        }
        InterviewStatus status = InterviewStatus.fromDb(found.iterator().next().getString("status"));
        return allowedFrom.contains(status) ? Race.LOST : Race.ILLEGAL;
    }

    private static String[] dbValues(Collection<InterviewStatus> statuses) {
        return statuses.stream().map(InterviewStatus::dbValue).sorted().toArray(String[]::new);
    }
}
