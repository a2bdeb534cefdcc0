package dev.intake.entry;

/** The event is not of the shape the function accepts; nothing was written. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        // Answered and logged as it is: whatever of the event it quotes is escaped here, once.
        super(dev.intake.workflow.Printable.of(message));
    }
}
