package dev.intake.functions;

import java.util.UUID;

import dev.intake.access.InterviewStatusQuery;
import dev.intake.access.JwtAuthenticator;
import dev.intake.http.HttpAdapter;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import dev.intake.http.RequestRejected;
import io.quarkus.funqy.Funq;

/**
 * The progress the UI polls: {@code GET /interviews/{id}} or {@code GET /?interviewId={id}}, for
 * members of the interview's account.
 */
public class InterviewStatusFunction {

    /** A GET carries no body worth reading. */
    private static final int MAX_BODY_BYTES = 1024;

    private final JwtAuthenticator authenticator;
    private final InterviewStatusQuery query;

    InterviewStatusFunction(JwtAuthenticator authenticator, InterviewStatusQuery query) {
        this.authenticator = authenticator;
        this.query = query;
    }

    @Funq("interview-status")
    public HttpResponse interviewStatus(HttpRequest request) {
        return HttpAdapter.respond("interview-status", request, MAX_BODY_BYTES, r -> {
            HttpMethods.require(r, "GET");
            var caller = authenticator.authenticate(r.lowerCaseHeaders());
            return HttpResponse.json(200, query.statusOf(caller, interviewId(r)));
        });
    }

    private static UUID interviewId(HttpRequest request) {
        String path = request.path() == null ? "" : request.path();
        String id = request.queryParameter("interviewId")
                .orElseGet(() -> path.replaceAll("/+$", "").substring(path.replaceAll("/+$", "").lastIndexOf('/') + 1));
        if (id.isBlank()) {
            throw RequestRejected.malformed("name the interview: /interviews/{id} or ?interviewId={id}");
        }
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.malformed("'" + id + "' is not an interview id");
        }
    }
}
