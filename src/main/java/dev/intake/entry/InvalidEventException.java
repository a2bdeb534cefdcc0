package dev.intake.entry;

/** The event is not of the shape the function accepts; nothing was written. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message) {
        super(message);
    }
}
