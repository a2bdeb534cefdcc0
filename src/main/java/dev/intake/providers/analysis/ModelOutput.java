package dev.intake.providers.analysis;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the model's JSON strictly: every read says where the output strays from the schema. */
final class ModelOutput {

    private ModelOutput() {
    }

    static List<JsonNode> array(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isArray()) {
            throw new SchemaViolation("'" + field + "' is not an array");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(item -> {
            if (!item.isObject() && !item.isNumber() && !item.isTextual()) {
                throw new SchemaViolation("'" + field + "' holds a " + item.getNodeType());
            }
            items.add(item);
        });
        return items;
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new SchemaViolation("'" + field + "' is not a non-empty string");
        }
        return node.asText().strip();
    }

    static String nullableText(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw new SchemaViolation("'" + field + "' is missing");
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new SchemaViolation("'" + field + "' is not a string or null");
        }
        return node.asText().isBlank() ? null : node.asText().strip();
    }

    static Double nullableNumber(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw new SchemaViolation("'" + field + "' is missing");
        }
        if (node.isNull()) {
            return null;
        }
        if (!node.isNumber() || node.asDouble() < 0) {
            throw new SchemaViolation("'" + field + "' is not a non-negative number or null");
        }
        return node.asDouble();
    }

    static int index(JsonNode node, int size, String what) {
        if (!node.isIntegralNumber() || node.asInt() < 0 || node.asInt() >= size) {
            throw new SchemaViolation(what + " " + node + " is not one of the " + size + " given");
        }
        return node.asInt();
    }

    static List<String> texts(JsonNode parent, String field) {
        List<String> texts = new ArrayList<>();
        for (JsonNode item : array(parent, field)) {
            if (!item.isTextual() || item.asText().isBlank()) {
                throw new SchemaViolation("'" + field + "' holds something other than non-empty strings");
            }
            texts.add(item.asText().strip());
        }
        return texts;
    }
}
