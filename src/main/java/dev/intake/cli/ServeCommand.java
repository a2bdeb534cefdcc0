package dev.intake.cli;

import dev.intake.local.LocalTokens;
import dev.intake.local.LocalSecrets;
import dev.intake.local.SweepSchedule;
import dev.intake.local.FunctionRouter;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import dev.intake.http.HttpResponse;
import dev.intake.workflow.Printable;
import dev.intake.workflow.Durations;
import io.quarkus.runtime.Quarkus;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The functions over local HTTP, so a person can try them with curl. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serves the functions over local HTTP (POST /upload-completed, POST /recall-webhook,"
                + " POST /url-import, GET /interview-status/{id}) on the configured database and bucket, or on an"
                + " embedded PostgreSQL and S3 when none is configured (a configured database needs --project); on those it also sweeps, on production's"
                + " schedule (intake.sweeper.every, 2 min). Also the operator console at / (operators only; on local data the"
                + " local user is one). Stops on Ctrl-C.")
public class ServeCommand implements Callable<Integer> {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ServeCommand.class);

    @Option(names = "--port", defaultValue = "8080", description = "the port to listen on (default 8080)")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "the address to listen on (default 127.0.0.1)")
    String host;

    @Mixin
    ProjectOption projectOption;

    @Spec
    CommandSpec spec;

    @Inject
    Vertx vertx;
    @Inject
    FunctionRouter router;
    @Inject
    ProjectChoice projects;
    @Inject
    LocalTokens tokens;
    @Inject
    LocalSecrets secrets;
    @Inject
    SweepSchedule sweeps;
    @Inject
    CommandTarget commandTarget;

    /** Returns when the server should stop: on Ctrl-C or SIGTERM (tests end it themselves). */
    interface Lifetime {
        void await() throws InterruptedException;
    }

    Lifetime lifetime = Quarkus::waitForExit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Optional<ProjectChoice.Choice.Use> chosen = projectOption.choose(projects, List.of());
        if (chosen.isEmpty()) {
            return 2;
        }
        ProjectChoice.Choice.Use project = chosen.get();

        HttpServer server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(port, host).toCompletionStage().toCompletableFuture().get();
        boolean sweeping = commandTarget.localMode();
        if (sweeping) {
            sweeps.start();
        }
        out.printf("Intake is serving on http://%s:%d%n", host, server.actualPort());
        out.printf("  functions: %s%n", String.join(", ", router.functions()));
        out.printf("  operator console: http://%s:%d/ (paste an operator's token)%n", host, server.actualPort());
        out.printf("  account %s, project %s%n", project.accountId(), project.projectId());
        tokens.forLocalUser().ifPresent(token -> out.printf("  a token for the local user (1 h):%n    %s%n", token));
        secrets.forEach((name, value) -> out.printf("  %s: %s%n", name, value));
        if (sweeping) {
            out.printf("  sweeping every %s: what stalls is resumed or failed within %d s%n",
                    Durations.readableSeconds(sweeps.every().toSeconds()), sweeps.recoveredWithin().toSeconds());
        } else {
            // Resumed here, a configured database's interviews would run on this process's providers;
            // its deployment's schedule sweeps it.
            out.println("  not sweeping: a configured database is swept by its deployment (sweep-stuck)");
        }
        out.flush();
        try {
            lifetime.await();
        } finally {
            sweeps.stop();
            server.close();
        }
        return 0;
    }

    /** What escaped a function: logged for the operator; the caller is told only where to look. */
    private static HttpResponse failed(FunctionRouter.LocalRequest request, Throwable cause) {
        String id = java.util.UUID.randomUUID().toString();
        LOG.errorf(cause, "serve: %s %s failed (request id %s)", Printable.of(request.method()), Printable.of(request.path()), id);
        return HttpResponse.error(500, "internal error; request id " + id);
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Map<String, String> headers = new HashMap<>();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
            var local = new FunctionRouter.LocalRequest(request.method().name(), request.path(), request.query(), headers,
                    body.getBytes(), request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
            // The functions block (database, bucket): off the event loop.
            vertx.<HttpResponse>executeBlocking(() -> router.route(local), false).onComplete(result -> {
                HttpResponse response = result.succeeded() ? result.result() : failed(local, result.cause());
                var reply = request.response().setStatusCode(response.statusCode());
                if (response.headers() != null) {
                    response.headers().forEach(reply::putHeader);
                }
                reply.end(response.body() == null ? "" : response.body());
            });
        });
    }
}
