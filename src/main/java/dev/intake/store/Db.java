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

    /**
     * Opens a transaction and sets its limits, as one simple query (its values are this process's own
     * numbers, not input). SET LOCAL ends with the transaction, so nothing leaks to the next pooler client.
     */
    private static final String BEGIN = "BEGIN; SET LOCAL statement_timeout = %d;"
            + " SET LOCAL idle_in_transaction_session_timeout = %d";

    private final Instance<Pool> pools;
    private final DatabaseCredentials credentials;
    private final Duration statementTimeout;
    private final Duration acquireTimeout;
    private final Duration answerWait;
    private final String beginSql;
    private final DbTraffic traffic;

    // The pool is resolved on first use, so commands that need no database (--help) start without one.
    Db(Instance<Pool> pools, IntakeConfig config, DatabaseCredentials credentials, DbTraffic traffic) {
        this.pools = pools;
        this.credentials = credentials;
        this.statementTimeout = config.database().statementTimeout();
        this.acquireTimeout = config.database().acquireTimeout();
        this.answerWait = statementTimeout.plus(GRACE);
        this.beginSql = BEGIN.formatted(statementTimeout.toMillis(), statementTimeout.toMillis());
        this.traffic = traffic;
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
        return inTransaction(tx -> tx.executeAndCommit(sql, args));
    }

    /**
     * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws.
     *
     * <p>Statements are pipelined where nothing between them waits on an answer: the transaction's
     * start and limits travel with its first statement, and a last statement sent with
     * {@link Tx#executeAndCommit} travels with the commit. Every command sent is answered before the
     * connection goes back to the pool, so a failed statement never leaves one in flight behind it: the
     * server skips what follows an error up to the statement's own sync, and a COMMIT of a failed
     * transaction rolls it back.
     */
    public <T> T inTransaction(Function<Tx, T> work) {
        refuseEventLoop();
        SqlConnection connection = acquire();
        Tx tx = new Tx(this, connection.getDelegate());
        try {
            T result = work.apply(tx);
            tx.commit();
            return result;
        } catch (RuntimeException | Error e) {
            try {
                tx.rollback();
            } catch (RuntimeException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e;
        } finally {
            traffic.transaction(tx.flights);
            release(connection);
        }
    }

    /** A statement and its arguments, for the statements a transaction sends together. */
    public record Statement(String sql, Tuple args) {
    }

    /**
     * A connection inside a transaction. The transaction is begun by its first statement, not before:
     * BEGIN, the limits and that statement go to the server together.
     */
    public static final class Tx {
        private final Db db;
        private final io.vertx.sqlclient.SqlConnection connection;
        /** The BEGIN not yet answered; its answer is awaited with the first statement's. */
        private Future<?> begin;
        private boolean begun;
        private boolean ended;
        private int flights;

        private Tx(Db db, io.vertx.sqlclient.SqlConnection connection) {
            this.db = db;
            this.connection = connection;
        }

        public RowSet<Row> execute(String sql, Tuple args) {
            refuseEventLoop();
            requireOpen();
            sendBegin();
            Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> answer = connection.preparedQuery(sql)
                    .execute(args.getDelegate());
            return RowSet.newInstance(db.awaitFlight(this, answer), Row.__TYPE_ARG);
        }

        public void executeBatch(String sql, List<Tuple> rows) {
            if (rows.isEmpty()) {
                return;
            }
            refuseEventLoop();
            requireOpen();
            sendBegin();
            db.awaitFlight(this, connection.preparedQuery(sql)
                    .executeBatch(rows.stream().map(Tuple::getDelegate).toList()));
        }

        /**
         * The transaction's last statement, sent with its COMMIT. When the statement fails the server
         * skips to the COMMIT, which then rolls back: its error is thrown, and nothing was written.
         */
        public RowSet<Row> executeAndCommit(String sql, Tuple args) {
            refuseEventLoop();
            requireOpen();
            sendBegin();
            Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> answer = connection.preparedQuery(sql)
                    .execute(args.getDelegate());
            Future<?> commit = connection.query("COMMIT").execute();
            ended = true;
            return RowSet.newInstance(db.awaitFlight(this, answer, commit), Row.__TYPE_ARG);
        }

        /**
         * The transaction's last statements, sent together with its COMMIT: their answers in order. When
         * one fails, those after it and the COMMIT find the transaction aborted, and nothing was written.
         */
        public List<RowSet<Row>> executeAllAndCommit(List<Statement> statements) {
            refuseEventLoop();
            requireOpen();
            sendBegin();
            List<Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>>> answers = new java.util.ArrayList<>();
            for (Statement statement : statements) {
                answers.add(connection.preparedQuery(statement.sql()).execute(statement.args().getDelegate()));
            }
            Future<?> commit = connection.query("COMMIT").execute();
            ended = true;
            List<RowSet<Row>> rows = new java.util.ArrayList<>();
            db.awaitFlight(this, Future.join(new java.util.ArrayList<>(answers)), commit);
            for (Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> answer : answers) {
                rows.add(RowSet.newInstance(answer.result(), Row.__TYPE_ARG));
            }
            return rows;
        }

        private void sendBegin() {
            if (!begun) {
                begun = true;
                begin = connection.query(db.beginSql).execute();
            }
        }

        private void requireOpen() {
            if (ended) {
                throw new IllegalStateException("the transaction has been committed");
            }
        }

        /** Answers first the BEGIN still pending, then {@code answer}: one flight. */
        private List<Future<?>> pendingWith(Future<?>... answers) {
            List<Future<?>> all = new java.util.ArrayList<>(answers.length + 1);
            if (begin != null) {
                all.add(begin);
                begin = null;
            }
            all.addAll(List.of(answers));
            return all;
        }

        private void commit() {
            if (ended || !begun) {
                ended = true;
                return;
            }
            ended = true;
            db.awaitFlight(this, connection.query("COMMIT").execute());
        }

        private void rollback() {
            if (!begun || ended) {
                // Committed with its last statement (a failure rolled it back), or never begun.
                ended = true;
                return;
            }
            ended = true;
            db.awaitFlight(this, connection.query("ROLLBACK").execute());
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

    /**
     * Waits for one flight: the BEGIN still pending, if any, and {@code last} after the commands sent
     * before it. Every command of the flight is answered (or the wait for it runs out) before this
     * returns; the first failure is thrown, the others added to it.
     */
    @SuppressWarnings("unchecked")
    private <T> T awaitFlight(Tx tx, Future<T> answer, Future<?>... after) {
        tx.flights++;
        List<Future<?>> flight = new java.util.ArrayList<>(tx.pendingWith(answer));
        flight.addAll(List.of(after));
        RuntimeException failed = null;
        Object result = null;
        for (Future<?> pending : flight) {
            try {
                Object value = await(Uni.createFrom().completionStage(pending.toCompletionStage()));
                if (pending == answer) {
                    result = value;
                }
            } catch (RuntimeException e) {
                if (failed == null) {
                    failed = e;
                } else if (failed != e) {
                    failed.addSuppressed(e);
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
        return (T) result;
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
