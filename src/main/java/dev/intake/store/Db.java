package dev.intake.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import dev.intake.IntakeConfig;
import dev.intake.secrets.DatabaseCredentials;
import dev.intake.workflow.Durations;
import io.quarkus.arc.InactiveBeanException;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The reactive pool, used from worker threads. Steps and functions are blocking code (they stream
 * media, call providers), so statements are awaited here rather than chained; awaiting on an event
 * loop would deadlock, and is refused.
 *
 * <p>Every statement runs in a transaction that first sets its own limits ({@code SET LOCAL}): behind
 * a transaction-mode pooler each transaction may reach another server connection, and the pooler drops
 * the startup options a session-wide setting would travel in. So no statement runs longer than the
 * statement timeout, and no transaction sits idle longer than it: a Lambda frozen between two statements
 * of a transaction would otherwise keep its row locks until it thawed or was reaped.
 */
@ApplicationScoped
public class Db {

    /** Beyond the server's own limit, how long to wait for its answer before calling the database silent. */
    public static final Duration GRACE = Duration.ofSeconds(5);
    private static final String STATEMENT_CANCELED = "57014";
    private static final String IDLE_IN_TRANSACTION_TIMEOUT = "25P03";
    /** Class 28, invalid authorization: a wrong password (28P01) or user (28000), as after a rotation. */
    private static final String CREDENTIALS_REFUSED = "28";

    /** Transaction-local, like SET LOCAL: ends with the transaction, so nothing leaks to the next pooler client. */
    @Sql
    static final String LIMIT_TRANSACTION = "SELECT set_config('statement_timeout', $1, true),"
            + " set_config('idle_in_transaction_session_timeout', $1, true)";

    private final Instance<Pool> pools;
    private final DatabaseCredentials credentials;
    private final Duration statementTimeout;
    private final Duration acquireTimeout;
    private final Duration answerWait;

    // The pool is resolved on first use, so commands that need no database (--help) start without one.
    Db(Instance<Pool> pools, IntakeConfig config, DatabaseCredentials credentials) {
        this.pools = pools;
        this.credentials = credentials;
        this.statementTimeout = config.database().statementTimeout();
        this.acquireTimeout = config.database().acquireTimeout();
        this.answerWait = statementTimeout.plus(GRACE);
    }

    private Pool pool() {
        try {
            return pools.get();
        } catch (InactiveBeanException e) {
            throw new IllegalStateException("no database is configured: set QUARKUS_DATASOURCE_REACTIVE_URL"
                    + " (and QUARKUS_DATASOURCE_JDBC_URL for migrations), or run a local command, which starts"
                    + " an embedded PostgreSQL");
        }
    }

    /** One statement, in a transaction of its own (where its time limit is set). */
    public RowSet<Row> execute(String sql, Tuple args) {
        return inTransaction(tx -> tx.execute(sql, args));
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<Tx, T> work) {
        refuseEventLoop();
        SqlConnection connection = acquire();
        try {
            Transaction transaction = await(connection.begin());
            try {
                await(connection.preparedQuery(LIMIT_TRANSACTION).execute(Tuple.of(String.valueOf(statementTimeout.toMillis()))));
                T result = work.apply(new Tx(this, connection));
                await(transaction.commit());
                return result;
            } catch (RuntimeException | Error e) {
                try {
                    await(transaction.rollback());
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } finally {
            release(connection);
        }
    }

    /** A connection inside a transaction. */
    public static final class Tx {
        private final Db db;
        private final SqlConnection connection;

        private Tx(Db db, SqlConnection connection) {
            this.db = db;
            this.connection = connection;
        }

        public RowSet<Row> execute(String sql, Tuple args) {
            refuseEventLoop();
            return db.await(connection.preparedQuery(sql).execute(args));
        }

        public void executeBatch(String sql, List<Tuple> rows) {
            if (!rows.isEmpty()) {
                db.await(connection.preparedQuery(sql).executeBatch(rows));
            }
        }
    }

    /** The raw connection, for the schema audit's prepare-only checks. */
    public <T> T withConnection(Function<SqlConnection, T> work) {
        refuseEventLoop();
        SqlConnection connection = acquire();
        try {
            return work.apply(connection);
        } finally {
            release(connection);
        }
    }

    /**
     * A connection from the pool, or {@link DatabaseUnavailable} after the acquire timeout. A request
     * the pool has queued cannot be withdrawn: when its connection arrives after we stopped waiting,
     * it goes straight back to the pool, or it would stay checked out for the life of the process.
     */
    private SqlConnection acquire() {
        Future<io.vertx.sqlclient.SqlConnection> pending = pool().getDelegate().getConnection();
        try {
            return SqlConnection.newInstance(pending.toCompletionStage().toCompletableFuture()
                    .get(acquireTimeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            pending.onSuccess(io.vertx.sqlclient.SqlConnection::close);
            throw new DatabaseUnavailable("the database did not give a connection in "
                    + Durations.readable(acquireTimeout), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof PgException refused && refused.getSqlState() != null
                    && refused.getSqlState().startsWith(CREDENTIALS_REFUSED)) {
                credentials.refused();
            }
            throw new DatabaseUnavailable("could not connect to the database: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            pending.onSuccess(io.vertx.sqlclient.SqlConnection::close);
            Thread.currentThread().interrupt();
            throw new DatabaseUnavailable("interrupted while waiting for a database connection", e);
        }
    }

    /**
     * Back to the pool, rolling back a transaction left open. Nothing to wait for, and so nothing an
     * interrupt could cut short: the release is under way before this returns.
     */
    private static void release(SqlConnection connection) {
        connection.closeAndForget();
    }

    /** The answer to one exchange, with the failures of the database itself told in words that name it. */
    private <T> T await(Uni<T> answer) {
        try {
            return answer.await().atMost(answerWait);
        } catch (io.smallrye.mutiny.TimeoutException e) {
            throw new DatabaseUnavailable("the database did not answer in " + Durations.readable(answerWait), e);
        } catch (PgException e) {
            if (STATEMENT_CANCELED.equals(e.getSqlState()) && e.getErrorMessage().contains("statement timeout")) {
                throw new DatabaseUnavailable("the database cancelled a statement that ran longer than "
                        + Durations.readable(statementTimeout) + " (statement_timeout)", e);
            }
            if (IDLE_IN_TRANSACTION_TIMEOUT.equals(e.getSqlState())) {
                throw new DatabaseUnavailable("the database ended a transaction left idle longer than "
                        + Durations.readable(statementTimeout) + " (idle_in_transaction_session_timeout)", e);
            }
            throw e;
        } catch (ClosedConnectionException e) {
            throw new DatabaseUnavailable("the database closed the connection", e);
        } catch (CompletionException e) {
            if (e.getCause() instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new DatabaseUnavailable("interrupted while waiting for the database", e.getCause());
            }
            throw new DatabaseUnavailable("the database connection was lost: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void refuseEventLoop() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("database calls block; they must not run on an event loop thread");
        }
    }
}
