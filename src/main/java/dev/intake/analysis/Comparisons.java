package dev.intake.analysis;

/**
 * How many times two texts were compared: what a long interview's analysis costs, counted instead of
 * timed, so a test can tell a method that compares each text with a bounded few from one that compares
 * every pair.
 */
final class Comparisons {

    private long count;

    void add(long comparisons) {
        count += comparisons;
    }

    long count() {
        return count;
    }
}
