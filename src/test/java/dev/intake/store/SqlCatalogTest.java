package dev.intake.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The audit is only as good as its catalog: every class that holds SQL must be in it, and only store/ may. */
class SqlCatalogTest {

    private static List<Class<?>> mainClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(SqlCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, SqlCatalog.class.getClassLoader()));
            }
        }
        return classes;
    }

    private static boolean holdsSql(Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            if (field.isAnnotationPresent(Sql.class)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void every_class_with_sql_statements_is_in_the_catalog() throws Exception {
        List<String> missing = mainClasses().stream()
                .filter(SqlCatalogTest::holdsSql)
                .filter(c -> !SqlCatalog.STORES.contains(c))
                .map(Class::getName)
                .toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void all_sql_lives_in_the_store_package() throws Exception {
        List<String> outside = mainClasses().stream()
                .filter(SqlCatalogTest::holdsSql)
                .filter(c -> !c.getPackageName().equals(SqlCatalog.class.getPackageName()))
                .map(Class::getName)
                .toList();
        assertEquals(List.of(), outside);
    }

    @Test
    void statement_names_say_where_the_statement_lives() {
        assertTrue(SqlCatalog.statements().stream().anyMatch(s -> s.name().equals("StepLeases.CLAIM")));
    }
}
