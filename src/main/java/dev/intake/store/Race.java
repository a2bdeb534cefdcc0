package dev.intake.store;

import org.jboss.logging.Logger;

/** The result of a conditional UPDATE: this caller changed the row, or another got there first. */
public enum Race {
    WON, LOST;

    private static final Logger LOG = Logger.getLogger(Race.class);

    public boolean won() {
        return this == WON;
    }

    /** Reads an UPDATE's row count for a statement that targets one row by primary key. */
    static Race of(int rowCount, String statement) {
        if (rowCount > 1) {
            // Impossible with a primary-key predicate; if it happens the statement is wrong, not the race.
            LOG.errorf("%s changed %d rows where one was targeted", statement, rowCount);
        }
        return rowCount > 0 ? WON : LOST;
    }
}
