package dev.intake.testing;

import static dev.intake.testing.SqlScript.load;
import static dev.intake.testing.SqlScript.quote;
import static dev.intake.testing.SqlScript.read;
import static dev.intake.testing.SqlScript.requireUsed;
import static dev.intake.testing.SqlScript.resource;
import static dev.intake.testing.SqlScript.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.intake.embedded.LocalPostgres;
import dev.intake.testing.SqlScript.Skip;

/**
 * Builds a real Insights database (the Supabase product Intake runs on) from Insights' own schema
 * files in the shared contracts folder, read at test time, on the embedded PostgreSQL server. The
 * database production has was built by Insights' migrations instead: {@link InsightsMigratedDatabase}.
 * {@code insights/prelude.sql} first provides or stubs what Supabase has and that server lacks.
 *
 * <p>Every file runs statement by statement in a fresh session ({@link SqlScript}), so a failure
 * names the file, the line and the statement. Statements that cannot load here are skipped only
 * through {@link #SKIPS}; every other error fails the build. Function bodies are checked as
 * usual ({@code check_function_bodies} stays on): the prelude's stubs are complete enough for that.
 */
public final class InsightsDatabase {

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

    /**
     * Statements not run, by file ("*" for any) and a distinctive, case- and whitespace-insensitive
     * substring. A skip that matches nothing in a build fails it, so the list cannot go stale.
     * pgvector, pg_net, pg_cron and pgmq are stubbed by the prelude; see {@link SqlScript.Skip}.
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
        String quoted = quote(database);
        run(server + LocalPostgres.DATABASE, "DROP DATABASE IF EXISTS " + quoted + " WITH (FORCE)",
                "CREATE DATABASE " + quoted);

        String url = server + database;
        Path contracts = contractsDir();
        Set<Skip> used = new HashSet<>();
        load(url, "prelude.sql", resource("/insights/prelude.sql"), SKIPS, used);
        for (Path file : schemaFiles(contracts.resolve("schemas"))) {
            load(url, file.getFileName().toString(), read(file), SKIPS, used);
        }
        if (withAnalysisJobs) {
            for (String name : ANALYSIS_JOBS_MIGRATIONS) {
                load(url, name, read(contracts.resolve("migrations").resolve(name)), SKIPS, used);
            }
            run(url, TRIGGER_RUN_ID);
        }

        requireUsed(SKIPS.stream()
                .filter(s -> withAnalysisJobs || !ANALYSIS_JOBS_MIGRATIONS.contains(s.file())).toList(), used);
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

}
