package dev.intake.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import dev.intake.embedded.LocalPostgres;

/**
 * Runs SQL scripts statement by statement, as a migration runner would, so a failure names the file,
 * the line and the statement; and skips statements only through an explicit list of {@link Skip}s.
 * Shared by both Insights fixtures ({@link InsightsDatabase}, {@link InsightsMigratedDatabase}).
 */
final class SqlScript {

    static final String PASSWORD = "postgres";

    /**
     * A statement not run: by file ("*" for any) and a distinctive, case- and whitespace-insensitive
     * substring, with the reason. A skip that matches nothing in a build fails it ({@link #requireUsed}),
     * so a list cannot go stale.
     */
    record Skip(String file, String contains, String why) {
    }

    /** One statement of a script and the line it starts on. */
    record Part(int line, String sql) {
    }

    private SqlScript() {
    }

    /** Runs every statement of {@code sql} in one session, except those {@code skips} match (recorded in {@code used}). */
    static void load(String url, String file, String sql, List<Skip> skips, Set<Skip> used) {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (Part part : split(sql)) {
                Skip skip = skipFor(skips, file, part.sql());
                if (skip != null) {
                    used.add(skip);
                    continue;
                }
                try {
                    s.execute(part.sql());
                } catch (SQLException e) {
                    throw new IllegalStateException(file + ":" + errorLine(part, e) + ": " + e.getMessage()
                            + "\n--- statement from line " + part.line() + " ---\n" + part.sql(), e);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load " + file + " into " + url, e);
        }
    }

    /** Fails when a skip of {@code expected} matched no statement: the list must say only what is true. */
    static void requireUsed(Collection<Skip> expected, Set<Skip> used) {
        List<Skip> stale = expected.stream().filter(s -> !used.contains(s)).toList();
        if (!stale.isEmpty()) {
            throw new IllegalStateException("skip entries that matched no statement (remove them): " + stale);
        }
    }

    /**
     * Splits a script at the semicolons outside comments ({@code --}, nested {@code /* *}{@code /}),
     * quoted strings ({@code '...'}, {@code E'...'}), quoted identifiers and dollar quotes
     * ({@code $$...$$}, {@code $tag$...$tag$}). Each part starts at its first token, so the
     * comments before a statement are neither sent nor matched by a {@link Skip}.
     */
    static List<Part> split(String script) {
        List<Part> parts = new ArrayList<>();
        int first = -1; // the current statement's first token, or -1 before it
        int i = 0;
        int n = script.length();
        while (i < n) {
            char ch = script.charAt(i);
            char next = i + 1 < n ? script.charAt(i + 1) : 0;
            if (ch == '-' && next == '-') {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
                continue;
            }
            if (ch == '/' && next == '*') {
                i = endOfBlockComment(script, i);
                continue;
            }
            if (Character.isWhitespace(ch)) {
                i++;
                continue;
            }
            if (ch == ';') {
                if (first >= 0) {
                    parts.add(part(script, first, i));
                }
                first = -1;
                i++;
                continue;
            }
            if (first < 0) {
                first = i;
            }
            i = endOfToken(script, i);
        }
        if (first >= 0) {
            parts.add(part(script, first, n));
        }
        return parts;
    }

    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private static int endOfBlockComment(String script, int i) {
        int depth = 0;
        do {
            if (script.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (script.startsWith("*/", i)) {
                depth--;
                i += 2;
            } else {
                i++;
            }
        } while (depth > 0 && i < script.length());
        return i;
    }

    /** The index after the quoted string, identifier or dollar quote at {@code i}, else {@code i + 1}. */
    private static int endOfToken(String script, int i) {
        int n = script.length();
        char ch = script.charAt(i);
        if (ch == '\'') {
            boolean escapes = i > 0 && Character.toUpperCase(script.charAt(i - 1)) == 'E'
                    && (i < 2 || !isIdentifierChar(script.charAt(i - 2)));
            for (i++; i < n; i++) {
                char c = script.charAt(i);
                if (escapes && c == '\\') {
                    i++;
                } else if (c == '\'') {
                    if (i + 1 < n && script.charAt(i + 1) == '\'') {
                        i++;
                    } else {
                        return i + 1;
                    }
                }
            }
            return n;
        }
        if (ch == '"') {
            int end = script.indexOf('"', i + 1);
            return end < 0 ? n : end + 1;
        }
        if (ch == '$' && (i == 0 || !isIdentifierChar(script.charAt(i - 1)))) {
            Matcher tag = DOLLAR_TAG.matcher(script).region(i, n);
            if (tag.lookingAt()) {
                int end = script.indexOf(tag.group(), tag.end());
                return end < 0 ? n : end + tag.group().length();
            }
        }
        return i + 1;
    }

    private static boolean isIdentifierChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static Part part(String script, int first, int end) {
        int line = 1 + (int) script.substring(0, first).chars().filter(c -> c == '\n').count();
        return new Part(line, script.substring(first, end).strip());
    }

    /** The file line the server's error position points at, else the statement's first line. */
    private static int errorLine(Part part, SQLException e) {
        ServerErrorMessage error = e instanceof PSQLException p ? p.getServerErrorMessage() : null;
        int position = error == null ? 0 : error.getPosition(); // 1-based, in characters
        if (position < 1 || position > part.sql().length()) {
            return part.line();
        }
        return part.line() + (int) part.sql().substring(0, position - 1).chars().filter(c -> c == '\n').count();
    }

    private static Skip skipFor(List<Skip> skips, String file, String sql) {
        String normalized = normalize(sql);
        return skips.stream()
                .filter(s -> (s.file().equals("*") || s.file().equals(file)) && normalized.contains(normalize(s.contains())))
                .findFirst().orElse(null);
    }

    private static String normalize(String sql) {
        return sql.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    static void run(String url, String... statements) {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("failed on " + url + ": " + e.getMessage(), e);
        }
    }

    static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, LocalPostgres.USER, PASSWORD);
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String resource(String name) {
        try (InputStream in = SqlScript.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
