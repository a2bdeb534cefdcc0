package dev.intake.http;

import java.util.function.Function;

import org.jboss.logging.Logger;

import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import dev.intake.secrets.SecretUnavailable;
import dev.intake.store.DatabaseUnavailable;
import dev.intake.workflow.Printable;

/**
 * Turns what a Function URL handler throws into the response a caller can act on: a rejection into
 * its 4xx status and reason, a database that did not answer or a secret that could not be read into a
 * 503 to retry, anything else into a
 * 500 that names the request id to look for in the logs. Either way the reason is logged. Before the
 * handler runs, a body over the function's limit is refused (413) and the query string checked (400).
 */
public final class HttpAdapter {

    private static final Logger LOG = Logger.getLogger(HttpAdapter.class);

    /** Seconds a caller is asked to wait after a 503: the database has already had its own wait. */
    static final int RETRY_AFTER_SECONDS = 10;

    private HttpAdapter() {
    }

    public static HttpResponse respond(String function, HttpRequest request, int maxBodyBytes,
                                       Function<HttpRequest, HttpResponse> handler) {
        if (request == null) {
            LOG.warnf("%s rejected a request: no Function URL request in the event", function);
            return HttpResponse.error(400, "not a Function URL request");
        }
        try {
            if (request.rawBody().length > maxBodyBytes) {
                throw new RequestRejected(413, "the body is larger than " + maxBodyBytes + " bytes");
            }
            request.query();
            return handler.apply(request);
        } catch (RequestRejected e) {
            LOG.warnf("%s rejected a request from %s: %d %s; nothing written", function, Printable.of(request.sourceIp()),
                    e.status(), Printable.of(e.getMessage()));
            return HttpResponse.error(e.status(), e.getMessage());
        } catch (DatabaseUnavailable e) {
            // Passing, and said in full by its message: one line, no stack trace, and a status to retry on.
            LOG.warnf("%s could not serve request %s: %s; answered 503, the caller may retry", function,
                    requestId(request), Printable.of(e.getMessage()));
            return HttpResponse.retryLater("the database is not answering; try again in " + RETRY_AFTER_SECONDS + " s",
                    RETRY_AFTER_SECONDS);
        } catch (SecretUnavailable e) {
            // Likewise passing (Secrets Manager down, or a permission being fixed): its message names the secret, never a value.
            LOG.warnf("%s could not serve request %s: %s; answered 503, the caller may retry", function,
                    requestId(request), Printable.of(e.getMessage()));
            return HttpResponse.retryLater("a secret could not be read; try again in " + RETRY_AFTER_SECONDS + " s",
                    RETRY_AFTER_SECONDS);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s failed on request %s", function, requestId(request));
            return HttpResponse.error(500, "internal error; request id " + requestId(request));
        }
    }

    private static String requestId(HttpRequest request) {
        return request.requestContext() == null ? "unknown" : Printable.of(request.requestContext().requestId());
    }
}
