package dev.intake.providers.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.secrets.Secret;
import dev.intake.workflow.RetryPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Calls a provider's HTTP API the way every provider is called: 2xx is the answer; 429, 5xx, timeouts
 * and network errors are retried with exponential backoff, honouring Retry-After, and become a
 * transient failure when the attempts run out; a refused key is tried again only once it was rotated;
 * any other 4xx is a permanent failure carrying the provider's own message.
 */
@ApplicationScoped
public class ProviderHttp {

    private static final Logger LOG = Logger.getLogger(ProviderHttp.class);

    private final HttpClient client;
    private final RetryPolicy policy;
    private final Duration timeout;
    private final ObjectMapper json;
    private final Clock clock;

    @Inject
    ProviderHttp(ProviderCallsConfig config, ObjectMapper json, Clock clock) {
        this(HttpClient.newBuilder().connectTimeout(config.timeout()).build(), policyOf(config), config.timeout(),
                json, clock);
    }

    /** How a provider call is tried again, from its configuration. */
    public static RetryPolicy policyOf(ProviderCallsConfig calls) {
        return RetryPolicy.doubling(calls.attempts(), calls.initialBackoff(), calls.maxBackoff());
    }

    public ProviderHttp(HttpClient client, RetryPolicy policy, Duration timeout, ObjectMapper json, Clock clock) {
        this.client = client;
        this.policy = policy;
        this.timeout = timeout;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Sends the request {@code request} builds with the provider's key as it is now (built again for each
     * attempt) and returns the 2xx body. A key refused (401, 403) is read again and, when it changed (a
     * rotation), tried once more as the next of the call's attempts; otherwise the refusal is permanent.
     */
    public String send(String provider, Secret key, Function<Optional<String>, HttpRequest.Builder> request) {
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            Optional<String> used = key.current();
            Outcome outcome = attempt(provider, request.apply(used).timeout(timeout).build());
            if (outcome.body != null) {
                return outcome.body;
            }
            if (outcome.refused) {
                if (renewed || attempt >= policy.attempts() || used.isEmpty() || !key.refused(used.get())
                        || key.current().equals(used)) {
                    throw CallFailure.permanent(outcome.failure);
                }
                renewed = true;
                LOG.infof("%s; its key was read again (rotated), attempt %d of %d with it", outcome.failure, attempt + 1,
                        policy.attempts());
                continue;
            }
            if (attempt >= policy.attempts()) {
                throw CallFailure.transientFailure(outcome.failure + " (gave up after " + attempt + " attempts)");
            }
            Duration delay = policy.delayAfter(attempt, outcome.retryAfter);
            LOG.infof("%s; attempt %d of %d, retrying in %d ms", outcome.failure, attempt, policy.attempts(), delay.toMillis());
            sleep(delay);
        }
    }

    /** Sends and parses the answer as JSON; a 2xx that is not JSON is a permanent failure. */
    public JsonNode sendForJson(String provider, Secret key, Function<Optional<String>, HttpRequest.Builder> request) {
        String body = send(provider, key, request);
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw CallFailure.permanent(provider + " answered with malformed JSON");
        }
    }

    /** What one attempt came to: the body, or why not and whether the key was refused. */
    private record Outcome(String body, String failure, Duration retryAfter, boolean refused) {
        static Outcome answered(String body) {
            return new Outcome(body, null, null, false);
        }

        static Outcome failed(String failure, Duration retryAfter) {
            return new Outcome(null, failure, retryAfter, false);
        }
    }

    private Outcome attempt(String provider, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            return Outcome.failed(provider + " did not answer within " + timeout.toSeconds() + " s", null);
        } catch (IOException e) {
            return Outcome.failed("could not reach " + provider + ": " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CallFailure.transientFailure("interrupted while calling " + provider);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return Outcome.answered(response.body());
        }
        if (CallFailure.retryable(status)) {
            return Outcome.failed(provider + " answered HTTP " + status + errorMessage(response.body()),
                    retryAfter(response).orElse(null));
        }
        String refusal = provider + " refused the request (HTTP " + status + ")" + errorMessage(response.body());
        if (status == 401 || status == 403) {
            return new Outcome(null, refusal, null, true);
        }
        throw CallFailure.answered(status, refusal);
    }

    /** The message a provider put in its error body ({@code error.message}, {@code error}, {@code message}). */
    private String errorMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode node = json.readTree(body);
            JsonNode error = node.path("error");
            String message = error.isTextual() ? error.asText()
                    : error.path("message").isTextual() ? error.path("message").asText()
                    : node.path("message").asText(null);
            return message == null ? "" : ": " + message;
        } catch (IOException e) {
            return ": " + (body.length() > 200 ? body.substring(0, 200) + "..." : body);
        }
    }

    /** Retry-After as seconds or as an HTTP date. */
    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME);
                    Duration until = Duration.between(clock.instant(), at.toInstant());
                    return Optional.of(until.isNegative() ? Duration.ZERO : until);
                } catch (DateTimeParseException notDate) {
                    return Optional.empty();
                }
            }
        });
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CallFailure.transientFailure("interrupted while waiting to retry");
        }
    }
}
