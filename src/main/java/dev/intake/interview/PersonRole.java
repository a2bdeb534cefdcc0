package dev.intake.interview;

/** How a person takes part in an interview. */
public enum PersonRole {
    INTERVIEWER, INTERVIEWEE, MENTIONED;

    public String key() {
        return name().toLowerCase();
    }

    public static PersonRole fromKey(String key) {
        return valueOf(key.toUpperCase());
    }
}
