package dev.intake.local;

import java.lang.management.ManagementFactory;

/**
 * With {@code INTAKE_TRACE_STARTUP=true}, one line on stderr per phase of a command's start and stop,
 * in milliseconds since the JVM started, so the parts of a run can be measured where they happen
 * (bench/README.md, "start-up"). Off by default; nothing is kept between marks.
 */
public final class StartupTrace {

    private static final String SWITCH = "INTAKE_TRACE_STARTUP";

    private StartupTrace() {
    }

    public static void mark(String phase) {
        if ("true".equalsIgnoreCase(System.getenv(SWITCH))) {
            long since = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("startup +%5d ms  %s (%s)%n", since, phase, Thread.currentThread().getName());
        }
    }
}
