package dev.intake.lambda;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The part of Amazon States Language's paths the local interpreter implements: reference paths of plain
 * field names ({@code $}, {@code $.a.b}), payload templates whose {@code "key.$"} fields take the value at
 * a path (or {@code States.MathAdd} of one and an integer), and result paths that put a result into the
 * state's input. Anything else (array indexes, filters, other intrinsic functions, the context object
 * {@code $$}) is refused when the definition is loaded.
 */
final class AslPaths {

    private static final Pattern REFERENCE_PATH = Pattern.compile("\\$(\\.[A-Za-z0-9_-]+)*");
    /** The one intrinsic function implemented: {@code States.MathAdd(path, integer)}. */
    private static final Pattern MATH_ADD = Pattern.compile("States\\.MathAdd\\((\\$[^,]*), *(-?[0-9]+)\\)");

    private AslPaths() {
    }

    /** An error Step Functions raises as {@code States.Runtime}: it fails the execution, no Retry or Catch applies. */
    static final class RuntimeError extends RuntimeException {
        RuntimeError(String message) {
            super(message);
        }
    }

    static void checkPath(String where, String path) {
        if (path == null || !REFERENCE_PATH.matcher(path).matches()) {
            throw new UnsupportedAslException(where + ": path '" + path + "' is not a plain reference path ($.a.b)");
        }
    }

    static void checkTemplate(String where, JsonNode template) {
        if (!template.isObject()) {
            throw new UnsupportedAslException(where + ": a payload template must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = template.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().endsWith(".$")) {
                String value = field.getValue().asText(null);
                java.util.regex.Matcher add = value == null ? null : MATH_ADD.matcher(value);
                checkPath(where + "." + field.getKey(), add != null && add.matches() ? add.group(1) : value);
            } else if (field.getValue().isObject()) {
                checkTemplate(where + "." + field.getKey(), field.getValue());
            } else if (field.getValue().isArray()) {
                throw new UnsupportedAslException(where + "." + field.getKey() + ": arrays in payload templates");
            }
        }
    }

    static JsonNode read(JsonNode data, String path) {
        JsonNode node = data;
        for (String field : fields(path)) {
            if (!node.isObject() || !node.has(field)) {
                throw new RuntimeError("The JSONPath '" + path + "' could not be found in the input '" + data + "'");
            }
            node = node.get(field);
        }
        return node;
    }

    static JsonNode instantiate(JsonNode template, JsonNode data) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = template.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            if (key.endsWith(".$")) {
                result.set(key.substring(0, key.length() - 2), evaluate(data, field.getValue().asText()));
            } else if (field.getValue().isObject()) {
                result.set(key, instantiate(field.getValue(), data));
            } else {
                result.set(key, field.getValue().deepCopy());
            }
        }
        return result;
    }

    private static JsonNode evaluate(JsonNode data, String expression) {
        java.util.regex.Matcher add = MATH_ADD.matcher(expression);
        if (!add.matches()) {
            return read(data, expression).deepCopy();
        }
        JsonNode value = read(data, add.group(1));
        if (!value.canConvertToInt()) {
            throw new RuntimeError("States.MathAdd of " + add.group(1) + " gave " + value + ", not an integer");
        }
        return JsonNodeFactory.instance.numberNode(value.asInt() + Integer.parseInt(add.group(2)));
    }

    /** The state's input with {@code result} put at {@code resultPath} ({@code $}: the result replaces it). */
    static JsonNode withResult(JsonNode input, String resultPath, JsonNode result) {
        String[] fields = fields(resultPath);
        if (fields.length == 0) {
            return result;
        }
        if (!input.isObject()) {
            throw new RuntimeError("ResultPath '" + resultPath + "' cannot be applied to the input '" + input + "'");
        }
        ObjectNode copy = ((ObjectNode) input).deepCopy();
        ObjectNode parent = copy;
        for (int i = 0; i < fields.length - 1; i++) {
            JsonNode child = parent.get(fields[i]);
            if (child == null || child.isNull()) {
                child = parent.putObject(fields[i]);
            } else if (!child.isObject()) {
                throw new RuntimeError("ResultPath '" + resultPath + "' runs through a non-object in '" + input + "'");
            }
            parent = (ObjectNode) child;
        }
        parent.set(fields[fields.length - 1], result);
        return copy;
    }

    private static String[] fields(String path) {
        return path.equals("$") ? new String[0] : path.substring(2).split("\\.");
    }
}
