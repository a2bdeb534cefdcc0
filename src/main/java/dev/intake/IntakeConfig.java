package dev.intake;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake's own settings ({@code intake.*}); defaults need no setup. */
@ConfigMapping(prefix = "intake")
public interface IntakeConfig {

    /** The media bucket: objects arrive under {@code interviews/{account}/{project}/{interview}/{file}}. */
    @WithDefault("intake-media")
    String bucket();

    /**
     * The bucket's public URL (Insights' R2_PUBLIC_BASE_URL), for interviews whose media_url holds a
     * URL under it rather than the object key; presigned and endpoint URLs are read without it.
     */
    Optional<String> bucketPublicBaseUrl();

    /**
     * How long a claimed step is held before another invocation may take it over; its heartbeat renews
     * it every third of this. 54 s: a renewal that hangs for the statement timeout and its 5 s of grace
     * (35 s) still ends before the lease it renews runs out (two thirds of it, 36 s), and a process that
     * died lets go of its step within a minute, so the sweeper can resume it within two.
     */
    @WithDefault("PT54S")
    Duration lease();

    /** Largest transcript file the upload step reads (bytes); transcripts are read whole to be parsed. */
    @WithDefault("20971520")
    long maxTranscriptBytes();

    /**
     * Where local mode keeps the embedded PostgreSQL and S3 data between runs. Read by the launcher
     * before the application starts (system property {@code intake.home} or {@code INTAKE_HOME}).
     */
    @WithDefault(".intake")
    String home();

    /**
     * Set by the launcher when no database is configured and it started the embedded PostgreSQL and S3
     * servers for the command (local mode). Only then may ops commands run steps in-process unasked.
     */
    @WithDefault("false")
    boolean localMode();

    /**
     * Part size of multipart copies into the bucket: the most a media copy holds in memory at once.
     * S3 requires at least 5 MiB.
     */
    @WithDefault("8388608")
    int copyPartBytes();

    /**
     * Multiplies the waits of step retries in the local engine: 1 in production; tests shrink it so
     * retries take milliseconds.
     */
    @WithDefault("1.0")
    double retryDelayScale();

    /**
     * How long upload-completed goes on taking the objects of one event (a forwarded R2 batch holds up to
     * 100): checked before each, so the event is handled within this plus one object (engine/TimeBudgets).
     * The objects not reached are answered as deferred, so the sender delivers the event again, and the
     * ones already taken are then duplicates.
     */
    @WithDefault("PT60S")
    Duration eventTimeBudget();

    /** Threads the local engine runs interviews on. */
    @WithDefault("2")
    int localEngineThreads();

    /**
     * Whether step metrics are also written as CloudWatch embedded-metric log lines (the deployment
     * turns it on in Lambda; locally the lines would only clutter the output).
     */
    @WithDefault("false")
    boolean metricsEmf();

    Database database();

    Auth auth();

    Recall recall();

    UrlImport urlImport();

    R2 r2();

    Transcription transcription();

    Analysis analysis();

    ProviderCalls providers();

    Sweeper sweeper();

    Engine engine();

    SecretStore secrets();

    Console console();

    /** The operator console `intake serve` serves at {@code /}. */
    interface Console {
        /**
         * User ids (Supabase {@code sub}) allowed to use it; none by default, so nobody is an operator.
         * On local data, serve's local user is one as well.
         */
        Optional<List<String>> operators();
    }

    /**
     * Limits on every exchange with the database, so a slow or silent database fails the work in hand
     * (transiently, naming the database) rather than holding it, its connection and its row locks.
     */
    interface Database {
        /**
         * Server-side: the longest PostgreSQL lets a statement run, or a transaction sit idle, before it
         * ends it. Set inside each transaction, so it holds behind a transaction-mode pooler too.
         */
        @WithDefault("PT30S")
        Duration statementTimeout();

        /** How long to wait for a pooled connection (a new one includes connecting) before giving up. */
        @WithDefault("PT10S")
        Duration acquireTimeout();
    }

    /**
     * Where the deployment keeps its secrets (AWS Secrets Manager). With a secret id set, the values it
     * holds are read at first use, cached for {@link #ttl()}, and read again sooner when one is refused;
     * with none, the plain settings ({@code intake.recall.webhook-secret}, ...) are the values.
     */
    interface SecretStore {
        /**
         * The secret (name or ARN) holding the app's values as JSON: {@code recallWebhookSecret},
         * {@code recallApiKey}, {@code jwtSecret}, {@code r2ForwardSecret}, {@code assemblyAiApiKey},
         * {@code analysisApiKey}.
         */
        Optional<String> appSecretId();

        /**
         * The secret (name or ARN) holding the database's {@code username} and {@code password}; with it set,
         * every new connection takes the values current then (application.properties wires the provider).
         */
        Optional<String> databaseSecretId();

        /** How long a secret read is used before it is read again: the longest a rotation goes unseen. */
        @WithDefault("PT5M")
        Duration ttl();

        /**
         * The least time between two reads of a secret caused by refused values (a signature that does not
         * match, a provider's 401), so forged requests cannot make every request a call to Secrets Manager.
         */
        @WithDefault("PT30S")
        Duration minRefreshInterval();

        /** Region of the Secrets Manager API; the Lambda's own region when unset. */
        Optional<String> region();

        /** A Secrets Manager endpoint other than AWS's (tests). */
        Optional<String> endpoint();

        /** The longest one read may take, the SDK's retries included (counted in every time budget). */
        @WithDefault("PT5S")
        Duration apiCallTimeout();
    }

    /** Which engine drives runs. */
    interface Engine {
        /** {@code local} (in-process) or {@code aws} (AWS Step Functions). */
        @WithDefault("local")
        String kind();

        /** The state machine of the aws engine (the deployment sets it). */
        Optional<String> stateMachineArn();

        /** Region of the Step Functions API; the Lambda's own region when unset. */
        Optional<String> region();

        /** A Step Functions API endpoint other than AWS's (tests). */
        Optional<String> stepFunctionsEndpoint();

        /**
         * The longest a start of an execution may take, the SDK's retries included: entry functions and
         * the sweeper count it in their time budgets (engine/TimeBudgets).
         */
        @WithDefault("PT10S")
        Duration apiCallTimeout();
    }

    /**
     * The safety net. Defaults bring a stalled interview to a resumed run or a visible error within 2
     * minutes: leases of 54 s renewed every 18 s, a stall declared 55 s after the last sign of life (once
     * the lease ran out), and a sweep every 30 s in `serve` (up to 5 s of jitter), every minute in AWS
     * (the schedule is infra's; the finest EventBridge allows).
     */
    interface Sweeper {
        /**
         * How long an in-flight interview may show no sign of life (and hold no live lease, and be past
         * the retry it waits for): the lease and a second, so a lease that ran out is enough.
         */
        @WithDefault("PT55S")
        Duration stalledAfter();

        /**
         * Progress, not activity: an interview in flight whose run has completed no step (nor started,
         * resumed or begun a wait for a provider) for this long is failed with its last error, however
         * often claims and heartbeats touch it.
         */
        @WithDefault("PT30M")
        Duration noProgressAfter();

        /**
         * The longest a run may be in flight, from its start (a sweeper's resume keeps the start, a
         * repair starts again): failed past it, saying so. Media of known length adds its own duration,
         * so a three-hour recording gets five hours.
         */
        @WithDefault("PT2H")
        Duration interviewDeadline();

        /** Resumes per interview before the sweeper gives up and marks it failed. */
        @WithDefault("3")
        int maxResumes();

        /** An upload whose object is in the bucket but still 'uploading' after this lost its S3 event. */
        @WithDefault("PT10M")
        Duration lostUploadAfter();

        /** An upload with no object after this never completed. */
        @WithDefault("PT6H")
        Duration uploadTimeout();

        /** Interviews handled per sweep, of each kind. */
        @WithDefault("100")
        int batch();

        /**
         * How long one sweep goes on taking interviews: checked before each one, so a sweep ends within
         * this plus the handling of one interview, and what is left is taken by the next sweep.
         */
        @WithDefault("PT60S")
        Duration timeBudget();

        /**
         * How often `intake serve` sweeps, first as it starts: with the lease and stalled-after above, a
         * run a crash left is resumed within about 90 s. (In AWS the deployment's rule runs sweep-stuck
         * every minute, the finest rate EventBridge allows.)
         */
        @WithDefault("PT30S")
        Duration every();

        /** A random wait of up to this before sweeping, so concurrent sweepers do not stampede. */
        @WithDefault("PT5S")
        Duration jitter();

        /**
         * Cutover: take 'uploaded' interviews no pipeline has started (Insights' web upload left them for
         * Intake; no 'intake' key, no trace of the old pipeline) once untouched this long. Unset: off.
         */
        Optional<Duration> adoptUploadedAfter();

        /** Uploads taken over per sweep when adoption is on. */
        @WithDefault("20")
        int adoptBatch();

        /**
         * Write the stuck counts of each sweep to stdout in CloudWatch's embedded metric format, so
         * CloudWatch (and its alarm) sees them from the Lambda's logs. The deployment turns it on.
         */
        @WithDefault("false")
        boolean emitEmf();
    }

    /** Who turns audio and video into a transcript. Transcripts uploaded as files need none. */
    interface Transcription {
        /** {@code none}, {@code assemblyai} or {@code openai} (any OpenAI-compatible transcription endpoint). */
        @WithDefault("none")
        String provider();

        /** Whether audio and video can be turned into a transcript at all. */
        default boolean enabled() {
            return !"none".equals(provider());
        }

        AssemblyAi assemblyai();

        OpenAiTranscription openai();

        interface AssemblyAi {
            @WithDefault("https://api.assemblyai.com")
            String baseUrl();

            Optional<String> apiKey();

            /** Optional speech model ({@code speech_model}); the provider's default when unset. */
            Optional<String> speechModel();

            /**
             * How long the upload step lets go between checks of a submitted transcript; each check is
             * an invocation of its own (a wait is cut to half the sweeper's stalled-after).
             */
            @WithDefault("PT15S")
            Duration pollInterval();

            /**
             * How long a submitted transcript may take before the step fails (permanently, keeping the
             * transcript id, so a repair checks the same transcript rather than submitting again).
             */
            @WithDefault("PT3H")
            Duration maxWait();

            /** How long the presigned media URL handed to AssemblyAI stays valid. */
            @WithDefault("PT1H")
            Duration mediaUrlValidity();
        }

        interface OpenAiTranscription {
            @WithDefault("https://api.openai.com")
            String baseUrl();

            Optional<String> apiKey();

            @WithDefault("whisper-1")
            String model();
        }
    }

    /** Who finds evidence, people, themes, personas and answers. */
    interface Analysis {
        /** {@code local} (the built-in deterministic analyzer) or {@code openai} (any OpenAI-compatible chat endpoint). */
        @WithDefault("local")
        String provider();

        OpenAiAnalysis openai();

        interface OpenAiAnalysis {
            @WithDefault("https://api.openai.com")
            String baseUrl();

            Optional<String> apiKey();

            @WithDefault("gpt-4o-mini")
            String model();
        }
    }

    /** How calls to providers are retried: 429, 5xx and timeouts are; other 4xx are not. */
    interface ProviderCalls {
        /**
         * Attempts per call, the first included. Three at the response timeout, with backoff, is what fits
         * an analysis step in its 15-minute Lambda (engine/TimeBudgets).
         */
        @WithDefault("3")
        int attempts();

        @WithDefault("PT1S")
        Duration initialBackoff();

        /** Longest wait between attempts, Retry-After included. */
        @WithDefault("PT30S")
        Duration maxBackoff();

        /** Longest wait for one response. */
        @WithDefault("PT120S")
        Duration timeout();
    }

    /** Authentication of url-import and interview-status: Supabase-issued JWTs. */
    interface Auth {
        /** The HS256 secret the JWTs are signed with (Supabase: the project's JWT secret). */
        Optional<String> jwtSecret();

        /** When set, the token's {@code aud} must contain it (Supabase: "authenticated"). */
        Optional<String> jwtAudience();

        /**
         * The project's published signing keys, for ES256 and RS256 tokens (Supabase:
         * {@code https://<project>.supabase.co/auth/v1/.well-known/jwks.json}).
         */
        Optional<String> jwksUrl();

        /** When set, the token's {@code iss} must equal it (Supabase: {@code https://<project>.supabase.co/auth/v1}). */
        Optional<String> jwtIssuer();
    }

    /** Recall.ai: the API the upload step reads recordings from, and the webhook's signing secret. */
    interface Recall {
        /** Region base URL: https://{us-east-1|us-west-2|eu-central-1|ap-northeast-1}.recall.ai */
        @WithDefault("https://us-east-1.recall.ai")
        String baseUrl();

        Optional<String> apiKey();

        /** The Svix signing secret of the webhook endpoint ({@code whsec_...}). */
        Optional<String> webhookSecret();

        /** How far a webhook's timestamp may be from now. */
        @WithDefault("PT5M")
        Duration signatureTolerance();

        /**
         * The provider Recall.ai transcribes a recording with when the recording has no transcript: the
         * {@code provider} object of Create Async Transcript, as JSON.
         */
        @WithDefault("{\"recallai_async\": {\"language_code\": \"en\"}}")
        String transcriptProvider();

        /**
         * How long the upload step lets go between checks of a transcript Recall.ai is making; its
         * {@code transcript.done} webhook cuts the wait short where the engine can (the local one).
         */
        @WithDefault("PT1M")
        Duration transcriptCheckEvery();

        /** How long a transcript Recall.ai is making may take before the step fails (keeping its id, as AssemblyAI's). */
        @WithDefault("PT3H")
        Duration transcriptMaxWait();
    }

    /** Media fetched from a URL by the upload step. */
    interface UrlImport {
        /** Allow plain http URLs: for local use only. */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * host:port pairs exempt from the private-address check (tests reach a local server this way);
         * empty by default, so loopback and private addresses are always refused.
         */
        Optional<List<String>> allowedHosts();

        /** Largest media the upload step copies, in bytes. */
        @WithDefault("5368709120")
        long maxBytes();

        /** Content types accepted; a trailing '*' matches any subtype. */
        @WithDefault("audio/*,video/*,text/vtt,application/x-subrip,text/srt,text/plain")
        List<String> contentTypes();

        @WithDefault("PT10S")
        Duration connectTimeout();

        /** Longest silence while reading the media. */
        @WithDefault("PT60S")
        Duration readTimeout();
    }

    /** Cloudflare R2 event notifications, forwarded over HTTP to upload-completed by a queue consumer. */
    interface R2 {
        /** The shared secret the consumer sends in the {@code x-intake-forward-secret} header. */
        Optional<String> forwardSecret();
    }
}
