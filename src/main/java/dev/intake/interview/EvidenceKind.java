package dev.intake.interview;

/** What a piece of evidence tells about the interviewee. */
public enum EvidenceKind {
    PAIN, GOAL, WILLINGNESS_TO_PAY, WORKAROUND, CONTEXT;

    public String key() {
        return name().toLowerCase();
    }

    public static EvidenceKind fromKey(String key) {
        return valueOf(key.toUpperCase());
    }
}
