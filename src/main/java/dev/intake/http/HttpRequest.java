package dev.intake.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A Lambda Function URL request (payload format 2.0), with only the fields Intake reads. */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record HttpRequest(String version, String rawPath, String rawQueryString, Map<String, String> headers,
                          RequestContext requestContext, String body, boolean isBase64Encoded) {

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RequestContext(Http http, String requestId) {
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Http(String method, String path, String sourceIp) {
    }

    /** Headers with lower-case names (Function URLs send them so; local callers may not). */
    public Map<String, String> lowerCaseHeaders() {
        Map<String, String> lower = new TreeMap<>();
        if (headers != null) {
            headers.forEach((name, value) -> lower.put(name.toLowerCase(Locale.ROOT), value));
        }
        return lower;
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(lowerCaseHeaders().get(name.toLowerCase(Locale.ROOT)));
    }

    /** The body exactly as the caller sent it: signatures are computed over these bytes. */
    public byte[] rawBody() {
        if (body == null) {
            return new byte[0];
        }
        if (isBase64Encoded) {
            try {
                return Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw RequestRejected.malformed("the body is marked base64 but is not base64");
            }
        }
        return body.getBytes(StandardCharsets.UTF_8);
    }

    public String method() {
        return requestContext == null || requestContext.http() == null ? null : requestContext.http().method();
    }

    public String path() {
        if (rawPath != null) {
            return rawPath;
        }
        return requestContext == null || requestContext.http() == null ? "/" : requestContext.http().path();
    }

    public String sourceIp() {
        return requestContext == null || requestContext.http() == null ? null : requestContext.http().sourceIp();
    }

    /** A query parameter's first value, URL-decoded. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query().get(name));
    }

    /**
     * The query string, decoded. A query string that is not URL-encoded, names a parameter twice, or
     * has a control character (NUL included) in a name or value is refused (400) whole, whichever
     * parameter a function reads: which of two values a function took would be a guess.
     */
    public Map<String, String> query() {
        Map<String, String> parameters = new TreeMap<>();
        if (rawQueryString == null || rawQueryString.isEmpty()) {
            return parameters;
        }
        for (String pair : rawQueryString.split("&")) {
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            Fields.checked("the name of query parameter " + (parameters.size() + 1), key);
            Fields.checked("the query parameter " + key, value);
            if (parameters.putIfAbsent(key, value) != null) {
                throw RequestRejected.malformed("the query parameter " + key + " is given more than once");
            }
        }
        return parameters;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw RequestRejected.malformed("the query string is not URL-encoded: '" + part
                    + "' has a '%' that does not start an escape such as %20");
        }
    }
}
