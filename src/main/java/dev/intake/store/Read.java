package dev.intake.store;

import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/** One query and how its rows are read: what {@link Reads} sends together with others. */
public record Read<T>(Db.Statement statement, Function<RowSet<Row>, T> rows) {
}
