package dev.intake.workflow;

import java.util.Optional;
import java.util.Set;

/**
 * What a step's failure says to the interview's user, and what it says to operators. A failure the
 * step classified ({@link StepFailure}) is written for its user already. A database's failure is
 * not: its driver text names tables, constraints and SQL, so the user reads a sentence and the text
 * goes to the operators' detail. URLs in either lose their query string and credentials.
 */
public final class UserFacingError {

    /** An operator's detail longer than this is cut: it is a clue to the log line, not a copy of it. */
    static final int MAX_DETAIL = 2000;

    /** The failures of the database and its driver, by class (workflow/ sees no driver). */
    private static final Set<String> DATABASE_CLASSES = Set.of("dev.intake.store.DatabaseUnavailable",
            "java.sql.SQLException");
    private static final Set<String> DATABASE_PACKAGES = Set.of("io.vertx.pgclient", "io.vertx.sqlclient",
            "org.postgresql", "java.sql");

    private UserFacingError() {
    }

    /** The user's sentence and, when it hides something, the operators' detail. */
    public record Said(String message, Optional<String> detail) {
    }

    public static Said of(Step step, Throwable failure) {
        String raw = RedactedUrl.in(StepError.describe(failure));
        if (failure instanceof StepFailure) {
            return new Said(raw, Optional.empty());
        }
        if (fromTheDatabase(failure)) {
            return new Said("the database failed while " + activity(step) + "; Intake could not save this step's"
                    + " work (operators can see why)", Optional.of(detail(failure)));
        }
        if (failure.getMessage() == null || failure.getMessage().isBlank()) {
            return new Said("an internal error stopped " + activity(step) + "; operators can see which",
                    Optional.of(detail(failure)));
        }
        return new Said(raw, Optional.empty());
    }

    static boolean fromTheDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            int dot = name.lastIndexOf('.');
            String pkg = dot < 0 ? "" : name.substring(0, dot);
            if (DATABASE_CLASSES.contains(name) || DATABASE_PACKAGES.contains(pkg)) {
                return true;
            }
        }
        return false;
    }

    /** "finding evidence and the people in the conversation": the step's own description, as a clause. */
    private static String activity(Step step) {
        String detail = step.detail();
        return Character.toLowerCase(detail.charAt(0)) + detail.substring(1);
    }

    /** Each failure in the chain, type and message, control characters escaped and URLs redacted. */
    private static String detail(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable t = failure; t != null && out.length() < MAX_DETAIL; t = t.getCause() == t ? null : t.getCause()) {
            if (!out.isEmpty()) {
                out.append(" <- ");
            }
            out.append(t.getClass().getName());
            if (t.getMessage() != null) {
                out.append(": ").append(t.getMessage());
            }
        }
        String text = Printable.of(RedactedUrl.in(out.toString()));
        return text.length() > MAX_DETAIL ? text.substring(0, MAX_DETAIL) + "..." : text;
    }
}
