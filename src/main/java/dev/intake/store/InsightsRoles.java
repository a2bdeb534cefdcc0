package dev.intake.store;

import dev.intake.interview.PersonRole;

/**
 * Intake's roles in Insights' words, as its v2 pipeline writes them: {@code interview_people.role} is
 * {@code participant} or {@code interviewer} (the same word goes on the speaker's
 * {@code evidence_people.role}); {@code people.person_type} is {@code internal} for the team's
 * interviewer and NULL for everyone else. A person only mentioned has no role in an interview.
 */
final class InsightsRoles {

    private InsightsRoles() {
    }

    static String interviewRole(PersonRole role) {
        return switch (role) {
            case INTERVIEWEE -> "participant";
            case INTERVIEWER -> "interviewer";
            case MENTIONED -> throw new IllegalArgumentException("a person only mentioned takes no part in the interview");
        };
    }

    static String personType(PersonRole role) {
        return switch (role) {
            case INTERVIEWER -> "internal";
            case INTERVIEWEE, MENTIONED -> null;
        };
    }

    /**
     * Any role Insights or a person wrote reads as the nearest of Intake's; none (as Insights' pipeline
     * writes when it knows no interviewer) is a participant.
     */
    static PersonRole personRole(String interviewRole) {
        if (interviewRole == null) {
            return PersonRole.INTERVIEWEE;
        }
        return switch (interviewRole) {
            case "participant", "interviewee", "respondent", "speaker" -> PersonRole.INTERVIEWEE;
            case "interviewer", "moderator" -> PersonRole.INTERVIEWER;
            default -> PersonRole.MENTIONED;
        };
    }
}
