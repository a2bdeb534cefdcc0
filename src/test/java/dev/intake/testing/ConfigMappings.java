package dev.intake.testing;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.WithDefault;

/**
 * Intake's configuration as the application sees it, outside Quarkus: every floor's {@code @ConfigMapping},
 * found in the compiled main classes (so a mapping added to a floor is covered without being listed), over
 * application.properties.
 */
public final class ConfigMappings {

    private static final String ROOT = "dev.intake";

    private ConfigMappings() {
    }

    /** Every {@code @ConfigMapping} interface of the main code, by name. */
    public static List<Class<?>> all() {
        return Found.MAPPINGS;
    }

    /** The main code's classes are read once per test run: they do not change while it runs. */
    private static final class Found {
        static final List<Class<?>> MAPPINGS = scan();

        private static List<Class<?>> scan() {
            ClassLoader loader = ConfigMappings.class.getClassLoader();
            try {
                // The main code's own directory (target/classes), not the tests' that share its packages.
                Path intake = Path.of(loader.getResource("dev/intake/SystemClock.class").toURI()).getParent();
                return scan(loader, intake, intake.getParent().getParent());
            } catch (IOException | URISyntaxException | ClassNotFoundException e) {
                throw new IllegalStateException("cannot list the main classes", e);
            }
        }

        private static List<Class<?>> scan(ClassLoader loader, Path intake, Path classes) throws IOException, ClassNotFoundException {
            try (Stream<Path> files = Files.walk(intake)) {
                List<Class<?>> found = new ArrayList<>();
                for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                    String name = classes.relativize(file).toString().replace(File.separatorChar, '.').replaceAll("\\.class$", "");
                    Class<?> type = Class.forName(name, false, loader);
                    if (type.isAnnotationPresent(ConfigMapping.class)) {
                        found.add(type);
                    }
                }
                found.sort(Comparator.comparing(Class::getName));
                return List.copyOf(found);
            }
        }
    }

    /**
     * application.properties and the defaults in {@code profile}, with {@code overrides} on top and no
     * environment, every mapping registered: an {@code intake.*} key no mapping declares fails the build,
     * as it fails the application's start.
     */
    public static SmallRyeConfig of(String profile, Map<String, String> overrides) throws IOException {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(ConfigMappings.class.getResource("/application.properties"), 250))
                .withSources(new PropertiesConfigSource(overrides, "overrides", 400));
        all().forEach(builder::withMapping);
        return builder.build();
    }

    /** The prefix {@code mapping} reads. */
    public static String prefixOf(Class<?> mapping) {
        return mapping.getAnnotation(ConfigMapping.class).prefix();
    }

    /** Every property {@code mapping} declares, with its default when it has one, groups followed. */
    public static Map<String, Optional<String>> propertiesOf(Class<?> mapping) {
        Map<String, Optional<String>> properties = new TreeMap<>();
        collect(prefixOf(mapping), mapping, properties);
        return properties;
    }

    private static void collect(String prefix, Class<?> group, Map<String, Optional<String>> into) {
        for (Method method : group.getMethods()) {
            if (method.isDefault() || Modifier.isStatic(method.getModifiers()) || method.getParameterCount() > 0) {
                continue;
            }
            String name = prefix + "." + kebab(method.getName());
            Class<?> type = method.getReturnType();
            if (type.isInterface() && type.getName().startsWith(ROOT + ".")) {
                collect(name, type, into);
            } else {
                into.put(name, Optional.ofNullable(method.getAnnotation(WithDefault.class)).map(WithDefault::value));
            }
        }
    }

    /** SmallRye's default naming: {@code stepFunctionsEndpoint} is {@code step-functions-endpoint}. */
    private static String kebab(String method) {
        return method.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
