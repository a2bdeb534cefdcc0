package dev.intake.http;

/**
 * A request refused before anything was written, with the HTTP status that says why: 400 malformed,
 * 401 unauthenticated or bad signature, 403 not a member, 404 unknown, 413 too large, 415 wrong type,
 * 422 unsafe URL.
 */
public class RequestRejected extends RuntimeException {

    private final int status;

    public RequestRejected(int status, String message) {
        // Its message is answered and logged as it is: whatever of the request it quotes is escaped here, once.
        super(dev.intake.workflow.Printable.of(message));
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a rejection is a 4xx status, not " + status);
        }
        this.status = status;
    }

    public int status() {
        return status;
    }

    public static RequestRejected malformed(String message) {
        return new RequestRejected(400, message);
    }

    public static RequestRejected unauthenticated(String message) {
        return new RequestRejected(401, message);
    }

    public static RequestRejected forbidden(String message) {
        return new RequestRejected(403, message);
    }

    public static RequestRejected notFound(String message) {
        return new RequestRejected(404, message);
    }
}
