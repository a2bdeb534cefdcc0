package dev.intake.entry;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.access.AccountAccess;
import dev.intake.access.Caller;
import dev.intake.engine.RunStarter;
import dev.intake.entry.EntryOutcome;
import dev.intake.http.Fields;
import dev.intake.http.NulCharacters;
import dev.intake.media.UrlImportConfig;
import dev.intake.providers.transcription.TranscriptionConfig;
import dev.intake.workflow.Printable;
import dev.intake.workflow.RedactedUrl;
import dev.intake.http.RequestRejected;
import dev.intake.media.MediaTypes;
import dev.intake.media.UrlGuard;
import dev.intake.store.Interview;
import dev.intake.store.InterviewStore;
import dev.intake.store.WorkspaceStore;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A signed-in member asks Intake to import the media at a URL. The request and the URL are checked
 * here (the URL again on every connection when the upload step fetches it), the interview recorded
 * and its run started; nothing is written for a request that fails a check.
 */
@ApplicationScoped
public class UrlImport {

    private static final Logger LOG = Logger.getLogger(UrlImport.class);

    public static final int MAX_BODY_BYTES = 64 * 1024;
    static final int MAX_TITLE = 500;
    static final int MAX_INSTRUCTIONS = 10_000;
    static final int MAX_URL = 4096;

    private final ObjectMapper json;
    private final AccountAccess access;
    private final WorkspaceStore workspace;
    private final InterviewStore interviews;
    private final RunStarter runs;
    private final UrlGuard guard;
    private final boolean canTranscribe;

    UrlImport(ObjectMapper json, AccountAccess access, WorkspaceStore workspace, InterviewStore interviews,
              RunStarter runs, UrlImportConfig urls, TranscriptionConfig transcription) {
        this.json = json;
        this.access = access;
        this.workspace = workspace;
        this.interviews = interviews;
        this.runs = runs;
        // Only the check of the URL, not the HTTP client that fetches it: the upload step fetches, and
        // building the client here cost every cold start of url-import its classes.
        this.guard = UrlGuard.configured(urls);
        this.canTranscribe = transcription.enabled();
    }

    /** The request, once read. */
    public record Request(UUID accountId, UUID projectId, String url, String title, String customInstructions) {
    }

    public EntryOutcome.Created submit(Caller caller, Optional<String> contentType, byte[] body) {
        Request request = read(contentType, body);
        access.requireContributor(caller, request.accountId());
        if (!workspace.projectInAccount(request.projectId(), request.accountId())) {
            throw RequestRejected.notFound("no project " + request.projectId() + " in account " + request.accountId());
        }
        try {
            guard.check(request.url());
        } catch (UrlGuard.UnsafeUrlException e) {
            throw new RequestRejected(422, e.getMessage());
        }
        String fileName = fileNameOf(request.url());
        if (!canTranscribe && MediaTypes.isAudioOrVideoFile(fileName)) {
            throw new RequestRejected(422, "'" + fileName + "' is audio or video, which needs a"
                    + " transcription provider; none is configured (INTAKE_TRANSCRIPTION_PROVIDER)");
        }
        UUID id = UUID.randomUUID();
        String runId = UUID.randomUUID().toString();
        // The URL itself may carry "%00" or "%0A"; the file name Intake records is decoded.
        Fields.checked("the file name of url (decoded)", fileName);
        interviews.insertStarted(new InterviewStore.NewInterview(id, request.accountId(), request.projectId(),
                request.title() != null ? request.title() : fileName, Interview.Source.url(request.url(), fileName),
                caller.userId(), request.customInstructions()), runId, "Import from URL queued")
                .orElseThrow(() -> new IllegalStateException("a new interview id collided with an existing one"));
        LOG.infof("url-import: interview %s created for %s by user %s; starting run %s", id, RedactedUrl.of(request.url()),
                caller.userId(), runId);
        // A caller's retry would import the URL twice, so a deferred start is still 202: the interview
        // is recorded and in flight, and the sweeper starts its run.
        runs.start(id, runId);
        return new EntryOutcome.Created(id);
    }

    private Request read(Optional<String> contentType, byte[] body) {
        if (contentType.isEmpty() || !MediaTypes.base(contentType.get()).equals("application/json")) {
            throw new RequestRejected(415, "the body must be application/json");
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new RequestRejected(413, "the body is larger than " + MAX_BODY_BYTES + " bytes");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw RequestRejected.malformed("the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw RequestRejected.malformed("the body must be a JSON object");
        }
        Optional<String> nul = NulCharacters.findIn(node);
        if (nul.isPresent()) {
            throw RequestRejected.malformed(NulCharacters.refusal("the body at " + nul.get()));
        }
        String url = text(node, "url", MAX_URL, true);
        if (Printable.firstControl(url).isPresent()) {
            throw RequestRejected.malformed(Fields.refusal("url", url).orElseThrow());
        }
        // The path becomes the file name Intake records, decoded: "%0A" there is refused as a raw LF is.
        if (Printable.firstControl(decodedPath(url)).isPresent()) {
            throw RequestRejected.malformed(Fields.refusal("the path of url (decoded)", decodedPath(url)).orElseThrow());
        }
        Fields.text("title", node.path("title"));
        return new Request(uuid(node, "accountId"), uuid(node, "projectId"), url,
                text(node, "title", MAX_TITLE, false),
                text(node, "customInstructions", MAX_INSTRUCTIONS, false));
    }

    private static UUID uuid(JsonNode node, String field) {
        String value = text(node, field, 64, true);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.malformed(field + " '" + value + "' is not a UUID");
        }
    }

    private static String text(JsonNode node, String field, int max, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw RequestRejected.malformed(field + " is required");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw RequestRejected.malformed(field + " must be a non-empty string");
        }
        if (value.asText().length() > max) {
            throw RequestRejected.malformed(field + " is longer than " + max + " characters");
        }
        return value.asText().strip();
    }

    private static String decodedPath(String url) {
        try {
            return java.net.URLDecoder.decode(RedactedUrl.of(url).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return ""; // not a URL: the guard refuses it, saying so
        }
    }

    /** The last segment of the URL's path ("call.mp4"), or its host when the path names no file. */
    static String fileNameOf(String url) {
        java.net.URI uri = java.net.URI.create(url);
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isBlank() ? uri.getHost() : java.net.URLDecoder.decode(last, java.nio.charset.StandardCharsets.UTF_8);
    }
}
