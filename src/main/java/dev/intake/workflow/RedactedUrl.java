package dev.intake.workflow;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL as it may be logged or shown: scheme, host, port and path only. The query string and fragment
 * (where pre-signed URLs carry their signature and tokens) and the user-info (credentials) are left
 * out, so a secret a user pasted never reaches a log line, an error message or an operator's screen.
 */
public final class RedactedUrl {

    private static final Pattern URL = Pattern.compile("(?i)\\b[a-z][a-z0-9+.-]*://[^\\s'\"<>]+");

    private RedactedUrl() {
    }

    /** {@code url} without query, fragment and user-info; text that is not a URL is cut at its first '?' or '#'. */
    public static String of(String url) {
        if (url == null) {
            return null;
        }
        // By hand rather than with java.net.URI: this must also cut what URI refuses to parse.
        String cut = url.strip().split("[?#]", 2)[0];
        int scheme = cut.indexOf("://");
        if (scheme < 0) {
            return cut;
        }
        String rest = cut.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        return cut.substring(0, scheme + 3) + withoutUserInfo(authority) + (slash < 0 ? "" : rest.substring(slash));
    }

    /** {@code text} with every URL in it redacted as {@link #of} does. */
    public static String in(String text) {
        if (text == null || !text.contains("://")) {
            return text;
        }
        Matcher matcher = URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(of(matcher.group())));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String withoutUserInfo(String authority) {
        return authority.substring(authority.lastIndexOf('@') + 1);
    }
}
