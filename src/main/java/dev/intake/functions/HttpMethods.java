package dev.intake.functions;

import dev.intake.http.HttpRequest;
import dev.intake.http.RequestRejected;

/** The method a Function URL endpoint serves; any other is refused before anything is read. */
final class HttpMethods {

    private HttpMethods() {
    }

    static void require(HttpRequest request, String method) {
        if (request.method() != null && !request.method().equalsIgnoreCase(method)) {
            throw new RequestRejected(405, request.method() + " is not allowed here; use " + method);
        }
    }
}
