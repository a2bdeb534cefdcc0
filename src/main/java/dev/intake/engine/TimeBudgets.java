package dev.intake.engine;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.intake.media.MediaConfig;
import dev.intake.media.MediaCopier;
import dev.intake.media.UrlImportConfig;
import dev.intake.providers.http.ProviderCallsConfig;
import dev.intake.providers.http.ProviderHttp;
import dev.intake.providers.recall.RecallClient;
import dev.intake.secrets.SecretsConfig;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.DatabaseConfig;
import dev.intake.workflow.Step;

/**
 * The longest each function's work can legitimately take under the configured limits: what its Lambda
 * timeout must exceed. Infra reads it from the checked-in {@code time-budgets.json} (kept equal to this by
 * TimeBudgetsTest) and checks every Lambda against it, so a limit raised here or a timeout lowered there
 * breaks the build.
 *
 * <p>The model, per function: every call out is counted at its limit. A provider call is its attempts
 * at the response timeout plus the longest backoff between them; a database transaction is the wait for
 * a connection plus one statement limit and the client's grace past it (the statements are index
 * lookups that take milliseconds: the limit is for a database that stops answering, and the first
 * exchange it stops answering ends the work); an S3 call is the SDK's call timeout, retries included; an
 * engine start is the Step Functions client's call timeout; a read of the app secret is the Secrets
 * Manager client's call timeout, twice (after a refusal it is read again); a media copy is its byte limit at
 * {@link MediaCopier#MIN_BYTES_PER_SECOND}, which the copier enforces, plus the last part and its
 * completion. A lease does not bound the work: the heartbeat renews it while the Lambda runs, and a
 * Lambda killed at its timeout leaves it to expire, after which the sweeper takes the step over.
 *
 * <p>The upload step's invocations each do one long thing: a copy (then it returns and continues), or a
 * transcription request or check. A sweep takes interviews until its own time budget is spent.
 */
public final class TimeBudgets {

    /** The client waits this long past the statement limit before calling the database silent (store/Db). */
    /** Every step invocation: the claim, a look at the interview when not claimed, and the outcome recorded. */
    static final int STEP_TRANSACTIONS = 3;
    /** The most an analysis step reads and writes besides (its inputs, its rows, the progress). */
    static final int ANALYSIS_TRANSACTIONS = 5;

    private TimeBudgets() {
    }

    /** The limits the budgets are made of, from the application's configuration. */
    public record Limits(ProviderCallsConfig providers, DatabaseConfig database, EngineConfig engine, SecretsConfig secrets,
                         UrlImportConfig urlImport, MediaConfig media, SweeperConfig sweeper, EventBudgetConfig events,
                         Duration s3Call) {

        Duration providerCall() {
            return ProviderHttp.policyOf(providers).longestCall(providers.timeout());
        }

        Duration transactions(int count) {
            return database.acquireTimeout().plus(database.statementTimeout()).plus(dev.intake.store.Db.GRACE).multipliedBy(count);
        }

        Duration engineStart() {
            return engine.apiCallTimeout();
        }

        /** Recall.ai calls, each at its longest (a key read again after a refusal is one of its attempts). */
        Duration recallCalls(int count) {
            return RecallClient.longestCall().multipliedBy(count);
        }

        /**
         * The app secret read, at first use or past its TTL, and read again after a refused value. (The
         * database secret is read inside a new connection, within the wait for it.)
         */
        Duration appSecretReads() {
            return secrets.apiCallTimeout().multipliedBy(2);
        }

        /** Opening a download: the connect timeout and the wait for its first bytes. */
        Duration download() {
            return urlImport.connectTimeout().plus(urlImport.readTimeout());
        }

        /**
         * A media copy: opened, then given up at its deadline (the byte limit at the minimum speed, which
         * the copier checks after every read) at the worst just after a part went out: that part's call,
         * one more read, and the abort.
         */
        Duration mediaCopy() {
            return download().plus(MediaCopier.longestCopy(urlImport.maxBytes()))
                    .plus(urlImport.readTimeout()).plus(s3Call.multipliedBy(2));
        }

        /** A transcript read whole (from the bucket or Recall.ai), at the copy's minimum speed. */
        Duration transcriptRead() {
            return download().plus(MediaCopier.longestCopy(media.maxTranscriptBytes()));
        }

        /** Starting a run: the engine's start, and its failure recorded when it does not start. */
        Duration runStart() {
            return engineStart().plus(transactions(1));
        }
    }

    /** Each function's budget, in the order of the deployment's functions. */
    public static Map<String, Duration> of(Limits limits) {
        Map<String, Duration> budgets = new LinkedHashMap<>();
        // Objects taken while the event's time budget lasts, then one more (each: the interview read, the
        // HEAD of the object, the upload completed, the run started).
        // A forwarded R2 notification's shared secret first.
        budgets.put("upload-completed", limits.appSecretReads().plus(limits.events().eventTimeBudget())
                .plus(uploadCompletion(limits)));
        // The signature's secret; the project checked, the interview looked up, inserted, looked up again, the run started.
        budgets.put("recall-webhook", limits.appSecretReads().plus(limits.transactions(4)).plus(limits.runStart()));
        // The token's secret; the caller's role, the project, the interview inserted, the run started.
        budgets.put("url-import", limits.appSecretReads().plus(limits.transactions(3)).plus(limits.runStart()));
        // The token's secret; the caller's role and the interview.
        budgets.put("interview-status", limits.appSecretReads().plus(limits.transactions(2)));
        // The token's secret, then the longest of its requests: the overview's five reads; an interview's two
        // reads and its media looked up in the bucket; a repair's look, run started and requester noted, and
        // the run handed to the engine.
        budgets.put("ops-console", limits.appSecretReads().plus(longest(limits.transactions(5),
                limits.transactions(2).plus(limits.s3Call()), limits.transactions(3).plus(limits.runStart()))));
        budgets.put("sweep-stuck", sweep(limits));
        budgets.put(StateMachineDefinition.functionOf(Step.UPLOAD), upload(limits));
        // The model's key, then the call (a key rotated meanwhile is tried again as one of its attempts).
        Duration analysis = limits.appSecretReads().plus(limits.transactions(STEP_TRANSACTIONS + ANALYSIS_TRANSACTIONS))
                .plus(limits.providerCall());
        for (Step step : java.util.EnumSet.range(Step.EVIDENCE, Step.ANSWERS)) {
            budgets.put(StateMachineDefinition.functionOf(step), analysis);
        }
        budgets.put(StateMachineDefinition.functionOf(Step.FINALIZE), limits.transactions(STEP_TRANSACTIONS + 2));
        // The failure recorded, after a look at the interview.
        budgets.put(StateMachineDefinition.FAILURE_FUNCTION, limits.transactions(2));
        return budgets;
    }

    private static Duration longest(Duration... durations) {
        return java.util.Arrays.stream(durations).max(Duration::compareTo).orElseThrow();
    }

    /**
     * The longest invocation of the upload step. Each does one long thing, then returns (and continues
     * in the next invocation where there is more to do): a copy of the media, a transcription request or
     * check, or a transcript read.
     */
    static Duration upload(Limits limits) {
        Duration step = limits.transactions(STEP_TRANSACTIONS);
        // URL import: the copy, the media key recorded.
        Duration urlCopy = limits.mediaCopy().plus(limits.transactions(1));
        // Recall recording: the bot's recording and the recording looked up, the video copied, recorded.
        Duration recallCopy = limits.recallCalls(2).plus(limits.mediaCopy()).plus(limits.transactions(1));
        // After the copy: the recording looked up again, its transcript read and saved, or one asked for.
        Duration recallTranscript = limits.recallCalls(3).plus(limits.transcriptRead()).plus(limits.transactions(2));
        // Media in the bucket: one call to the transcription provider (a submission or a check, or the
        // whole of a synchronous transcription), its job or its transcript recorded.
        Duration transcription = limits.s3Call().plus(limits.providerCall()).plus(limits.transactions(1));
        // A transcript file parsed as it streams from the bucket, then saved.
        Duration transcriptFile = limits.s3Call().plus(limits.transcriptRead()).plus(limits.transactions(1));
        Duration longest = urlCopy;
        for (Duration d : new Duration[] {recallCopy, recallTranscript, transcription, transcriptFile}) {
            longest = d.compareTo(longest) > 0 ? d : longest;
        }
        // Each reads a key first: Recall.ai's or the transcription provider's.
        return limits.appSecretReads().plus(step).plus(longest);
    }

    /**
     * A sweep: its jitter and time budget (checked before each interview), then, past it, one more of
     * each kind, as every sweep takes at least one: a stalled interview, locked, resumed and started,
     * and a stale upload, listed under both spellings of its folder, checked and completed; and the
     * lost-upload scan with its cursor read, moved, and moved back to where the sweep stopped.
     */
    static Duration sweep(Limits limits) {
        SweeperConfig sweeper = limits.sweeper();
        Duration stalled = limits.transactions(1).plus(limits.runStart());
        Duration upload = limits.s3Call().multipliedBy(2).plus(uploadCompletion(limits));
        return sweeper.jitter().plus(sweeper.timeBudget()).plus(stalled).plus(upload).plus(limits.transactions(4));
    }

    /** One upload completed: upload-completed's work for one record, and the sweeper's for a lost event. */
    private static Duration uploadCompletion(Limits limits) {
        return limits.transactions(2).plus(limits.s3Call()).plus(limits.runStart());
    }

    /** The budgets as the checked-in JSON infra reads: function name to seconds, rounded up. */
    public static String json(Limits limits) {
        StringBuilder out = new StringBuilder("{\n");
        var entries = of(limits).entrySet().iterator();
        while (entries.hasNext()) {
            var entry = entries.next();
            long seconds = entry.getValue().plusMillis(999).toSeconds();
            out.append("  \"").append(entry.getKey()).append("\": ").append(seconds).append(entries.hasNext() ? ",\n" : "\n");
        }
        return out.append("}\n").toString();
    }
}
