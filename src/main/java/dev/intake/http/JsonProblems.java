package dev.intake.http;

import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Jackson's complaints in the sender's terms: which field, and what it should have been. Its own
 * messages name Java types ("Cannot deserialize value of type `java.util.ArrayList<...>`"), which say
 * nothing to a sender and describe Intake's insides.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    /** A sentence for {@code problem}, naming the field by its JSON path (e.g. {@code Records[0].s3}). */
    public static String describe(JsonProcessingException problem) {
        if (problem instanceof JsonParseException parse) {
            return "the body is not valid JSON"
                    + (parse.getLocation() == null ? "" : " (line " + parse.getLocation().getLineNr() + ", column "
                    + parse.getLocation().getColumnNr() + ")");
        }
        if (problem instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return field(mapping) + " must be " + expected(mapping);
        }
        return "the body does not have the expected shape";
    }

    /** What a JSON value is, in JSON's words. */
    public static String kindOf(JsonNode node) {
        if (node.isTextual()) {
            return "a string";
        }
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        if (node.isObject()) {
            return "an object";
        }
        return "null";
    }

    private static String field(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return dev.intake.workflow.Printable.of(path.toString());
    }

    private static String expected(JsonMappingException mapping) {
        Class<?> target = mapping instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                ? mismatch.getTargetType() : null;
        if (target == null) {
            return "of another type";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "an array";
        }
        if (CharSequence.class.isAssignableFrom(target)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(target) || (target.isPrimitive() && target != boolean.class)) {
            return "a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "true or false";
        }
        if (Map.class.isAssignableFrom(target) || target.isRecord() || !target.getName().startsWith("java.")) {
            return "an object";
        }
        return "of another type";
    }
}
