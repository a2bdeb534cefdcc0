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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.intake.embedded.LocalPostgres;
import dev.intake.testing.SqlScript.Skip;

/**
 * Builds the Insights database production has: the one Insights' own {@code supabase/migrations}
 * built, all of them in name order, statement by statement (as the Supabase CLI applies them), on
 * the embedded PostgreSQL server, after {@code insights/prelude.sql}. Unlike the schema files'
 * {@link InsightsDatabase}, it has what only the migrations made (evidence.deleted_at and
 * is_archived, people.deleted_at, ...) and no {@code analysis_jobs}: migration
 * 20251202150000_consolidate_analysis_jobs dropped it, as it did on every production database.
 *
 * <p>What the migrations folder holds besides migrations: {@code 20251123044738_supabase/} is a
 * nested copy of a Supabase project folder holding a {@code db diff} output
 * ({@code migrations/20251123050000_add_upload_jobs_created_by.sql.sql}, which would drop columns of
 * themes). The Supabase CLI reads only the files directly in supabase/migrations named
 * {@code <version>_<name>.sql}, so it never ran anywhere and is not run here; {@link #migrationFiles}
 * fails if any other entry appears.
 *
 * <p>Stubbed (embedded PostgreSQL has no Supabase services). By {@code insights/prelude.sql}, as for
 * the schema files: the auth schema with auth.users, auth.uid(), auth.role(), auth.jwt(); the roles
 * anon, authenticated, service_role; the storage schema's buckets and objects; pgvector's type and
 * distance operators, pgmq's queues, pg_net's http_post, pg_cron's schedule, Vault's
 * decrypted_secrets. By {@code insights/prelude-migrations.sql}, for what only the migrations ask:
 * pgmq's archive tables, archive/pop/send_batch and its meta table; pgvector's btree operator class
 * (views GROUP BY a vector column); and the vector type moved to schema public, where the
 * migrations install pgvector and name it. Storage's internal triggers (20251121031101) are left
 * out by the migration itself, which skips them where storage's functions are missing.
 *
 * <p>Skipped, through {@link #SKIPS} (each with its reason; a skip that matches nothing fails the
 * build): the CREATE EXTENSION statements of pgvector, pg_net, pg_cron, pgmq and pgsql-http, whose
 * binaries embedded PostgreSQL lacks, and the HNSW indexes (pgvector's access method). Nothing
 * else: every other statement of every migration runs, and any error fails the build.
 *
 * <p>Applying the migrations takes about 21 s on an idle 2-core machine, and up to 2 min when other
 * builds share it (measured 2026-12-06; each build prints its time), so it is done once per test
 * JVM into a template database and every caller gets a copy ({@code CREATE DATABASE ... TEMPLATE}),
 * which takes about a second. The
 * template's name is published in a system property, because Quarkus loads test classes again for
 * every test profile.
 */
public final class InsightsMigratedDatabase {

    // Not under intake.*: the application validates every property of its own prefix.
    private static final String TEMPLATE_PROPERTY = "embedded.test.insights-migrated-template";
    private static final String TEMPLATE = "insights_migrated_template";

    /** A Supabase migration file: what the CLI applies, and nothing else in the folder. */
    private static final Pattern MIGRATION = Pattern.compile("\\d+_.*\\.sql");

    /** The one non-migration entry of the folder, never applied (see the class comment). */
    private static final String NESTED_PROJECT_FOLDER = "20251123044738_supabase";

    /** Statements not run; see {@link Skip}. */
    static final List<Skip> SKIPS = List.of(
            new Skip("*", "create extension if not exists vector",
                    "pgvector is not in the embedded binaries; prelude.sql stubs the vector type"),
            new Skip("*", "create extension if not exists \"vector\"",
                    "pgvector is not in the embedded binaries; prelude.sql stubs the vector type"),
            new Skip("*", "create extension if not exists pg_net",
                    "not in the embedded binaries; prelude.sql stubs net.http_post"),
            new Skip("*", "create extension if not exists \"pg_net\"",
                    "not in the embedded binaries; prelude.sql stubs net.http_post"),
            new Skip("*", "create extension if not exists pg_cron",
                    "not in the embedded binaries; prelude.sql stubs cron.schedule"),
            new Skip("*", "create extension if not exists pgmq",
                    "not in the embedded binaries; prelude.sql stubs the pgmq schema and functions"),
            new Skip("*", "using hnsw",
                    "HNSW is pgvector's index access method, which does not exist here"),
            new Skip("*", "create extension if not exists \"http\"",
                    "pgsql-http is not in the embedded binaries, and no migration calls it"));

    private InsightsMigratedDatabase() {
    }

    /**
     * (Re)creates database {@code database} on the tests' embedded server as a copy of the
     * migrations-built Insights database, building that once per JVM first.
     *
     * @return the JDBC URL of the new database (user and password {@code postgres})
     */
    public static String create(String database) {
        int port = InsightsDatabase.serverPort();
        String server = "jdbc:postgresql://localhost:" + port + "/" + LocalPostgres.DATABASE;
        String template = template(port);
        run(server, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)",
                "CREATE DATABASE " + quote(database) + " TEMPLATE " + quote(template));
        String url = "jdbc:postgresql://localhost:" + port + "/" + database;
        // A database's own settings (ALTER DATABASE ... SET) are not copied with the template.
        run(url, "ALTER DATABASE " + quote(database) + " SET search_path = \"$user\", public, extensions");
        return url;
    }

    private static synchronized String template(int port) {
        String built = System.getProperty(TEMPLATE_PROPERTY);
        if (built != null) {
            return built;
        }
        long start = System.nanoTime();
        build(port, TEMPLATE);
        System.setProperty(TEMPLATE_PROPERTY, TEMPLATE);
        System.out.printf("Built the migrations-built Insights database in %.1f s%n", (System.nanoTime() - start) / 1e9);
        return TEMPLATE;
    }

    /** Builds {@code database} from the prelude and every migration; no session is left open on it. */
    static void build(int port, String database) {
        String server = "jdbc:postgresql://localhost:" + port + "/" + LocalPostgres.DATABASE;
        run(server, "DROP DATABASE IF EXISTS " + quote(database) + " WITH (FORCE)", "CREATE DATABASE " + quote(database));
        String url = "jdbc:postgresql://localhost:" + port + "/" + database;
        Set<Skip> used = new HashSet<>();
        load(url, "prelude.sql", resource("/insights/prelude.sql"), SKIPS, used);
        load(url, "prelude-migrations.sql", resource("/insights/prelude-migrations.sql"), SKIPS, used);
        for (Path file : migrationFiles(InsightsDatabase.contractsDir().resolve("supabase/migrations"))) {
            load(url, file.getFileName().toString(), read(file), SKIPS, used);
        }
        requireUsed(SKIPS, used);
    }

    /** The migrations in the order the Supabase CLI applies them: by name. */
    static List<Path> migrationFiles(Path folder) {
        try (Stream<Path> listing = Files.list(folder)) {
            List<Path> entries = listing.sorted().toList();
            List<Path> unexpected = entries.stream()
                    .filter(f -> !(Files.isRegularFile(f) && MIGRATION.matcher(f.getFileName().toString()).matches())
                            && !f.getFileName().toString().equals(NESTED_PROJECT_FOLDER))
                    .toList();
            if (!unexpected.isEmpty()) {
                throw new IllegalStateException("entries of " + folder + " that are not migrations: " + unexpected);
            }
            return entries.stream().filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
