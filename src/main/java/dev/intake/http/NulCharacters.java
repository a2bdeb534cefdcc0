package dev.intake.http;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * PostgreSQL's text and jsonb cannot hold U+0000: a NUL that reached a statement would fail it as a
 * server error. Input carrying one is refused where it enters, with where the character was.
 */
public final class NulCharacters {

    private NulCharacters() {
    }

    public static boolean in(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** The refusal's reason: {@code where} names the field, key or parameter, as the sender knows it. */
    public static String refusal(String where) {
        return where + " contains a NUL character (U+0000), which Intake does not accept";
    }

    /** The JSON pointer of the first field name or string value that holds a NUL, if any. */
    public static Optional<String> findIn(JsonNode node) {
        return find(node, "");
    }

    private static Optional<String> find(JsonNode node, String at) {
        if (node.isTextual()) {
            return in(node.textValue()) ? Optional.of(at.isEmpty() ? "/" : at) : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> found = find(node.get(i), at + "/" + i);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                String path = at + "/" + field.getKey().replace("~", "~0").replace("/", "~1").replace("\0", "\\u0000");
                if (in(field.getKey())) {
                    return Optional.of(path);
                }
                Optional<String> found = find(field.getValue(), path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
