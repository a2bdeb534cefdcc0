package dev.intake;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The floors of docs/ARCHITECTURE.md, checked on the compiled classes: following an interview from its
 * entry point down to the store never climbs back up. A floor uses only the floors below it (and its
 * own packages); nothing below may reach up.
 */
class ArchitectureTest {

    /** Top to bottom, as the architecture page draws them. */
    static final Map<String, String[]> FLOORS = floors();

    private static Map<String, String[]> floors() {
        Map<String, String[]> floors = new LinkedHashMap<>();
        floors.put("commands", new String[] {"dev.intake.cli..", "dev.intake.eval..", "dev.intake.embedded.."});
        floors.put("entry points", new String[] {"dev.intake.functions.."});
        floors.put("sweeper", new String[] {"dev.intake.sweeper.."});
        floors.put("entry flows", new String[] {"dev.intake.entry..", "dev.intake.console.."});
        floors.put("engine", new String[] {"dev.intake.engine.."});
        floors.put("steps", new String[] {"dev.intake.steps.."});
        floors.put("media", new String[] {"dev.intake.media.."});
        floors.put("providers and callers", new String[] {"dev.intake.providers..", "dev.intake.access.."});
        floors.put("http", new String[] {"dev.intake.http.."});
        floors.put("store", new String[] {"dev.intake.store.."});
        floors.put("secrets", new String[] {"dev.intake.secrets.."});
        floors.put("the interview", new String[] {"dev.intake.interview..", "dev.intake.workflow.."});
        return floors;
    }

    static LayeredArchitecture layering() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        FLOORS.forEach((floor, packages) -> architecture.layer(floor).definedBy(packages));
        List<String> above = new ArrayList<>();
        for (String floor : FLOORS.keySet()) {
            if (!above.isEmpty()) {
                architecture.whereLayer(floor).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            } else {
                architecture.whereLayer(floor).mayNotBeAccessedByAnyLayer();
            }
            above.add(floor);
        }
        return architecture;
    }

    @Test
    void every_dependency_points_down_a_floor_or_stays_on_its_own() {
        JavaClasses intake = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.intake");
        layering().check(intake);
    }

    @Test
    void the_workflow_does_no_io() {
        JavaClasses intake = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.intake");
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAnyPackage("dev.intake.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.io..", "java.nio.file..",
                        "java.sql..", "io.vertx..", "software.amazon..", "dev.intake.store..")
                .because("workflow/ is the rules alone: no I/O")
                .check(intake);
    }
}
