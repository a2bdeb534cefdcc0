package dev.intake.functions.http;

import java.util.function.Function;

import org.jboss.logging.Logger;

import dev.intake.ingest.RequestRejected;

/**
 * Turns what a Function URL handler throws into the response a caller can act on: a rejection into
 * its 4xx status and reason, anything else into a 500 that names the request id to look for in the
 * logs. Either way the reason is logged.
 */
public final class HttpAdapter {

    private static final Logger LOG = Logger.getLogger(HttpAdapter.class);

    private HttpAdapter() {
    }

    public static HttpResponse respond(String function, HttpRequest request, Function<HttpRequest, HttpResponse> handler) {
        if (request == null) {
            LOG.warnf("%s rejected a request: no Function URL request in the event", function);
            return HttpResponse.error(400, "not a Function URL request");
        }
        try {
            return handler.apply(request);
        } catch (RequestRejected e) {
            LOG.warnf("%s rejected a request from %s: %d %s; nothing written", function, request.sourceIp(),
                    e.status(), e.getMessage());
            return HttpResponse.error(e.status(), e.getMessage());
        } catch (RuntimeException e) {
            String requestId = request.requestContext() == null ? "unknown" : request.requestContext().requestId();
            LOG.errorf(e, "%s failed on request %s", function, requestId);
            return HttpResponse.error(500, "internal error; request id " + requestId);
        }
    }
}
