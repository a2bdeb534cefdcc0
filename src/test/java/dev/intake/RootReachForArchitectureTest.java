package dev.intake;

import dev.intake.workflow.Step;

/** A root-package class that reaches a floor above its own, for ArchitectureTest to refuse. Test-only. */
final class RootReachForArchitectureTest {

    final Step reachedUp;

    RootReachForArchitectureTest(Step reachedUp) {
        this.reachedUp = reachedUp;
    }
}
