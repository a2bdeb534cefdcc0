package dev.intake.eval;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A researcher's labels for one interview of the evaluation set ({@code bench/eval/*.labels.json}):
 * the evidence they would mark (a distinctive phrase of the quote and its kind), the people with their
 * roles, the project's questions with the words a right answer contains, and the overview's takeaways.
 */
@RegisterForReflection
@JsonIgnoreProperties(ignoreUnknown = true)
public record Labels(String transcript, String domain, List<QuestionLabel> questions, List<PersonLabel> people,
                     List<EvidenceLabel> evidence, OverviewLabel overview) {

    public Labels {
        if (transcript == null || transcript.isBlank()) {
            throw new IllegalArgumentException("labels name their transcript");
        }
        questions = questions == null ? List.of() : List.copyOf(questions);
        people = people == null ? List.of() : List.copyOf(people);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        overview = overview == null ? new OverviewLabel(List.of()) : overview;
    }

    /** Labels without an overview's takeaways, as older sets and small tests write them. */
    public Labels(String transcript, String domain, List<QuestionLabel> questions, List<PersonLabel> people,
                  List<EvidenceLabel> evidence) {
        this(transcript, domain, questions, people, evidence, null);
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuestionLabel(String question, @JsonProperty("answer_contains") List<String> answerContains,
                                boolean unanswered) {
        public QuestionLabel {
            answerContains = answerContains == null ? List.of() : List.copyOf(answerContains);
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonLabel(String name, String role, List<String> also) {
        public PersonLabel {
            also = also == null ? List.of() : List.copyOf(also);
        }

        List<String> names() {
            return java.util.stream.Stream.concat(java.util.stream.Stream.of(name), also.stream()).toList();
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record EvidenceLabel(String phrase, String kind) {
    }

    /** What a researcher would put at the top of their notes: a few takeaways, each with the evidence phrases behind it. */
    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OverviewLabel(List<TakeawayLabel> takeaways) {
        public OverviewLabel {
            takeaways = takeaways == null ? List.of() : List.copyOf(takeaways);
        }
    }

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TakeawayLabel(String takeaway, List<String> evidence) {
        public TakeawayLabel {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }
}
