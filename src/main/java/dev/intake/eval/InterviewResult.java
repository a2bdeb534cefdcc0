package dev.intake.eval;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * What one interview produced, machine-readable: what {@code intake process --json} prints and what
 * {@code intake eval} scores.
 */
@RegisterForReflection
public record InterviewResult(String interviewId, String title, String status, String currentStep, int progress,
                              String lastError, List<Quote> evidence, List<Participant> people, List<Theme> themes,
                              List<Persona> personas, List<Answer> answers, List<Takeaway> takeaways) {

    public InterviewResult {
        takeaways = takeaways == null ? List.of() : List.copyOf(takeaways);
    }

    @RegisterForReflection
    public record Quote(String kind, String speaker, Double startSec, String verbatim) {
    }

    @RegisterForReflection
    public record Participant(String name, String role, String description) {
    }

    @RegisterForReflection
    public record Theme(String name, String summary, int evidence) {
    }

    @RegisterForReflection
    public record Persona(String name, String description, List<String> goals, List<String> pains) {
    }

    /** A key takeaway of the conversation overview, with the quotes of the evidence it cites. */
    @RegisterForReflection
    public record Takeaway(String summary, List<String> evidence) {
    }

    @RegisterForReflection
    public record Answer(String question, boolean answered, String answer) {
    }
}
