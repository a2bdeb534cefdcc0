package dev.intake.workflow;

/** Whether trying again can help. */
public enum ErrorKind {
    /** A passing fault (timeout, 429, 5xx): another attempt may succeed. */
    TRANSIENT,
    /** Bad input or an unsupported case: another attempt would fail the same way. */
    PERMANENT;

    public String dbValue() {
        return name().toLowerCase();
    }
}
