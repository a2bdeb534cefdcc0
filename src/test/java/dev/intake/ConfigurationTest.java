package dev.intake;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.intake.testing.ConfigMappings;
import io.smallrye.config.ConfigValidationException;

/**
 * Intake's settings are each floor's own: every package that reads settings maps its own prefix
 * ({@code intake.engine}, {@code intake.sweeper}, ...; the few keys of the root prefix, {@code intake.bucket},
 * {@code intake.lease}, ..., are mapped by the floor that reads them), and together the floors still know
 * every key users, application.properties and the deployment set, and nothing else.
 */
class ConfigurationTest {

    private static final Path DEPLOYMENT = Path.of("infra/src/main/java/dev/intake/infra/IntakeStack.java");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("\"(INTAKE_[A-Z0-9_]+)\"");

    @Test
    void every_intake_key_application_properties_sets_is_mapped_in_production_and_in_tests() {
        for (String profile : List.of("prod", "test")) {
            assertDoesNotThrow(() -> ConfigMappings.of(profile, Map.of()), "profile " + profile);
        }
    }

    @Test
    void a_key_no_floor_maps_refuses_to_start_the_old_retry_scale_among_them() {
        for (String key : List.of("intake.retry-delay-scale", "intake.engine.kindd", "intake.sweeper.stalled-afer")) {
            ConfigValidationException refused = assertThrows(ConfigValidationException.class,
                    () -> ConfigMappings.of("prod", Map.of(key, "1")), key);
            assertTrue(refused.getMessage().contains(key), refused.getMessage());
        }
    }

    @Test
    void each_mapping_lives_on_a_floor_and_no_key_is_mapped_twice() {
        List<Class<?>> mappings = ConfigMappings.all();
        assertTrue(mappings.size() > 1, "mappings found: " + mappings);
        Map<String, String> mappedBy = new HashMap<>();
        Set<String> twice = new TreeSet<>();
        for (Class<?> mapping : mappings) {
            assertFalse(mapping.getPackageName().equals("dev.intake"), mapping + " is in the root package, on no floor");
            String prefix = ConfigMappings.prefixOf(mapping);
            assertTrue(prefix.matches("intake(\\.[a-z0-9-]+)?"), mapping + " maps " + prefix);
            for (String key : ConfigMappings.propertiesOf(mapping).keySet()) {
                String other = mappedBy.putIfAbsent(key, mapping.getName());
                if (other != null) {
                    twice.add(key + " (" + other + ", " + mapping.getName() + ")");
                }
            }
        }
        assertEquals(Set.of(), twice, "keys two mappings declare: their defaults could drift apart");
    }

    @Test
    void every_setting_the_deployment_passes_a_function_is_one_a_floor_maps() throws IOException {
        Set<String> mapped = new HashSet<>();
        ConfigMappings.all().forEach(mapping -> ConfigMappings.propertiesOf(mapping).keySet()
                .forEach(key -> mapped.add(key.replaceAll("[^a-zA-Z0-9]", "_").toUpperCase(Locale.ROOT))));
        Set<String> passed = new TreeSet<>();
        Matcher names = ENVIRONMENT_NAME.matcher(Files.readString(DEPLOYMENT));
        while (names.find()) {
            passed.add(names.group(1));
        }

        assertFalse(passed.isEmpty(), "no INTAKE_* variable found in " + DEPLOYMENT);
        passed.removeAll(mapped);
        assertEquals(Set.of(), passed, "variables the deployment sets that no floor reads");
    }
}
