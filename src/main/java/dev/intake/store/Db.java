package dev.intake.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

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
    Db(Instance<Pool> pools, DatabaseConfig config, DatabaseCredentials credentials, DbTraffic traffic) {
        this.pools = pools;
        this.credentials = credentials;
        this.statementTimeout = config.statementTimeout();
        this.acquireTimeout = config.acquireTimeout();
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
     * A connection inside a transaction. Nothing waits that need not: the transaction is begun by its
     * first statement (BEGIN, the limits and that statement go to the server together), and statements
     * whose answer the caller does not read ({@link #send}) go with the next statement that is awaited,
     * or with the COMMIT. A statement sent that fails fails that flight, and the transaction rolls back.
     */
    public static final class Tx {
        private final Db db;
        private final io.vertx.sqlclient.SqlConnection connection;
        /** Commands sent and not yet answered, in the order sent, each with the check its answer must pass. */
        private final List<Sent> unanswered = new java.util.ArrayList<>();
        private boolean begun;
        private boolean ended;
        private int flights;

        private Tx(Db db, io.vertx.sqlclient.SqlConnection connection) {
            this.db = db;
            this.connection = connection;
        }

        /** A command on its way; {@code failingAs}, when set, names the server's error that means {@code meaning}. */
        private record Sent(Future<? extends io.vertx.sqlclient.SqlResult<?>> answer, String failingAs,
                            java.util.function.Supplier<RuntimeException> meaning) {

            Sent(Future<? extends io.vertx.sqlclient.SqlResult<?>> answer) {
                this(answer, null, null);
            }
        }

        /** Runs one statement and waits for its answer, with whatever was sent before it. */
        public RowSet<Row> execute(String sql, Tuple args) {
            return executeAll(List.of(new Statement(sql, args))).get(0);
        }

        /** Runs the statements together, one flight, and gives their answers in order. */
        public List<RowSet<Row>> executeAll(List<Statement> statements) {
            return answered(statements, false);
        }

        /**
         * Sends {@code statements}, and the COMMIT after them when {@code last}; waits for the flight and
         * gives their answers in order.
         */
        private List<RowSet<Row>> answered(List<Statement> statements, boolean last) {
            List<Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>>> answers = new java.util.ArrayList<>();
            for (Statement statement : statements) {
                answers.add(queue(statement.sql(), statement.args()));
            }
            if (last) {
                sendCommit();
            }
            db.awaitFlight(this);
            return answers.stream().map(a -> RowSet.newInstance(a.result(), Row.__TYPE_ARG)).toList();
        }

        /** Sends a statement whose answer nobody reads; it is answered with the next flight. */
        public void send(String sql, Tuple args) {
            queue(sql, args);
        }

        /**
         * Sends a statement that fails on the server with {@code sqlState} to refuse (a fence): what is
         * sent behind it, the COMMIT included, then finds the transaction aborted; the caller gets what
         * {@code meaning} gives.
         */
        public void sendFailingAs(String sql, Tuple args, String sqlState, java.util.function.Supplier<RuntimeException> meaning) {
            prepareToSend();
            unanswered.add(new Sent(connection.preparedQuery(sql).execute(args.getDelegate()), sqlState, meaning));
        }

        /** Sends one statement for each of {@code rows}; answered with the next flight. */
        public void sendBatch(String sql, List<Tuple> rows) {
            if (rows.isEmpty()) {
                return;
            }
            prepareToSend();
            unanswered.add(new Sent(connection.preparedQuery(sql).executeBatch(rows.stream().map(Tuple::getDelegate)
                    .toList())));
        }

        /**
         * The transaction's last statement, sent with its COMMIT. When the statement fails the server
         * skips to the COMMIT, which then rolls back: its error is thrown, and nothing was written.
         */
        public RowSet<Row> executeAndCommit(String sql, Tuple args) {
            return executeAllAndCommit(List.of(new Statement(sql, args))).get(0);
        }

        /**
         * The transaction's last statements, sent together with its COMMIT: their answers in order. When
         * one fails, those after it and the COMMIT find the transaction aborted, and nothing was written.
         */
        public List<RowSet<Row>> executeAllAndCommit(List<Statement> statements) {
            return answered(statements, true);
        }

        private Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> queue(
                String sql, Tuple args) {
            prepareToSend();
            Future<io.vertx.sqlclient.RowSet<io.vertx.sqlclient.Row>> answer = connection.preparedQuery(sql)
                    .execute(args.getDelegate());
            unanswered.add(new Sent(answer));
            return answer;
        }

        private void prepareToSend() {
            refuseEventLoop();
            if (ended) {
                throw new IllegalStateException("the transaction has been committed");
            }
            if (!begun) {
                begun = true;
                unanswered.add(new Sent(connection.query(db.beginSql).execute()));
            }
        }

        /** Sends the COMMIT behind what is in flight: a refusal among it fails on the server and rolls it back. */
        private void sendCommit() {
            unanswered.add(new Sent(connection.query("COMMIT").execute()));
            ended = true;
        }

        private void commit() {
            if (!ended && begun) {
                sendCommit();
            }
            ended = true;
            if (!unanswered.isEmpty()) {
                db.awaitFlight(this);
            }
        }

        private void rollback() {
            if (!ended && begun) {
                unanswered.add(new Sent(connection.query("ROLLBACK").execute()));
            }
            // Committed with its last statements (a failure rolled it back), or never begun.
            ended = true;
            if (!unanswered.isEmpty()) {
                db.awaitFlight(this);
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

    /**
     * Waits for one flight: every command the transaction has sent and not yet had answered, in order.
     * Each is answered (or its wait runs out) before this returns, so none is left in flight; the first
     * failure is thrown, later ones added to it.
     */
    private void awaitFlight(Tx tx) {
        tx.flights++;
        List<Tx.Sent> flight = List.copyOf(tx.unanswered);
        tx.unanswered.clear();
        RuntimeException failed = null;
        for (Tx.Sent sent : flight) {
            try {
                await(Uni.createFrom().completionStage(sent.answer().toCompletionStage()));
            } catch (PgException e) {
                RuntimeException told = sent.failingAs() != null && sent.failingAs().equals(e.getSqlState())
                        ? sent.meaning().get() : e;
                if (failed == null) {
                    failed = told;
                } else {
                    failed.addSuppressed(told);
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
