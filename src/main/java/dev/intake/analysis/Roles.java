package dev.intake.analysis;

import java.util.regex.Pattern;

/**
 * The words English uses for someone by their job or their place in an organisation ("our controller",
 * "the owner", "my boss"), and for the groups that decide together ("the board", "the partners"):
 * what tells that a name is a person's, and what answers "who".
 */
final class Roles {

    /**
     * A job or relation, singular or plural: the roles every organisation has, and any agent noun
     * ("dispatcher", "hygienist", "superintendent", "accountant") by its ending, so a line of business
     * needs no list of its own jobs. Case as written (acronyms in capitals).
     */
    static final String NOUN = "(?:(?:manager|boss|supervisor|owner|founder|co-?founder|partner|president|chief"
            + "|CEO|CFO|CTO|COO|CIO|CMO|VP|vice president|head of [\\p{L}]+|lead|GM|assistant|admin|coordinator|principal"
            + "|chair|attorney|lawyer|doctor|nurse|rep|representative|colleague|co-?worker|teammate|secretary|treasurer|dean"
            + "|counsel|buyer|tech|clerk|aide)s?"
            + "|(?!(?:other|order|number|paper|center|letter|water|corner|summer|winter|after|under|never|ever|either"
            + "|whether|rather|later|better|matter|computer|printer|folder|calendar|client|event|parent|student)s?\\b)"
            + "\\p{Ll}{2,}(?:er|or|ist|ian|ant|ent)s?)";

    /** People who decide or act together. */
    static final String GROUP = "(?:board|committee|council|partners|leadership|management|department|office|staff|team"
            + "|headquarters|corporate|finance|procurement|purchasing|legal|(?-i:HR|IT))";

    /** A role or group named in a sentence. */
    static final Pattern NAMED = Pattern.compile("(?i)\\b(?:" + NOUN + "|" + GROUP + ")\\b");

    private Roles() {
    }
}
