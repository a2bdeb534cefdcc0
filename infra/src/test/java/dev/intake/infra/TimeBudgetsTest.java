package dev.intake.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every Lambda outlives the work inside it. The budgets come from the app's limits (its TimeBudgetsTest
 * keeps time-budgets.json equal to them), so a limit raised there or a timeout lowered here fails this
 * test rather than a Lambda killed mid-step in production.
 */
class TimeBudgetsTest {

    /** Room beyond the budget: start-up, logging, the clock's slack. */
    static final double MARGIN = 1.1;

    static Map<String, Long> budgets() throws IOException {
        try (InputStream in = TimeBudgetsTest.class.getResourceAsStream("/time-budgets.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<LinkedHashMap<String, Long>>() { });
        }
    }

    @Test
    void every_function_has_a_budget_and_every_budget_a_function() throws IOException {
        assertEquals(new TreeSet<>(budgets().keySet()),
                new TreeSet<>(FunctionSpec.all().stream().map(FunctionSpec::name).toList()));
    }

    @Test
    void every_lambda_timeout_exceeds_its_functions_budget_with_a_margin() throws IOException {
        Map<String, Long> budgets = budgets();
        for (FunctionSpec spec : FunctionSpec.all()) {
            long budget = budgets.get(spec.name());
            long timeout = spec.timeout().toSeconds().longValue();
            assertTrue(timeout >= Math.ceil(budget * MARGIN), spec.name() + ": its Lambda times out after " + timeout
                    + " s, but its work may take " + budget + " s (+10%); raise the timeout or lower the app's limits");
        }
    }

    @Test
    void no_budget_needs_more_than_lambdas_longest_run() throws IOException {
        budgets().forEach((name, budget) -> assertTrue(Math.ceil(budget * MARGIN) <= 900,
                name + " needs " + budget + " s: more than a Lambda may run; the work must return and continue"));
    }
}
