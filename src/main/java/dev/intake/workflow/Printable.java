package dev.intake.workflow;

import java.util.OptionalInt;

/**
 * Text from outside (a request's field, an object key, a provider's message) as it may appear in a log
 * line or an answer: every control character (C0, DEL, C1) escaped, so a CR, LF or ESC a sender put in
 * a field can neither forge a log line nor drive a terminal. The one place that decides what is control.
 */
public final class Printable {

    private Printable() {
    }

    /** C0 (U+0000..U+001F), DEL (U+007F) and C1 (U+0080..U+009F). */
    public static boolean isControl(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F);
    }

    /** The index of the first control character in {@code text}, if any. */
    public static OptionalInt firstControl(String text) {
        if (text == null) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** {@code text} with each control character written as an escape ({@code \n}, {@code \u001B}). */
    public static String of(Object value) {
        String text = String.valueOf(value);
        if (firstControl(text).isEmpty()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else {
                out.append(codePoint(c));
            }
        }
        return out.toString();
    }

    /** How a refusal names a character: {@code U+001B}. */
    public static String codePoint(char c) {
        return String.format("\\u%04X", (int) c);
    }
}
