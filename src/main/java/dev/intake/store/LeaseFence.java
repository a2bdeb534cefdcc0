package dev.intake.store;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The first statement of every transaction that writes a step's output: it locks the interview row
 * and proves the lease is still ours, so an invocation that lost its lease (the sweeper or a retry
 * took over) rolls back instead of overwriting newer output.
 */
final class LeaseFence {

    /**
     * Locks the row and proves the lease. It fails on the server (division by zero) when the lease is not
     * ours, rather than answering no row: the writes and the COMMIT sent behind it without waiting then
     * find the transaction aborted, so nothing of an invocation that lost its lease can commit.
     */
    @Sql
    static final String HOLD = """
            SELECT 1 / count(*)::int AS held FROM (
                SELECT 1 FROM interviews
                WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $2
                FOR UPDATE) AS ours""";

    /** What {@link #HOLD} fails with when the lease is not ours. */
    static final String NOT_HELD = "22012";

    private LeaseFence() {
    }

    /** Sent with the writes that follow it: when the lease is not ours they never commit, and the caller is told. */
    static void send(Db.Tx tx, Lease lease) {
        tx.sendFailingAs(HOLD, Tuple.of(lease.interviewId(), lease.owner()), NOT_HELD, () -> new LeaseLostException(lease));
    }
}
