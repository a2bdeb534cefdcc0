package dev.intake.workflow;

/**
 * The bound on every loop of a run: each time a run goes round to a step again (the next step, a
 * retry, another check of a provider's job, a step it found held), it spends a cycle; past
 * {@link #LIMIT} the run is failed with its last error. Both engines keep the count: the local engine
 * in the run, the state machine in its execution's state ({@code $.cycles}).
 *
 * <p>A thousand: far more than a run that ends needs (seven steps, their retries, and a provider checked
 * every 15 s for the three hours a transcript may take is 720), and few enough that a loop that never
 * ends stays well within Step Functions' 25,000 history events per execution.
 */
public final class RunCycles {

    public static final int LIMIT = 1000;

    private RunCycles() {
    }

    /**
     * Whether a run that has gone round {@code cycles} times may call its step again: a run makes its
     * first call and at most {@code LIMIT - 1} more.
     */
    public static boolean mayContinue(int cycles) {
        return cycles < LIMIT;
    }

    /** The interview's error when its run ran out of cycles, with the last error the run met. */
    public static StepError exhausted(String step, int cycles, String lastError) {
        return new StepError(step, "the run went round " + cycles + " times (steps, retries and waits) without ending"
                + (lastError == null || lastError.isBlank() ? "" : "; last error: " + lastError),
                ErrorKind.PERMANENT, 1);
    }
}
