package dev.intake.store;

/** The step's lease was taken over; its output is discarded and the newer run's state kept. */
public final class LeaseLostException extends RuntimeException {
    public LeaseLostException(Lease lease) {
        super("lease " + lease.owner() + " on interview " + lease.interviewId()
                + " is no longer held; output discarded");
    }
}
