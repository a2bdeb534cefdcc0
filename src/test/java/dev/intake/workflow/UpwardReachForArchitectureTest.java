package dev.intake.workflow;

import dev.intake.store.Db;

/** A workflow/ class that reaches up to store/, for ArchitectureTest to refuse. Test-only. */
public final class UpwardReachForArchitectureTest {

    final Db reachedUp;

    UpwardReachForArchitectureTest(Db reachedUp) {
        this.reachedUp = reachedUp;
    }
}
