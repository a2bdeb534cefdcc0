package dev.intake.functions;

import dev.intake.console.OperatorConsole;
import dev.intake.http.HttpAdapter;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import io.quarkus.funqy.Funq;

/**
 * The operator console behind its own Function URL: the pages at {@code /} and {@code /interviews/{id}},
 * and the JSON they fetch under {@code /console/}, which only operators may read or act on.
 */
public class OpsConsoleFunction {

    /** The largest body the console takes is a repair's {@code {"from": "<step>"}}. */
    private static final int MAX_BODY_BYTES = 1024;

    private final OperatorConsole console;

    OpsConsoleFunction(OperatorConsole console) {
        this.console = console;
    }

    @Funq("ops-console")
    public HttpResponse opsConsole(HttpRequest request) {
        return HttpAdapter.respond("ops-console", request, MAX_BODY_BYTES, console::handle);
    }
}
