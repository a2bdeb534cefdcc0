package dev.intake.secrets;

import java.util.Optional;

/**
 * One secret value as the code that uses it sees it: what it is now, and a way to say it was refused.
 * Ask for {@link #current()} at each use, never keep it: a rotated value is then used as soon as it is
 * read.
 */
public interface Secret {

    /**
     * The value now; empty when none is configured.
     *
     * @throws SecretUnavailable when the secret holding it cannot be read (passing: a retry may succeed)
     */
    Optional<String> current();

    /**
     * {@code value}, this secret's value a moment ago, was refused (a signature did not match, a provider
     * answered 401): true when trying once more is worthwhile, because the secret has been read again
     * since or will be at the next {@link #current()}. Reads caused by refusals are rate-limited, so a
     * flood of forged requests cannot become a flood of reads.
     */
    boolean refused(String value);

    /** A value that never changes: a plain setting, or a test's. */
    static Secret fixed(Optional<String> value) {
        return new Fixed(value);
    }

    record Fixed(Optional<String> value) implements Secret {
        @Override
        public Optional<String> current() {
            return value;
        }

        @Override
        public boolean refused(String refused) {
            return false;
        }

        @Override
        public String toString() {
            // Never the value: a record's own toString would print it into any log line that names this.
            return "Secret.Fixed[" + (value.isPresent() ? "set" : "unset") + "]";
        }
    }
}
