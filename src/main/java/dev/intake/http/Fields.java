package dev.intake.http;

import java.util.Optional;
import java.util.OptionalInt;

import com.fasterxml.jackson.databind.JsonNode;

import dev.intake.workflow.Printable;

/**
 * The checks every id, key and name a request carries passes before anything reads it: no control
 * character (C0, DEL, C1: a CR or ESC would forge a log line or end up in a row) and no more than
 * {@link #MAX_LENGTH} characters. A refusal names the field as the sender knows it.
 */
public final class Fields {

    /** Longer than any id, key (S3 allows 1024 bytes) or name Intake is sent. */
    public static final int MAX_LENGTH = 1024;

    private Fields() {
    }

    /** Why {@code value} of {@code field} is refused, if it is. */
    public static Optional<String> refusal(String field, String value) {
        if (value == null) {
            return Optional.empty();
        }
        OptionalInt control = Printable.firstControl(value);
        if (control.isPresent()) {
            return Optional.of(field + " contains a control character (" + Printable.codePoint(value.charAt(control.getAsInt()))
                    .replace("\\u", "U+") + " at position " + control.getAsInt() + "), which Intake does not accept");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of(field + " is longer than " + MAX_LENGTH + " characters");
        }
        return Optional.empty();
    }

    /** {@code value}, or a 400 naming {@code field}. */
    public static String checked(String field, String value) {
        refusal(field, value).ifPresent(reason -> {
            throw RequestRejected.malformed(reason);
        });
        return value;
    }

    /**
     * The text at {@code node}: null when absent or JSON null, a 400 naming {@code field} when it is not a
     * string or fails {@link #checked}.
     */
    public static String text(String field, JsonNode node) {
        Optional<String> refused = textRefusal(field, node);
        if (refused.isPresent()) {
            throw RequestRejected.malformed(refused.get());
        }
        return node != null && node.isTextual() ? node.textValue() : null;
    }

    /** Why the value at {@code node} is not acceptable text for {@code field}, if it is not. */
    public static Optional<String> textRefusal(String field, JsonNode node) {
        Optional<String> type = typeRefusal(field, node);
        if (type.isPresent() || node == null || node.isMissingNode() || node.isNull()) {
            return type;
        }
        return refusal(field, node.textValue());
    }

    private static Optional<String> typeRefusal(String field, JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull() || node.isTextual()) {
            return Optional.empty();
        }
        return Optional.of(field + " must be a string, not " + JsonProblems.kindOf(node));
    }
}
