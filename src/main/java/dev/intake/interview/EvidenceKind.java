package dev.intake.interview;

import java.util.Collection;

/**
 * What a piece of evidence tells about the interviewee. Insights keeps it as the evidence's facet
 * ({@code evidence_facet.kind_slug}), in the kinds of its catalog: a workaround is a behavior, and
 * willingness to pay the budget kind Insights seeds for sales qualification.
 */
public enum EvidenceKind {
    PAIN("pain"), GOAL("goal"), WILLINGNESS_TO_PAY("budget_range"), WORKAROUND("behavior"), CONTEXT("context");

    private final String facetKind;

    EvidenceKind(String facetKind) {
        this.facetKind = facetKind;
    }

    public String key() {
        return name().toLowerCase();
    }

    /** The {@code facet_kind_global.slug} Insights files this kind under. */
    public String facetKind() {
        return facetKind;
    }

    public static EvidenceKind fromKey(String key) {
        return valueOf(key.toUpperCase());
    }

    /**
     * The kind a piece of evidence with these facet kinds tells, the first in this enum's order; context
     * when none is one of Intake's (a facet Insights or a person added with another kind).
     */
    public static EvidenceKind fromFacetKinds(Collection<String> facetKinds) {
        for (EvidenceKind kind : values()) {
            if (facetKinds.contains(kind.facetKind)) {
                return kind;
            }
        }
        return CONTEXT;
    }
}
