package dev.intake;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import dev.intake.stray.StrayForArchitectureTest;
import dev.intake.workflow.UpwardReachForArchitectureTest;

/**
 * The floors of docs/ARCHITECTURE.md, checked on the compiled classes: following an interview from its
 * entry point down to the store never climbs back up. The page's diagram is the one declaration of the
 * floors, read here; every class of every package, the root package's included, is on one of them,
 * and a floor uses only the floors below it (and its own packages).
 */
class ArchitectureTest {

    private static final Path PAGE = Path.of("docs/ARCHITECTURE.md");
    private static final String ROOT = "dev.intake";
    /** A floor line of the diagram: its name, then the packages it holds ({@code cli/}, {@code ./} for the root). */
    private static final Pattern FLOOR_LINE = Pattern.compile("^ ([a-z][a-z ]*?)\\s{2,}((?:(?:[a-z]+|\\.)/\\s+)+)");

    /** One floor: its name on the page and the packages on it. */
    record Floor(String name, List<String> packages) {

        /** The ArchUnit package identifiers: a package and its subpackages; the root package alone. */
        String[] identifiers() {
            return packages.stream().map(p -> p.equals(ROOT) ? ROOT : p + "..").toArray(String[]::new);
        }

        boolean holds(JavaClass type) {
            return packages.stream().anyMatch(p -> p.equals(ROOT) ? type.getPackageName().equals(ROOT)
                    : type.getPackageName().equals(p) || type.getPackageName().startsWith(p + "."));
        }
    }

    /** The floors of the page's diagram, top to bottom. */
    static List<Floor> floors(String page) {
        int start = page.indexOf("## The floors");
        int open = page.indexOf("```", start);
        int close = page.indexOf("```", open + 3);
        if (start < 0 || open < 0 || close < 0) {
            throw new IllegalArgumentException("no diagram under \"## The floors\"");
        }
        List<Floor> floors = new ArrayList<>();
        for (String line : page.substring(open + 3, close).lines().toList()) {
            Matcher floor = FLOOR_LINE.matcher(line);
            if (floor.find()) {
                List<String> packages = new ArrayList<>();
                for (String token : floor.group(2).trim().split("\\s+")) {
                    String name = token.substring(0, token.length() - 1);
                    packages.add(name.equals(".") ? ROOT : ROOT + "." + name);
                }
                floors.add(new Floor(floor.group(1), List.copyOf(packages)));
            }
        }
        return floors;
    }

    static List<Floor> declaredFloors() throws IOException {
        return floors(Files.readString(PAGE));
    }

    static LayeredArchitecture layering(List<Floor> floors) {
        // A floor with no class is reported by every_package_the_page_names_has_classes, by name; the fixtures
        // below check a few classes against all floors.
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers().withOptionalLayers(true);
        floors.forEach(floor -> architecture.layer(floor.name()).definedBy(floor.identifiers()));
        List<String> above = new ArrayList<>();
        for (Floor floor : floors) {
            if (above.isEmpty()) {
                architecture.whereLayer(floor.name()).mayNotBeAccessedByAnyLayer();
            } else {
                architecture.whereLayer(floor.name()).mayOnlyBeAccessedByLayers(above.toArray(String[]::new));
            }
            above.add(floor.name());
        }
        return architecture;
    }

    /** The classes on no floor, by name. */
    static Set<String> offEveryFloor(JavaClasses classes, List<Floor> floors) {
        Set<String> off = new TreeSet<>();
        for (JavaClass type : classes) {
            if (floors.stream().noneMatch(floor -> floor.holds(type))) {
                off.add(type.getName());
            }
        }
        return off;
    }

    private static JavaClasses intake() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
    }

    @Test
    void the_page_declares_each_package_on_one_floor_and_each_floor_once() throws IOException {
        List<Floor> floors = declaredFloors();

        assertTrue(floors.size() >= 2, "floors read from " + PAGE + ": " + floors);
        Set<String> names = new HashSet<>();
        Set<String> packages = new HashSet<>();
        for (Floor floor : floors) {
            assertTrue(names.add(floor.name()), "the floor " + floor.name() + " is drawn twice");
            floor.packages().forEach(p -> assertTrue(packages.add(p), p + " is on two floors"));
        }
        assertTrue(packages.contains(ROOT), "the root package is on a floor: " + floors);
    }

    @Test
    void every_class_of_every_package_is_on_a_floor_the_root_package_included() throws IOException {
        assertEquals(Set.of(), offEveryFloor(intake(), declaredFloors()),
                "classes in packages docs/ARCHITECTURE.md puts on no floor");
    }

    @Test
    void every_package_the_page_names_has_classes() throws IOException {
        JavaClasses intake = intake();
        Set<String> empty = new TreeSet<>();
        for (Floor floor : declaredFloors()) {
            for (String name : floor.packages()) {
                Floor alone = new Floor(floor.name(), List.of(name));
                if (intake.stream().noneMatch(alone::holds)) {
                    empty.add(name);
                }
            }
        }
        assertEquals(Set.of(), empty, "docs/ARCHITECTURE.md names packages that do not exist");
    }

    @Test
    void every_dependency_points_down_a_floor_or_stays_on_its_own() throws IOException {
        layering(declaredFloors()).check(intake());
    }

    @Test
    void a_class_that_reaches_a_floor_above_its_own_fails_the_check() throws IOException {
        // Test-only fixtures: a class of workflow/ holding a store/ type.
        JavaClasses climbing = new ClassFileImporter().importClasses(UpwardReachForArchitectureTest.class,
                dev.intake.store.Db.class);

        AssertionError failure = assertThrows(AssertionError.class, () -> layering(declaredFloors()).check(climbing));
        assertTrue(failure.getMessage().contains(UpwardReachForArchitectureTest.class.getName()), failure.getMessage());
    }

    @Test
    void a_root_package_class_that_reaches_any_floor_fails_the_check() throws IOException {
        JavaClasses reaching = new ClassFileImporter().importClasses(RootReachForArchitectureTest.class,
                dev.intake.workflow.Step.class);

        AssertionError failure = assertThrows(AssertionError.class, () -> layering(declaredFloors()).check(reaching));
        assertTrue(failure.getMessage().contains(RootReachForArchitectureTest.class.getName()), failure.getMessage());
    }

    @Test
    void a_class_in_a_package_on_no_floor_is_named() throws IOException {
        JavaClasses stray = new ClassFileImporter().importClasses(StrayForArchitectureTest.class, SystemClock.class);

        assertEquals(Set.of(StrayForArchitectureTest.class.getName()), offEveryFloor(stray, declaredFloors()));
    }

    @Test
    void the_diagram_is_read_line_by_line_names_and_packages() {
        String page = """
                ## The floors

                ```
                 top floor       a/  b/             what it does, mentioning c/ in passing
                    │                               more words about x/
                 bottom          ./                 the root
                ```
                """;

        assertEquals(List.of(new Floor("top floor", List.of("dev.intake.a", "dev.intake.b")),
                new Floor("bottom", List.of(ROOT))), floors(page));
    }

    @Test
    void the_workflow_does_no_io() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAnyPackage("dev.intake.workflow..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.io..", "java.nio.file..",
                        "java.sql..", "io.vertx..", "software.amazon..", "dev.intake.store..")
                .because("workflow/ is the rules alone: no I/O")
                .check(intake());
    }

    @Test
    void the_analyzer_is_an_engine_of_its_own_without_io_or_a_model_runtime() {
        // Packaged data (the first-names list) is read from the class path; nothing else leaves the process.
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses().that().resideInAnyPackage("dev.intake.analysis..")
                .should().dependOnClassesThat().resideInAnyPackage("java.net..", "java.nio.file..", "java.sql..",
                        "io.vertx..", "software.amazon..", "jakarta.enterprise..", "ai.onnxruntime..", "ai.djl..",
                        "dev.langchain4j..", "dev.intake.store..", "dev.intake.providers..", "dev.intake.steps..",
                        "dev.intake.media..", "dev.intake.http..", "dev.intake.secrets..")
                .because("analysis/ turns a transcript into drafts by rules and the vectors it is handed; the model"
                        + " that computes them is a provider's")
                .check(intake());
    }
}
