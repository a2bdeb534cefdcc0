package dev.intake.store;

import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The first statement of every transaction that writes a step's output: it locks the interview row
 * and proves the lease is still ours, so an invocation that lost its lease (the sweeper or a retry
 * took over) rolls back instead of overwriting newer output.
 */
final class LeaseFence {

    @Sql
    static final String HOLD = """
            SELECT 1 FROM interviews
            WHERE id = $1 AND conversation_analysis->'intake'->>'lease_owner' = $2
            FOR UPDATE""";

    private LeaseFence() {
    }

    /** Sent with the writes that follow it: they never commit when the lease is not ours, the transaction rolls back. */
    static void send(Db.Tx tx, Lease lease) {
        tx.sendExpectingRows(HOLD, Tuple.of(lease.interviewId(), lease.owner()), () -> new LeaseLostException(lease));
    }
}
