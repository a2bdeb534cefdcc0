package dev.intake.workflow;

import java.time.Duration;

/** How long something took or has waited, as a person reads it in a message: "8 h", "12 min", "40 s". */
public final class Durations {

    private Durations() {
    }

    public static String readable(Duration d) {
        long minutes = d.toMinutes();
        if (minutes >= 120) {
            return (minutes / 60) + " h";
        }
        if (minutes >= 1) {
            return minutes + " min";
        }
        return d.toSeconds() + " s";
    }

    public static String readableSeconds(long seconds) {
        return readable(Duration.ofSeconds(seconds));
    }
}
