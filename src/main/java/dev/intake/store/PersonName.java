package dev.intake.store;

/**
 * A person's name as a speaker label or an analyzer gives it, with its spacing made one: how the
 * store matches a quote's speaker to the person linked for that label. How a name splits into
 * Insights' {@code firstname} and {@code lastname} is {@link dev.intake.interview.PeopleResolution#personName}.
 */
final class PersonName {

    private PersonName() {
    }

    static String normalize(String name) {
        return name.strip().replaceAll("\\s+", " ");
    }
}
