package dev.intake.store;

/** An in-flight interview the sweeper found without a sign of life, and for how long. */
public record StalledInterview(Interview interview, long stalledSeconds) {

    public int resumeCount() {
        return interview.resumeCount();
    }
}
