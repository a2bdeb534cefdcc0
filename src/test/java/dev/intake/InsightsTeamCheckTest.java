package dev.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.eval.InterviewResult;
import dev.intake.media.MediaBucket;
import dev.intake.media.MediaKey;
import dev.intake.store.Db;
import dev.intake.store.Interview;
import dev.intake.testing.Cli;
import dev.intake.testing.InsightsDatabaseResource;
import dev.intake.testing.InsightsFixture;
import dev.intake.testing.TestData;
import dev.intake.workflow.InterviewStatus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What an Insights team does before switching to Intake, in order, on one database holding the rows
 * their web app and old pipeline left (here built from Insights' schema files;
 * {@link InsightsTeamCheckOnMigratedDatabaseTest} runs it on the one Insights' migrations build), with
 * Intake on their bucket: note every row, migrate twice, audit the schema, process a file into their
 * project, bring an upload their web app left 'uploaded' and the incident interview to ready with
 * `intake repair`, and then find every row they had exactly as it was, column by column, but the two
 * interviews they handed to Intake.
 */
@QuarkusTest
@TestProfile(InsightsTeamCheckTest.OnTheirDatabaseAndBucket.class)
class InsightsTeamCheckTest {

    /** Insights' bucket as the cutover reaches it, and their database as their web app left it. */
    public static class OnTheirDatabaseAndBucket extends InsightsCutoverTest.InsightsBucket {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(InsightsDatabaseResource.class, InsightsDatabaseResource.on(fixture())));
        }

        InsightsFixture fixture() {
            return InsightsFixture.SCHEMA_FILES;
        }
    }

    static final TestData.Project THEIR_PROJECT = new TestData.Project(InsightsDropInTest.ACCOUNT, InsightsDropInTest.PROJECT);

    /** Schemas that are not the team's data: PostgreSQL's own, and Intake's bookkeeping. */
    private static final Set<String> NOT_THEIRS = Set.of("pg_catalog", "information_schema", "intake", "pg_toast");

    @Inject
    CommandLine.IFactory factory;
    @Inject
    Db db;
    @Inject
    MediaBucket bucket;
    @Inject
    S3Client s3;
    @Inject
    TestData data;
    @Inject
    ObjectMapper json;

    private Cli.Run intake(String... args) {
        Cli.Run run = Cli.run(factory, args);
        assertEquals(0, run.exit(), String.join(" ", args) + ": " + run.out() + run.err());
        return run;
    }

    /**
     * Every row of every table outside PostgreSQL's and Intake's schemas, as a JSON object of its columns,
     * keyed by table and id (or, for a table without an id column, by the whole row).
     */
    private Map<String, JsonObject> everyRow() {
        Map<String, JsonObject> rows = new LinkedHashMap<>();
        for (Row table : db.execute("""
                SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) AS name, table_schema AS schema
                FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY 1""", Tuple.tuple())) {
            if (NOT_THEIRS.contains(table.getString("schema"))) {
                continue;
            }
            String name = table.getString("name");
            for (Row row : db.execute("SELECT to_jsonb(t) AS row FROM " + name + " t", Tuple.tuple())) {
                JsonObject columns = (JsonObject) row.getValue("row");
                Object id = columns.getValue("id");
                rows.put(name + " " + (id != null ? id : columns.encode()), columns);
            }
        }
        return rows;
    }

    /**
     * Each row of {@code before} that is not one of {@code takenOver}'s interviews, with each column it had
     * that now differs; a row gone is listed whole. Columns Intake's migrations added are not compared: a
     * row had no value there to keep.
     */
    private static List<String> changedRows(Map<String, JsonObject> before, Map<String, JsonObject> after, Set<UUID> takenOver) {
        List<String> changed = new ArrayList<>();
        before.forEach((key, columns) -> {
            if (key.startsWith("public.interviews ") && takenOver.stream().anyMatch(id -> key.endsWith(" " + id))) {
                return;
            }
            JsonObject now = after.get(key);
            if (now == null) {
                changed.add(key + ": changed or deleted");
                return;
            }
            for (String column : columns.fieldNames()) {
                if (!Objects.equals(columns.getValue(column), now.getValue(column))) {
                    changed.add(key + " " + column + ": " + columns.getValue(column) + " -> " + now.getValue(column));
                }
            }
        });
        return changed;
    }

    @Test
    void migrate_audit_process_and_repair_on_their_database_change_no_row_of_theirs_but_the_interviews_they_hand_over() throws Exception {
        long start = System.nanoTime();
        // What their web app left before Intake arrived: an upload marked 'uploaded' (the old pipeline never
        // started), its media at the key the web app uses, in their bucket.
        bucket.ensureExists();
        UUID webUpload = data.insightsWebUpload(THEIR_PROJECT, "uploaded", null, null, "interview");
        String webKey = TestData.insightsWebKey(THEIR_PROJECT, webUpload);
        db.execute("UPDATE interviews SET media_url = $2 WHERE id = $1", Tuple.of(webUpload, webKey));
        s3.putObject(b -> b.bucket(bucket.name()).key(webKey), RequestBody.fromString(TestData.sample("standup-notes.txt")));
        data.putObject(MediaKey.parse(InsightsDropInTest.INCIDENT_KEY).orElseThrow(), TestData.sample("onboarding-interview.vtt"));

        Map<String, JsonObject> before = everyRow();

        assertTrue(intake("migrate").out().contains("Found an existing Insights database"));
        assertTrue(intake("migrate").out().contains("Applied 0 migration(s)"), "the second migrate finds nothing to do");
        intake("audit-schema");

        Cli.Run processed = intake("process", "samples/onboarding-interview.vtt", "--project", THEIR_PROJECT.projectId().toString(),
                "--json");
        InterviewResult result = json.readValue(processed.out(), InterviewResult.class);
        assertEquals("ready", result.status(), processed.out());
        Interview filed = data.interview(UUID.fromString(result.interviewId()));
        assertEquals(THEIR_PROJECT, new TestData.Project(filed.accountId(), filed.projectId()));

        Cli.Run repairedUpload = intake("repair", webUpload.toString(), "--engine", "local");
        assertTrue(repairedUpload.out().contains(webUpload + ": ready"), repairedUpload.out());
        Interview upload = data.interview(webUpload);
        assertEquals(webKey, upload.mediaKey(), "read from the key their web app wrote");
        assertEquals(InterviewStatus.READY, upload.status());
        String transcript = db.execute("SELECT transcript FROM interviews WHERE id = $1", Tuple.of(webUpload)).iterator().next()
                .getString(0);
        assertTrue(transcript != null && !transcript.isBlank(), "transcribed from their bucket");

        Cli.Run repairedIncident = intake("repair", InsightsDropInTest.INCIDENT.toString(), "--engine", "local");
        assertTrue(repairedIncident.out().contains(InsightsDropInTest.INCIDENT + ": ready"), repairedIncident.out());
        assertEquals(InterviewStatus.READY, data.interview(InsightsDropInTest.INCIDENT).status());

        assertEquals(List.of(), changedRows(before, everyRow(), Set.of(webUpload, InsightsDropInTest.INCIDENT)),
                "rows of theirs Intake changed or deleted");
        System.out.printf("%s: the team's check took %.1f s, %d rows of theirs compared%n", getClass().getSimpleName(),
                (System.nanoTime() - start) / 1e9, before.size());
    }
}
