package dev.intake.store;

/**
 * What became of a conditional UPDATE on one interview (a transition): this caller changed the row,
 * or it could not, and why. The UPDATE says only "no row"; the why is read after it, on the losing path
 * alone, so the winning path stays one statement.
 */
public enum Race {
    /** This caller changed the row. */
    WON,
    /**
     * The row's status allows the change, but another writer holds what it asked for: another run is the
     * interview's, another invocation holds the step's lease, or the run is at another step.
     */
    LOST,
    /**
     * The row's status does not allow the change (see workflow/StatusTransitions): it never could, or the
     * row has moved on since (a duplicate arriving after what it repeats finds it so).
     */
    ILLEGAL,
    /** There is no such interview. */
    NOT_FOUND;

    public boolean won() {
        return this == WON;
    }
}
