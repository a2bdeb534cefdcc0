package dev.intake.steps;

import static java.util.stream.Collectors.counting;
import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.toMap;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.intake.workflow.Step;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The handlers the executor finds, the step classes and the analysis steps built by {@link AnalysisSteps}
 * alike: the executor keeps one per step, so a second one for a step would silently replace the first.
 */
@QuarkusTest
class StepHandlersTest {

    @Inject
    Instance<StepHandler> handlers;

    @Test
    void every_step_of_the_workflow_has_exactly_one_handler() {
        Map<Step, Long> handlersByStep = handlers.stream().collect(groupingBy(StepHandler::step, counting()));

        assertEquals(Arrays.stream(Step.values()).collect(toMap(Function.identity(), step -> 1L)), handlersByStep);
    }
}
