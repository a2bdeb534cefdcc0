package dev.intake.console;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.access.Caller;
import dev.intake.access.JwtAuthenticator;
import dev.intake.access.LocalUser;
import dev.intake.engine.Engines;
import dev.intake.engine.Repairs;
import dev.intake.http.Fields;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import dev.intake.http.RequestRejected;
import dev.intake.media.MediaBucket;
import dev.intake.steps.SweeperConfig;
import dev.intake.store.ConsoleStore;
import dev.intake.store.DiagnosticsStore;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.workflow.Durations;
import dev.intake.workflow.Step;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The operator console, behind ops-console's Function URL and on `intake serve`: two pages ({@code /}
 * and {@code /interviews/{id}}) any browser may load, and the JSON they fetch ({@code /console/...}),
 * which only operators may read or act on: a Supabase token ({@link JwtAuthenticator}) whose user is on
 * {@code intake.console.operators} (or, on local data, serve's local user).
 */
@ApplicationScoped
public class OperatorConsole {

    private static final Logger LOG = Logger.getLogger(OperatorConsole.class);
    static final Duration DEFAULT_WINDOW = Duration.ofHours(24);
    /** Past this the window is most of the table, and no index spares reading it. */
    static final Duration MAX_WINDOW = Duration.ofDays(31);
    private static final int MAX_LISTED = 100;

    /** The stores and the bucket the console reads, grouped so its constructor stays short (dependent: no proxy). */
    @jakarta.enterprise.context.Dependent
    static class Reads {
        final ConsoleStore console;
        final InterviewStore interviews;
        final DiagnosticsStore diagnostics;
        final MediaBucket bucket;

        Reads(ConsoleStore console, InterviewStore interviews, DiagnosticsStore diagnostics, MediaBucket bucket) {
            this.console = console;
            this.interviews = interviews;
            this.diagnostics = diagnostics;
            this.bucket = bucket;
        }
    }

    private final Reads reads;
    private final JwtAuthenticator authenticator;
    private final Repairs repairs;
    private final Engines engines;
    private final ConsoleConfig config;
    private final LocalModeConfig mode;
    private final SweeperConfig sweeper;
    private final ObjectMapper json;

    OperatorConsole(Reads reads, JwtAuthenticator authenticator, Repairs repairs, Engines engines, ConsoleConfig config,
                    LocalModeConfig mode, SweeperConfig sweeper, ObjectMapper json) {
        this.reads = reads;
        this.authenticator = authenticator;
        this.repairs = repairs;
        this.engines = engines;
        this.config = config;
        this.mode = mode;
        this.sweeper = sweeper;
        this.json = json;
    }

    /** Whether the path is the console's rather than a function's (on `intake serve`, which serves both). */
    public static boolean serves(String path) {
        return path.equals("/") || path.startsWith("/interviews/") || path.startsWith("/console/");
    }

    /** The page or JSON {@code request} asks for; a request refused is thrown as {@link RequestRejected}. */
    public HttpResponse handle(HttpRequest request) {
        String method = request.method();
        String path = request.path();
        if (path.equals("/") || path.startsWith("/interviews/")) {
            requireMethod(method, "GET");
            return page(path.equals("/") ? "console/overview.html" : "console/interview.html", "text/html");
        }
        if (path.equals("/console/console.js") || path.equals("/console/style.css")) {
            requireMethod(method, "GET");
            return page(path.substring(1), path.endsWith(".js") ? "text/javascript" : "text/css");
        }
        if (!path.startsWith("/console/")) {
            throw RequestRejected.notFound("no console page " + path + "; the console is at /");
        }
        Caller operator = operator(request.lowerCaseHeaders());
        String[] parts = path.substring("/console/".length()).split("/");
        if (parts.length == 1 && parts[0].equals("overview")) {
            requireMethod(method, "GET");
            return json(200, overview(window(request.queryParameter("window"))));
        }
        if (parts.length >= 2 && parts[0].equals("interviews")) {
            UUID id = interviewId(parts[1]);
            if (parts.length == 2) {
                requireMethod(method, "GET");
                return json(200, interview(id));
            }
            if (parts.length == 3 && parts[2].equals("repair")) {
                requireMethod(method, "POST");
                return repair(id, from(request.rawBody()), operator);
            }
        }
        throw RequestRejected.notFound("no console endpoint " + path);
    }

    private Caller operator(Map<String, String> headers) {
        Caller caller = authenticator.authenticate(headers);
        if (!isOperator(caller.userId())) {
            throw RequestRejected.forbidden("user " + caller.userId() + " is not an operator; operators are listed in"
                    + " intake.console.operators");
        }
        return caller;
    }

    boolean isOperator(UUID user) {
        if (mode.localMode() && user.equals(LocalUser.ID)) {
            return true;
        }
        return listed(config.operators().orElse(List.of()), user);
    }

    /** Whether {@code user} is on the list (ids compared as written, ignoring case and spaces around them). */
    static boolean listed(List<String> operators, UUID user) {
        return operators.stream().anyMatch(listed -> listed.strip().equalsIgnoreCase(user.toString()));
    }

    private Map<String, Object> overview(Duration window) {
        Duration stalledAfter = sweeper.stalledAfter();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("windowSeconds", window.toSeconds());
        view.put("stalledAfterSeconds", stalledAfter.toSeconds());
        view.put("counts", reads.console.countsByStatusAndStep(window));
        view.put("endedPerHour", reads.console.endedPerHour(window));
        view.put("stalled", reads.console.stalled(stalledAfter, MAX_LISTED));
        view.put("errors", reads.console.errorsByStepAndMessage(window, MAX_LISTED));
        view.put("stepDurations", reads.console.stepDurations(window).stream()
                .sorted(Comparator.comparing(ConsoleStore.StepDuration::step, Step.PIPELINE_ORDER)).toList());
        return view;
    }

    private Map<String, Object> interview(UUID id) {
        Interview interview = reads.interviews.find(id)
                .orElseThrow(() -> RequestRejected.notFound("no interview " + id));
        DiagnosticsStore.Outputs outputs = reads.diagnostics.outputs(id);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", interview.id());
        view.put("title", interview.title());
        view.put("status", interview.status().dbValue());
        view.put("step", interview.currentStep().orElse(null));
        view.put("progress", interview.progressPercent());
        view.put("detail", interview.statusDetail().orElse(null));
        view.put("completedSteps", interview.completedSteps());
        view.put("runId", interview.runId().orElse(null));
        view.put("resumes", interview.resumeCount());
        view.put("requestedBy", interview.run().getString("requested_by"));
        view.put("createdAt", interview.createdAt() == null ? null : interview.createdAt().toString());
        view.put("readyAt", interview.analysis().getString("completed_at"));
        view.put("failedAt", interview.analysis().getString("failed_at"));
        view.put("silentSeconds", outputs.silentSeconds());
        view.put("leaseLive", outputs.leaseLive());
        view.put("timeline", timeline(interview));
        view.put("lastError", interview.lastError().map(JsonObject::getMap).orElse(null));
        view.put("media", MediaPresence.describe(reads.bucket, interview));
        view.put("outputs", outputs.counts());
        Diagnosis diagnosis = new Diagnosis(interview, outputs, view.get("media").toString(), Diagnosis.Here.of(mode, sweeper, engines));
        view.put("analysis", diagnosis.analysis().orElse(null));
        view.put("next", diagnosis.next());
        view.put("steps", java.util.Arrays.stream(Step.values()).map(Step::key).toList());
        return view;
    }

    /** Each step's timings, in the order the pipeline runs them. */
    private static List<Map<String, Object>> timeline(Interview interview) {
        JsonObject timings = interview.run().getJsonObject("step_timings");
        List<Map<String, Object>> timeline = new ArrayList<>();
        if (timings == null) {
            return timeline;
        }
        timings.fieldNames().stream().sorted(Step.PIPELINE_ORDER)
                .forEach(step -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("step", step);
                    entry.putAll(timings.getJsonObject(step).getMap());
                    timeline.add(entry);
                });
        return timeline;
    }

    private HttpResponse repair(UUID id, Optional<Step> from, Caller operator) {
        if (reads.interviews.find(id).isEmpty()) {
            throw RequestRejected.notFound("no interview " + id);
        }
        // As `intake repair` decides: on local data the configured engine, on a configured database the state machine.
        String kind = mode.localMode() ? engines.configuredKind() : Engines.AWS;
        Optional<String> unusable = engines.unusable(kind);
        if (unusable.isPresent()) {
            // The deployment's configuration, not the request, is at fault: said to the operator and in the log.
            LOG.warnf("console: cannot repair interview %s for operator %s: %s", id, operator.userId(), unusable.get());
            return HttpResponse.error(503, "cannot start a run here: " + unusable.get());
        }
        String by = "operator " + operator.userId();
        LOG.infof("console: %s asks to repair interview %s from %s", by, id, from.map(Step::key).orElse("its current step"));
        Repairs.Result result = repairs.repair(id, from, engines.of(kind), Optional.of(operator.userId().toString()));
        if (result instanceof Repairs.Result.Refused refused) {
            throw new RequestRejected(409, refused.reason());
        }
        Repairs.Result.Started started = (Repairs.Result.Started) result;
        return json(202, Map.of("interviewId", id, "from", started.from().key(), "runId", started.runId(),
                "requestedBy", operator.userId()));
    }

    private Optional<Step> from(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        JsonNode read;
        try {
            read = json.readTree(body);
        } catch (IOException e) {
            throw RequestRejected.malformed("the body is not JSON; send {\"from\": \"<step>\"} or nothing");
        }
        if (read == null || !read.isObject()) {
            throw RequestRejected.malformed("the body must be a JSON object: {\"from\": \"<step>\"}, or nothing");
        }
        String from = Fields.text("from", read.path("from"));
        if (from == null || from.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Step.byKey(from).orElseThrow(() -> RequestRejected.malformed(
                "no step '" + from + "'; steps are " + java.util.Arrays.stream(Step.values()).map(Step::key).toList())));
    }

    static Duration window(Optional<String> asked) {
        if (asked.isEmpty() || asked.get().isBlank()) {
            return DEFAULT_WINDOW;
        }
        Duration window;
        try {
            window = Durations.parse(asked.get());
        } catch (IllegalArgumentException e) {
            throw RequestRejected.malformed("window '" + asked.get() + "' is not a duration (e.g. 1h, 24h, 7d)");
        }
        if (window.compareTo(MAX_WINDOW) > 0) {
            throw RequestRejected.malformed("window '" + asked.get() + "' is longer than 31 days");
        }
        if (window.isZero()) {
            // A window of nothing counts nothing; leaving the parameter out is how the default is asked for.
            throw RequestRejected.malformed("window '" + asked.get() + "' is empty; give a duration such as 1h, or leave"
                    + " window out for " + Durations.readableSeconds(DEFAULT_WINDOW.toSeconds()));
        }
        return window;
    }

    private static UUID interviewId(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.malformed("'" + text + "' is not an interview id");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!allowed.equals(method)) {
            throw new RequestRejected(405, method + " is not allowed here; use " + allowed);
        }
    }

    private HttpResponse json(int status, Object body) {
        try {
            return new HttpResponse(status, Map.of("content-type", "application/json", "cache-control", "no-store"),
                    json.writeValueAsString(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("console response is not serializable", e);
        }
    }

    private static HttpResponse page(String resource, String contentType) {
        try (InputStream in = OperatorConsole.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return HttpResponse.error(500, "the console page " + resource + " is missing from the build");
            }
            return new HttpResponse(200, Map.of("content-type", contentType + "; charset=utf-8", "cache-control", "no-store"),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8), false);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
