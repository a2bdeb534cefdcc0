package dev.intake.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Function URL requests shaped like the contract's, with the method, path, headers and body a test needs. */
public final class FunctionUrlEvents {

    private FunctionUrlEvents() {
    }

    public static String request(String method, String path, String query, Map<String, String> headers, byte[] body,
                                 boolean base64) {
        ObjectNode event = RecallFixtures.contract("function-url-request.json");
        event.put("rawPath", path);
        event.put("rawQueryString", query == null ? "" : query);
        ObjectNode http = (ObjectNode) event.get("requestContext").get("http");
        http.put("method", method);
        http.put("path", path);
        ObjectNode headerNode = event.putObject("headers");
        headerNode.put("host", "abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws");
        headers.forEach(headerNode::put);
        if (body == null) {
            event.remove("body");
            event.put("isBase64Encoded", false);
        } else {
            event.put("body", base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
            event.put("isBase64Encoded", base64);
        }
        return event.toString();
    }
}
