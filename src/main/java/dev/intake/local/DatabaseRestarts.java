package dev.intake.local;

import dev.intake.embedded.LocalPostgres;
import dev.intake.embedded.PostgresSupervisor;

/**
 * What {@code serve} says and does when its embedded PostgreSQL dies: one line when it is running
 * again, and when it cannot be, one line saying why and what to do, then the process ends with a
 * non-zero status (a server with no database would only answer 503 for as long as it is left).
 */
public final class DatabaseRestarts implements PostgresSupervisor.Listener {

    /** The status {@code serve} ends with when its database cannot be started again. */
    static final int NO_DATABASE = 3;

    private final LocalPostgres postgres;

    public DatabaseRestarts(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    @Override
    public void restarted(int attempt) {
        System.err.println("intake serve: the embedded PostgreSQL stopped; it is running again (attempt " + attempt
                + "), and interviews in flight resume");
    }

    @Override
    public void gaveUp(String reason) {
        System.err.println("intake serve: the embedded PostgreSQL stopped and could not be started again (" + oneLine(reason)
                + "); see " + postgres.restartLog() + ", put right what it names in "
                + postgres.dataDirectory().map(Object::toString).orElse("its data folder") + ", then run `./intake serve` again");
        System.err.flush();
        System.exit(NO_DATABASE);
    }

    private static String oneLine(String text) {
        return text == null ? "no reason given" : text.replaceAll("\\s+", " ").strip();
    }
}
