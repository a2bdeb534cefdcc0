package dev.intake.stray;

/** A class in a package docs/ARCHITECTURE.md puts on no floor, for ArchitectureTest to find. Test-only. */
public final class StrayForArchitectureTest {

    private StrayForArchitectureTest() {
    }
}
