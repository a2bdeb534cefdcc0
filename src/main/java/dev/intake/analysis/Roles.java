package dev.intake.analysis;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words English uses for someone by their job or their place in an organisation ("our controller",
 * "the owner", "my boss"), and for the groups that decide together ("the board", "the partners"):
 * what tells that a name is a person's, and what answers "who".
 * The words are in {@code analysis/roles.rules}.
 */
final class Roles {

    private static final RuleFile RULES = RuleFile.load("/analysis/roles.rules", Set.of("role-noun", "named"));

    /**
     * The alternatives of a job or relation, singular or plural ({@code [role-noun]}), lent to other rule
     * files as {@code %role-noun%}.
     */
    static final String NOUN = RULES.one("role-noun").alternatives();

    /** A role or group named in a sentence. */
    static final Pattern NAMED = RULES.pattern("named");

    private Roles() {
    }
}
