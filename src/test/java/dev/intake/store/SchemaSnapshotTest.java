package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * The migrated schema (Insights' tables in public and accounts, Intake's own in intake), written out as
 * text and checked in, so every schema change is a diff a reviewer
 * sees. After an intended change: {@code mvn test -Dtest=SchemaSnapshotTest -Dsnapshot.update=true}.
 */
@QuarkusTest
class SchemaSnapshotTest {

    private static final Path SNAPSHOT = Path.of("src/test/resources/schema/snapshot.txt");

    @Inject
    Db db;

    @Test
    void the_migrated_schema_matches_the_checked_in_snapshot() throws IOException {
        String schema = describeSchema();
        if (Boolean.getBoolean("snapshot.update")) {
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, schema);
        }
        assertEquals(Files.readString(SNAPSHOT), schema,
                "the schema differs from " + SNAPSHOT + "; if the change is intended, regenerate it with -Dsnapshot.update=true");
    }

    private String describeSchema() {
        List<String> lines = new ArrayList<>();
        lines.add("# enums");
        for (Row row : db.execute("""
                SELECT t.typname, string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS labels
                FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
                JOIN pg_namespace n ON n.oid = t.typnamespace AND n.nspname IN ('public', 'accounts', 'intake')
                GROUP BY n.nspname, t.typname ORDER BY n.nspname, t.typname""", Tuple.tuple())) {
            lines.add(row.getString("typname") + ": " + row.getString("labels"));
        }
        lines.add("# columns");
        for (Row row : db.execute("""
                SELECT table_schema || '.' || table_name AS table_name, column_name, coalesce(udt_name, data_type) AS type,
                       is_nullable, coalesce(column_default, 'generated ' || generation_expression) AS column_default
                FROM information_schema.columns
                WHERE table_schema IN ('public', 'accounts', 'intake') AND table_name <> 'flyway_schema_history'
                ORDER BY table_schema, table_name, ordinal_position""", Tuple.tuple())) {
            lines.add(row.getString("table_name") + "." + row.getString("column_name") + " " + row.getString("type")
                    + ("NO".equals(row.getString("is_nullable")) ? " not null" : "")
                    + (row.getString("column_default") == null ? "" : " default " + row.getString("column_default")));
        }
        lines.add("# constraints");
        for (Row row : db.execute("""
                SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
                FROM pg_constraint
                WHERE connamespace IN ('public'::regnamespace, 'accounts'::regnamespace, 'intake'::regnamespace)
                  AND conrelid::regclass::text NOT LIKE '%flyway_schema_history'
                ORDER BY 1, 2""", Tuple.tuple())) {
            lines.add(row.getString("tbl") + " " + row.getString("conname") + ": " + row.getString("def"));
        }
        lines.add("# indexes");
        for (Row row : db.execute("""
                SELECT indexdef FROM pg_indexes
                WHERE schemaname IN ('public', 'accounts', 'intake') AND tablename <> 'flyway_schema_history'
                ORDER BY schemaname, tablename, indexname""", Tuple.tuple())) {
            lines.add(row.getString("indexdef"));
        }
        return String.join("\n", lines) + "\n";
    }
}
