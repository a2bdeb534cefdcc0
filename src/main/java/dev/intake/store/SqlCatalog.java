package dev.intake.store;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/** Every statement the application issues, gathered from the {@link Sql} constants of the store classes. */
public final class SqlCatalog {

    /** The classes that hold SQL. A test fails when a class of this package with {@link Sql} fields is missing. */
    public static final List<Class<?>> STORES = List.of(
            InterviewStore.class, StepLeases.class, FailureRecord.class, Races.class, TranscriptStore.class, EvidenceStore.class, EvidenceFacets.class,
            InterviewPeople.class, InsightStore.class,
            WorkspaceStore.class, LeaseFence.class, SweepStore.class, DiagnosticsStore.class, ConsoleStore.class, Db.class,
            ConversationLensStore.class, InterviewDetailsStore.class);

    public record Statement(String name, String sql) {
    }

    private SqlCatalog() {
    }

    public static List<Statement> statements() {
        List<Statement> statements = new ArrayList<>();
        for (Class<?> store : STORES) {
            statements.addAll(statementsOf(store));
        }
        return statements;
    }

    public static List<Statement> statementsOf(Class<?> store) {
        List<Statement> statements = new ArrayList<>();
        for (Field field : store.getDeclaredFields()) {
            if (field.isAnnotationPresent(Sql.class)) {
                if (!Modifier.isStatic(field.getModifiers()) || field.getType() != String.class) {
                    throw new IllegalStateException(store.getSimpleName() + "." + field.getName()
                            + " is marked @Sql but is not a static String");
                }
                try {
                    field.setAccessible(true);
                    statements.add(new Statement(store.getSimpleName() + "." + field.getName(), (String) field.get(null)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + field, e);
                }
            }
        }
        return statements;
    }
}
