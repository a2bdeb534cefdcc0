package dev.intake.functions;

import dev.intake.entry.EntryOutcome;
import dev.intake.entry.RecallWebhook;
import dev.intake.http.HttpAdapter;
import dev.intake.http.HttpRequest;
import dev.intake.http.HttpResponse;
import io.quarkus.funqy.Funq;

/** Recall.ai's webhook, on a Function URL: the Svix signature is its authentication. */
public class RecallWebhookFunction {

    /** Recall's events are a few KiB of ids and metadata; this leaves room without reading megabytes. */
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final RecallWebhook webhook;

    RecallWebhookFunction(RecallWebhook webhook) {
        this.webhook = webhook;
    }

    @Funq("recall-webhook")
    public HttpResponse recallWebhook(HttpRequest request) {
        return HttpAdapter.respond("recall-webhook", request, MAX_BODY_BYTES, r -> {
            HttpMethods.require(r, "POST");
            return EntryResponses.of(webhook.receive(r.lowerCaseHeaders(), r.rawBody()));
        });
    }
}
