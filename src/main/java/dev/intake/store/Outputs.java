package dev.intake.store;

/**
 * Intake's record of the rows its steps wrote ({@code intake.interview_outputs}): a re-run deletes
 * exactly those and never a row Insights' pipeline, its web app or a person wrote for the same
 * interview. Every row a step inserts is recorded, those that would go with another by a foreign
 * key's cascade too (evidence_people and evidence_facet with their evidence, project_answer_evidence
 * with its answer): they are deleted before it, so no record outlives its row. Rows Intake created
 * that others may come to use (themes, personas, people) are removed only once nothing references
 * them (InsightStore, InterviewPeople).
 */
final class Outputs {

    private Outputs() {
    }

    /**
     * One statement that forgets the rows of {@code table} that Intake wrote for interview $1 and
     * deletes them. {@code idType} is the type of the table's primary key.
     */
    static String deleteWritten(String table, String idType) {
        return "WITH gone AS (DELETE FROM intake.interview_outputs WHERE interview_id = $1 AND table_name = '"
                + table + "' RETURNING row_id) DELETE FROM " + table + " WHERE id IN (SELECT row_id::" + idType
                + " FROM gone)";
    }

    /**
     * {@code insert}, whose RETURNING names each new row's key {@code id}, with every row it writes
     * recorded as Intake's for the interview {@code interview} at {@code position} (SQL expressions);
     * the statement returns {@code row_id}, the key as text.
     */
    static String recorded(String table, String interview, String position, String insert) {
        return "WITH written AS (" + insert + ")"
                + " INSERT INTO intake.interview_outputs (interview_id, table_name, row_id, position)"
                + " SELECT " + interview + ", '" + table + "', written.id::text, " + position + " FROM written"
                + " RETURNING row_id";
    }

    /** The uuid key of the row a {@link #recorded} statement wrote; empty when it wrote none. */
    static java.util.Optional<java.util.UUID> writtenId(io.vertx.mutiny.sqlclient.RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        return rows.rowCount() == 0 ? java.util.Optional.empty()
                : java.util.Optional.of(java.util.UUID.fromString(rows.iterator().next().getString("row_id")));
    }
}
