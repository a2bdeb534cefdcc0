package dev.intake.providers.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The small part of JSON Schema the analysis prompts use, in the strict form OpenAI-compatible servers
 * accept: every property required, no others allowed, nullable fields typed with "null".
 */
final class JsonSchemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonSchemas() {
    }

    static ObjectNode object(Map<String, JsonNode> properties) {
        ObjectNode schema = NODES.objectNode().put("type", "object").put("additionalProperties", false);
        ObjectNode props = schema.putObject("properties");
        properties.forEach(props::set);
        var required = schema.putArray("required");
        properties.keySet().forEach(required::add);
        return schema;
    }

    static Map<String, JsonNode> fields(Object... nameThenSchema) {
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            fields.put((String) nameThenSchema[i], (JsonNode) nameThenSchema[i + 1]);
        }
        return fields;
    }

    static ObjectNode array(JsonNode items) {
        ObjectNode schema = NODES.objectNode().put("type", "array");
        schema.set("items", items);
        return schema;
    }

    static ObjectNode string() {
        return NODES.objectNode().put("type", "string");
    }

    static ObjectNode nullableString() {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("type").add("string").add("null");
        return schema;
    }

    static ObjectNode nullableNumber() {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("type").add("number").add("null");
        return schema;
    }

    static ObjectNode bool() {
        return NODES.objectNode().put("type", "boolean");
    }

    static ObjectNode number() {
        return NODES.objectNode().put("type", "number");
    }

    static ObjectNode nullableInteger() {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("type").add("integer").add("null");
        return schema;
    }

    static ObjectNode integer() {
        return NODES.objectNode().put("type", "integer");
    }

    static ObjectNode oneOf(List<String> values) {
        ObjectNode schema = string();
        var allowed = schema.putArray("enum");
        values.forEach(allowed::add);
        return schema;
    }
}
