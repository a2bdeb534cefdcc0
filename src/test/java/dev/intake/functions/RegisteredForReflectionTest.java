package dev.intake.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.funqy.Funq;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A native image knows only the classes registered for reflection: every type Jackson binds at a
 * function's edge (inputs, outputs, and the records inside them) must carry @RegisterForReflection.
 */
class RegisteredForReflectionTest {

    private static final List<Class<?>> FUNCTIONS = List.of(UploadCompletedFunction.class, RecallWebhookFunction.class,
            UrlImportFunction.class, InterviewStatusFunction.class, StepLambdas.class, SweepStuckFunction.class);

    @Test
    void every_type_bound_at_a_function_edge_is_registered() {
        Set<Class<?>> seen = new HashSet<>();
        Deque<Type> todo = new ArrayDeque<>();
        for (Class<?> function : FUNCTIONS) {
            for (Method method : function.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Funq.class)) {
                    todo.add(method.getGenericReturnType());
                    todo.addAll(List.of(method.getGenericParameterTypes()));
                }
            }
        }
        Set<String> missing = new TreeSet<>();
        while (!todo.isEmpty()) {
            Type type = todo.pop();
            if (type instanceof ParameterizedType parameterized) {
                todo.addAll(List.of(parameterized.getActualTypeArguments()));
                todo.add(parameterized.getRawType());
                continue;
            }
            if (!(type instanceof Class<?> cls) || !cls.getName().startsWith("dev.intake") || !seen.add(cls)) {
                continue;
            }
            if (!cls.isAnnotationPresent(RegisterForReflection.class)) {
                missing.add(cls.getName());
            }
            if (cls.isRecord()) {
                for (RecordComponent component : cls.getRecordComponents()) {
                    todo.add(component.getGenericType());
                }
            }
        }
        assertEquals(Set.of(), missing);
    }
}
