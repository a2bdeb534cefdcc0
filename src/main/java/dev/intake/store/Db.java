package dev.intake.store;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import io.quarkus.arc.InactiveBeanException;
import io.vertx.core.Context;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * The reactive pool, used from worker threads. Steps and functions are blocking code (they stream
 * media, call providers), so statements are awaited here rather than chained; awaiting on an event
 * loop would deadlock, and is refused.
 */
@ApplicationScoped
public class Db {

    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(30);

    private final Instance<Pool> pools;

    // Resolved on first use, so commands that need no database (--help) start without one.
    Db(Instance<Pool> pools) {
        this.pools = pools;
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

    public RowSet<Row> execute(String sql, Tuple args) {
        return run(pool(), sql, args);
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(Function<Tx, T> work) {
        refuseEventLoop();
        SqlConnection connection = pool().getConnection().await().atMost(STATEMENT_TIMEOUT);
        try {
            var transaction = connection.begin().await().atMost(STATEMENT_TIMEOUT);
            try {
                T result = work.apply(new Tx(connection));
                transaction.commit().await().atMost(STATEMENT_TIMEOUT);
                return result;
            } catch (RuntimeException | Error e) {
                try {
                    transaction.rollback().await().atMost(STATEMENT_TIMEOUT);
                } catch (RuntimeException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        } finally {
            connection.close().await().atMost(STATEMENT_TIMEOUT);
        }
    }

    /** A connection inside a transaction. */
    public static final class Tx {
        private final SqlConnection connection;

        private Tx(SqlConnection connection) {
            this.connection = connection;
        }

        public RowSet<Row> execute(String sql, Tuple args) {
            return run(connection, sql, args);
        }

        public void executeBatch(String sql, List<Tuple> rows) {
            if (!rows.isEmpty()) {
                connection.preparedQuery(sql).executeBatch(rows).await().atMost(STATEMENT_TIMEOUT);
            }
        }
    }

    /** The raw connection, for the schema audit's prepare-only checks. */
    public <T> T withConnection(Function<SqlConnection, T> work) {
        refuseEventLoop();
        SqlConnection connection = pool().getConnection().await().atMost(STATEMENT_TIMEOUT);
        try {
            return work.apply(connection);
        } finally {
            connection.close().await().atMost(STATEMENT_TIMEOUT);
        }
    }

    private static RowSet<Row> run(SqlClient client, String sql, Tuple args) {
        refuseEventLoop();
        return client.preparedQuery(sql).execute(args).await().atMost(STATEMENT_TIMEOUT);
    }

    private static void refuseEventLoop() {
        if (Context.isOnEventLoopThread()) {
            throw new IllegalStateException("database calls block; they must not run on an event loop thread");
        }
    }
}
