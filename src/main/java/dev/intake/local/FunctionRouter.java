package dev.intake.local;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.console.OperatorConsole;
import dev.intake.functions.InterviewStatusFunction;
import dev.intake.functions.OpsConsoleFunction;
import dev.intake.functions.RecallWebhookFunction;
import dev.intake.functions.UploadCompletedFunction;
import dev.intake.functions.UrlImportFunction;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import dev.intake.workflow.Printable;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Maps local HTTP requests onto the functions as Lambda would call them: the HTTP functions get the
 * Function URL request a Function URL would send (raw body, lower-case headers), the event functions
 * the JSON body as their event.
 */
@ApplicationScoped
public class FunctionRouter {

    /** A local HTTP request, as read off the socket. */
    public record LocalRequest(String method, String path, String query, Map<String, String> headers, byte[] body,
                               String sourceIp) {
    }

    private final Map<String, Function<HttpRequest, HttpResponse>> httpFunctions = new LinkedHashMap<>();
    private final UploadCompletedFunction uploadCompleted;
    private final ObjectMapper json;

    private final OpsConsoleFunction console;

    FunctionRouter(RecallWebhookFunction recall, UrlImportFunction urlImport, InterviewStatusFunction status,
                   OpsConsoleFunction console, UploadCompletedFunction uploadCompleted, ObjectMapper json) {
        httpFunctions.put("recall-webhook", recall::recallWebhook);
        httpFunctions.put("url-import", urlImport::urlImport);
        httpFunctions.put("interview-status", status::interviewStatus);
        this.console = console;
        this.uploadCompleted = uploadCompleted;
        this.json = json;
    }

    /**
     * {@code /<function>[/rest]}: the function and the path it sees; the operator console's paths
     * ({@code /}, {@code /interviews/...}, {@code /console/...}) go to ops-console whole, as its Function URL would.
     */
    public HttpResponse route(LocalRequest request) {
        if (OperatorConsole.serves(request.path())) {
            return console.opsConsole(functionUrlRequest(request, request.path()));
        }
        String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
        int slash = path.indexOf('/');
        String function = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "/" : path.substring(slash);
        if (function.equals("upload-completed")) {
            return uploadCompleted(request);
        }
        Function<HttpRequest, HttpResponse> handler = httpFunctions.get(function);
        if (handler == null) {
            return HttpResponse.error(404, "no function '" + Printable.of(function) + "'; try " + String.join(", ", functions()));
        }
        return handler.apply(functionUrlRequest(request, rest));
    }

    public Iterable<String> functions() {
        java.util.List<String> names = new java.util.ArrayList<>(httpFunctions.keySet());
        names.add("upload-completed");
        return names;
    }

    private HttpResponse uploadCompleted(LocalRequest request) {
        if (!"POST".equalsIgnoreCase(request.method())) {
            return HttpResponse.error(405, Printable.of(request.method()) + " is not allowed here; use POST");
        }
        JsonNode event;
        try {
            event = json.readTree(request.body());
        } catch (java.io.IOException e) {
            return HttpResponse.error(400, "the event is not JSON");
        }
        try {
            return HttpResponse.json(200, uploadCompleted.uploadCompleted(event));
        } catch (dev.intake.entry.InvalidEventException e) {
            return HttpResponse.error(400, e.getMessage());
        }
    }

    private static HttpRequest functionUrlRequest(LocalRequest request, String path) {
        boolean text = isUtf8(request.body());
        return new HttpRequest("2.0", path, request.query() == null ? "" : request.query(), request.headers(),
                new HttpRequest.RequestContext(new HttpRequest.Http(request.method(), path, request.sourceIp()),
                        UUID.randomUUID().toString()),
                text ? new String(request.body(), StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(request.body()),
                !text);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }
}
