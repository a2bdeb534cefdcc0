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
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import dev.intake.embedded.LocalPostgres;

/**
 * Builds a real Insights database (the Supabase product Intake runs on) from Insights' own schema
 * files in the shared contracts folder, read at test time, on the embedded PostgreSQL server.
 * {@code insights/prelude.sql} first provides or stubs what Supabase has and that server lacks.
 *
 * <p>Every file runs statement by statement in a fresh session (as a migration runner would), so a
 * failure names the file, the line and the statement. Statements that cannot load here are skipped
 * only through {@link #SKIPS}; every other error fails the build. Function bodies are checked as
 * usual ({@code check_function_bodies} stays on): the prelude's stubs are complete enough for that.
 */
public final class InsightsDatabase {

    private static final String PASSWORD = "postgres";

    /**
     * The legacy job table as a database had it before 20251202150000_consolidate_analysis_jobs
     * (which is deliberately not applied): created by the first, extended by the second.
     */
    private static final List<String> ANALYSIS_JOBS_MIGRATIONS = List.of(
            "20250817021438_transcription_pipeline_jobs.sql",
            "20251122074555_add_workflow_state_columns_only.sql");

    /**
     * Stands in for migration 20251022063101_runid.sql, which is not in the contracts folder: it
     * added analysis_jobs.trigger_run_id (COMPARISON.md §3), which the consolidation reads.
     */
    private static final String TRIGGER_RUN_ID = "ALTER TABLE public.analysis_jobs ADD COLUMN trigger_run_id text";

    private record Skip(String file, String contains, String why) {
    }

    /**
     * Statements not run, by file ("*" for any) and a distinctive, case- and whitespace-insensitive
     * substring. A skip that matches nothing in a build fails it, so the list cannot go stale.
     */
    private static final List<Skip> SKIPS = List.of(
            new Skip("*", "create extension if not exists vector",
                    "pgvector is not in the embedded binaries; prelude.sql stubs the vector type"),
            new Skip("*", "using hnsw",
                    "HNSW is pgvector's index access method, which does not exist here"),
            new Skip("50_queues.sql", "create extension if not exists pg_net",
                    "not in the embedded binaries; prelude.sql stubs net.http_post"),
            new Skip("50_queues.sql", "create extension if not exists pg_cron",
                    "not in the embedded binaries; prelude.sql stubs cron.schedule"),
            new Skip("50_queues.sql", "create extension if not exists pgmq",
                    "not in the embedded binaries; prelude.sql stubs the pgmq schema and functions"),
            // The job migration predates the schema files; replaying what it redefines besides the
            // job tables would roll those objects back to their 2025-08 versions.
            new Skip("20250817021438_transcription_pipeline_jobs.sql", "create type \"public\".\"job_status\"",
                    "schemas/80_transcription_pipeline.sql already creates the identical enum"),
            new Skip("20250817021438_transcription_pipeline_jobs.sql", "drop view if exists \"public\".\"persona_distribution\"",
                    "the view belongs to schemas/60_persona_distribution_view.sql"),
            new Skip("20250817021438_transcription_pipeline_jobs.sql", "create or replace view \"public\".\"persona_distribution\"",
                    "an older version of schemas/60_persona_distribution_view.sql"),
            new Skip("20250817021438_transcription_pipeline_jobs.sql", "function public.upsert_signup_data(",
                    "an older version of schemas/70_signup_chat_function.sql"));

    private static final Pattern PREFIX = Pattern.compile("^(\\d+)_");

    /**
     * Files that must load earlier than their names say, each just before the file named with it:
     * 50_api_keys.sql references public.oauth_clients, which 51_oauth.sql creates.
     */
    private static final Map<String, String> LOAD_BEFORE = Map.of("51_oauth.sql", "50_api_keys.sql");

    private InsightsDatabase() {
    }

    /** Builds database {@code database} on the tests' embedded server; see {@link #create(int, String, boolean)}. */
    public static String create(String database, boolean withAnalysisJobs) {
        return create(serverPort(), database, withAnalysisJobs);
    }

    /**
     * (Re)creates database {@code database} on the embedded server at {@code port} and loads the
     * prelude and every Insights schema file into it; with {@code withAnalysisJobs}, also the
     * legacy {@code analysis_jobs} table of a not-yet-consolidated database.
     *
     * @return the JDBC URL of the new database (user and password {@code postgres})
     */
    public static String create(int port, String database, boolean withAnalysisJobs) {
        String server = "jdbc:postgresql://localhost:" + port + "/";
        String quoted = '"' + database.replace("\"", "\"\"") + '"';
        run(server + LocalPostgres.DATABASE, "DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)",
                "CREATE DATABASE " + quoted);

        String url = server + database;
        Path contracts = contractsDir();
        Set<Skip> used = new HashSet<>();
        load(url, "prelude.sql", resource("/insights/prelude.sql"), used);
        for (Path file : schemaFiles(contracts.resolve("schemas"))) {
            load(url, file.getFileName().toString(), read(file), used);
        }
        if (withAnalysisJobs) {
            for (String name : ANALYSIS_JOBS_MIGRATIONS) {
                load(url, name, read(contracts.resolve("migrations").resolve(name)), used);
            }
            run(url, TRIGGER_RUN_ID);
        }

        List<Skip> stale = SKIPS.stream()
                .filter(s -> !used.contains(s) && (withAnalysisJobs || !ANALYSIS_JOBS_MIGRATIONS.contains(s.file())))
                .toList();
        if (!stale.isEmpty()) {
            throw new IllegalStateException("skip entries that matched no statement (remove them): " + stale);
        }
        return url;
    }

    /**
     * The Insights contracts folder: system property {@code intake.insights.contracts}, else
     * environment variable {@code INTAKE_INSIGHTS_CONTRACTS}, else {@code ../shared/contracts/insights}
     * from the directory the tests run in (the project root). A configured path that is wrong fails
     * rather than falling back, so a build never silently reads other contract files.
     */
    public static Path contractsDir() {
        String property = System.getProperty("intake.insights.contracts");
        String env = System.getenv("INTAKE_INSIGHTS_CONTRACTS");
        String source;
        Path dir;
        if (property != null && !property.isBlank()) {
            source = "system property intake.insights.contracts";
            dir = Path.of(property);
        } else if (env != null && !env.isBlank()) {
            source = "environment variable INTAKE_INSIGHTS_CONTRACTS";
            dir = Path.of(env);
        } else {
            source = "the default, ../shared/contracts/insights from " + Path.of("").toAbsolutePath()
                    + " (set -Dintake.insights.contracts or INTAKE_INSIGHTS_CONTRACTS to override)";
            dir = Path.of("").toAbsolutePath().resolve("../shared/contracts/insights").normalize();
        }
        if (!Files.isDirectory(dir.resolve("schemas"))) {
            throw new IllegalStateException("Insights contracts folder not found: tried " + dir.toAbsolutePath()
                    + " (no schemas/ folder there), from " + source);
        }
        return dir;
    }

    /** The tests' embedded PostgreSQL server (see {@link PostgresResource#serverPort()}). */
    public static int serverPort() {
        return PostgresResource.serverPort();
    }

    /**
     * The schema files in their numeric-prefix order (Supabase applies them by name), same-prefix
     * files by name, files without a prefix (media.sql, all comments) last; then {@link #LOAD_BEFORE}.
     */
    static List<Path> schemaFiles(Path schemas) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(schemas)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .sorted(Comparator.comparingInt(InsightsDatabase::prefix)
                            .thenComparing(f -> f.getFileName().toString()))
                    .collect(Collectors.toCollection(ArrayList::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOAD_BEFORE.forEach((early, later) -> {
            Path moved = schemas.resolve(early);
            if (!files.remove(moved) || !files.contains(schemas.resolve(later))) {
                throw new IllegalStateException("LOAD_BEFORE names missing files: " + early + ", " + later);
            }
            files.add(files.indexOf(schemas.resolve(later)), moved);
        });
        return files;
    }

    private static int prefix(Path file) {
        Matcher m = PREFIX.matcher(file.getFileName().toString());
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    private static void load(String url, String file, String sql, Set<Skip> used) {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (Part part : split(sql)) {
                Skip skip = skipFor(file, part.sql());
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

    /** One statement of a script and the line it starts on. */
    record Part(int line, String sql) {
    }

    /**
     * Splits a script at the semicolons outside comments ({@code --}, nested {@code /* *}{@code /}),
     * quoted strings ({@code '...'}, {@code E'...'}), quoted identifiers and dollar quotes
     * ({@code $$...$$}, {@code $tag$...$tag$}). Each part starts at its first token, so the
     * comments before a statement are neither sent nor matched by {@link #SKIPS}.
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

    private static Skip skipFor(String file, String sql) {
        String normalized = normalize(sql);
        return SKIPS.stream()
                .filter(s -> (s.file().equals("*") || s.file().equals(file)) && normalized.contains(normalize(s.contains())))
                .findFirst().orElse(null);
    }

    private static String normalize(String sql) {
        return sql.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static void run(String url, String... statements) {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("failed on " + url + ": " + e.getMessage(), e);
        }
    }

    private static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, LocalPostgres.USER, PASSWORD);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = InsightsDatabase.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
