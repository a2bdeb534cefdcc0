package dev.intake.http;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A Lambda Function URL response. */
@RegisterForReflection
public record HttpResponse(int statusCode, Map<String, String> headers, String body, boolean isBase64Encoded) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static HttpResponse json(int status, Object body) {
        try {
            return new HttpResponse(status, Map.of("content-type", "application/json"), JSON.writeValueAsString(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response body is not serializable", e);
        }
    }

    /** 503 with Retry-After: the request was recorded but its work could not start; send it again later. */
    public static HttpResponse retryLater(Object body, int retryAfterSeconds) {
        HttpResponse response = json(503, body);
        return new HttpResponse(503, Map.of("content-type", "application/json", "retry-after",
                String.valueOf(retryAfterSeconds)), response.body(), false);
    }

    /** An error body: {@code {"error": "..."}} with the status that classifies it. */
    public static HttpResponse error(int status, String message) {
        return json(status, Map.of("error", message));
    }

    /** 503 with {@code Retry-After}: nothing is wrong with the request; a later one may succeed. */
    public static HttpResponse retryLater(String message, int afterSeconds) {
        return retryLater(Map.of("error", message), afterSeconds);
    }
}
