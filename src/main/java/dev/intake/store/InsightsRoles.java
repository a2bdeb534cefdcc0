package dev.intake.store;

import dev.intake.interview.PersonRole;

/**
 * Intake's roles in Insights' words: {@code interview_people.role} (participant, interviewer, and
 * mentioned for people only talked about) and {@code people.person_type} ('internal' for the team's
 * interviewer; Insights leaves it NULL for everyone else).
 */
final class InsightsRoles {

    private InsightsRoles() {
    }

    static String interviewRole(PersonRole role) {
        return switch (role) {
            case INTERVIEWEE -> "participant";
            case INTERVIEWER -> "interviewer";
            case MENTIONED -> "mentioned";
        };
    }

    static String personType(PersonRole role) {
        return switch (role) {
            case INTERVIEWER -> "internal";
            case INTERVIEWEE, MENTIONED -> null;
        };
    }

    /** Any role Insights or a person wrote reads as the nearest of Intake's. */
    static PersonRole personRole(String interviewRole) {
        if (interviewRole == null) {
            return PersonRole.MENTIONED;
        }
        return switch (interviewRole) {
            case "participant", "interviewee", "respondent" -> PersonRole.INTERVIEWEE;
            case "interviewer", "moderator" -> PersonRole.INTERVIEWER;
            default -> PersonRole.MENTIONED;
        };
    }
}
