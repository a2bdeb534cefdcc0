package dev.intake.store;

/**
 * Intake's record of the rows its steps wrote ({@code intake.interview_outputs}): a re-run deletes
 * exactly those and never a row Insights' pipeline, its web app or a person wrote for the same
 * interview. Rows that go with one Intake wrote (evidence_people with its evidence,
 * project_answer_evidence with its answer) are removed by their foreign keys' cascade.
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
}
