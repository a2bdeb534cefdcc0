package dev.intake.access;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** What the UI polls: where an interview is and, when it failed, where and why. */
@RegisterForReflection
public record StatusView(String interviewId, String title, String status, String currentStep, int progress,
                         String statusDetail, List<String> completedSteps, Map<String, Object> lastError,
                         String createdAt, String updatedAt, String completedAt, String failedAt) {
}
