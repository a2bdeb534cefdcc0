package dev.intake.store;

/**
 * The database could not serve a statement: no connection came, no answer came, or PostgreSQL ended
 * the statement or transaction at its limit. Passing: another attempt may succeed. The message names
 * the database and the limit, so a log line or a recorded error says what failed.
 */
public class DatabaseUnavailable extends RuntimeException {

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
