package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.intake.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * Every query the operator console runs reads an index, not the whole interviews table, on a table of
 * 100,000 interviews spread over 100 days (a thousand a day). The rows are written, analysed, planned
 * and run in one transaction that is then rolled back, so no other test sees them. Each plan's
 * execution time is printed, not asserted.
 */
@QuarkusTest
class ConsoleQueryPlansTest {

    private static final double DAY = 86_400;

    @Inject
    Db db;
    @Inject
    TestData data;

    /** The console's statements with the arguments it passes: a 24-hour window, the sweeper's 10 minutes. */
    private static Map<String, Tuple> consoleQueries() {
        Map<String, Tuple> queries = new LinkedHashMap<>();
        queries.put(ConsoleStore.COUNT_BY_STATUS_AND_STEP, Tuple.of(DAY));
        queries.put(ConsoleStore.ENDED_PER_HOUR, Tuple.of(DAY));
        queries.put(ConsoleStore.ERRORS_BY_STEP_AND_MESSAGE, Tuple.of(DAY, 100));
        queries.put(ConsoleStore.STEP_DURATIONS, Tuple.of(DAY));
        queries.put(ConsoleStore.LIST_STALLED, Tuple.of(600.0, 100));
        return queries;
    }

    private static final class RolledBack extends RuntimeException {
        RolledBack() {
            super("rolled back on purpose", null, false, false);
        }
    }

    @Test
    void every_console_query_reads_an_index_on_a_hundred_thousand_interviews() {
        TestData.Project project = data.project();
        Map<String, List<String>> plans = new LinkedHashMap<>();
        try {
            db.inTransaction(tx -> {
                tx.execute("SET LOCAL statement_timeout = '120s'", Tuple.tuple());
                tx.execute("""
                        INSERT INTO interviews (id, account_id, project_id, title, status, conversation_analysis, updated_at)
                        SELECT gen_random_uuid(), $1, $2, 'bulk',
                               CASE WHEN n % 997 = 0 THEN 'processing' WHEN n % 50 = 7 THEN 'error' ELSE 'ready' END::interview_status,
                               CASE WHEN n % 10 = 0 THEN NULL ELSE jsonb_build_object(
                                   'current_step', CASE WHEN n % 997 = 0 THEN 'insights' WHEN n % 50 = 7 THEN 'evidence' ELSE 'complete' END,
                                   'intake', jsonb_build_object(
                                       'run_id', 'bulk-' || n,
                                       'step_timings', jsonb_build_object(
                                           'upload', jsonb_build_object('seconds', (n % 30) + 1),
                                           'evidence', jsonb_build_object('seconds', (n % 90) + 5)),
                                       'error', CASE WHEN n % 50 = 7 THEN jsonb_build_object('step', 'evidence',
                                           'message', 'provider said no ' || (n % 3), 'kind', 'permanent') END)) END,
                               now() - make_interval(secs => n * 86.4)
                        FROM generate_series(1, 100000) AS n""", Tuple.of(project.accountId(), project.projectId()));
                tx.execute("ANALYZE interviews", Tuple.tuple());
                consoleQueries().forEach((sql, args) -> {
                    List<String> plan = new ArrayList<>();
                    for (Row row : tx.execute("EXPLAIN (ANALYZE) " + sql, args)) {
                        plan.add(row.getString(0));
                    }
                    plans.put(sql, plan);
                });
                throw new RolledBack();
            });
        } catch (RolledBack expected) {
            // the 100,000 rows are gone again
        }

        assertEquals(consoleQueries().size(), plans.size());
        plans.forEach((sql, plan) -> {
            String text = String.join("\n", plan);
            String time = plan.stream().filter(line -> line.startsWith("Execution Time")).findFirst().orElse("?");
            System.out.printf("console query on 100,000 interviews: %s%n  %s%n%s%n", time, sql, text);
            assertFalse(text.contains("Seq Scan on interviews"), "reads the whole table:\n" + sql + "\n" + text);
            assertTrue(text.contains("Index Scan") || text.contains("Index Only Scan") || text.contains("Bitmap Index Scan"),
                    "reads no index:\n" + sql + "\n" + text);
        });
    }
}
