package dev.intake.interview;

import dev.intake.interview.EvidenceDraft;
import java.util.List;

/** What the evidence step writes: the evidence units and the people of the conversation. */
public record EvidenceFindings(List<EvidenceDraft> evidence, List<PersonDraft> people) {
    public EvidenceFindings {
        evidence = List.copyOf(evidence);
        people = List.copyOf(people);
    }
}
