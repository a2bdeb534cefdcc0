package dev.intake.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.workflow.RunCycles;

/**
 * No loop of the deployed state machine is unbounded: the checked-in ASL is walked as a graph, and
 * every cycle in it must pass a state that adds one to the execution's count ({@code States.MathAdd} of
 * {@code $.cycles} and 1) and a Choice that leaves the loop once the count reaches {@link RunCycles#LIMIT};
 * no state on the way may reset the count.
 */
class StateMachineLoopsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COUNT = "$." + StateMachineDefinition.CYCLES;
    private static final String ADD_ONE = "States.MathAdd(" + COUNT + ", 1)";

    @Test
    void every_cycle_of_the_checked_in_state_machine_counts_and_is_bounded() throws IOException {
        JsonNode states = JSON.readTree(Files.readString(StateMachineDefinitionTest.CHECKED_IN)).get("States");

        assertEquals(List.of(), unboundedCycles(states));
        assertEquals(List.of(), resets(states));
        assertTrue(cycleExists(edges(states, Set.of())), "the machine does loop (steps, retries, waits): the walk sees it");
    }

    @Test
    void the_walk_finds_a_loop_that_skips_the_bound() throws IOException {
        // The same machine with the retry loop going straight back to Route, as it did before it was bounded.
        ObjectNode states = (ObjectNode) JSON.readTree(Files.readString(StateMachineDefinitionTest.CHECKED_IN)).get("States");
        ((ObjectNode) states.get("RetryStep")).put("Next", "Route");

        List<List<String>> unbounded = unboundedCycles(states);

        assertEquals(1, unbounded.size(), unbounded.toString());
        assertTrue(unbounded.get(0).containsAll(List.of("Route", "WaitToRetry", "RetryStep", "Outcome")), unbounded.toString());
    }

    @Test
    void the_walk_finds_a_state_that_resets_the_count_inside_a_loop() throws IOException {
        ObjectNode states = (ObjectNode) JSON.readTree(Files.readString(StateMachineDefinitionTest.CHECKED_IN)).get("States");
        ((ObjectNode) states.get("Advance").get("Parameters")).remove(StateMachineDefinition.CYCLES + ".$");

        assertEquals(List.of("Advance"), resets(states));
    }

    /** The strongly connected parts of the graph left when the guards or the counters are taken out. */
    private static List<List<String>> unboundedCycles(JsonNode states) {
        Set<String> guards = new HashSet<>();
        Set<String> counters = new HashSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            if (isGuard(state.getValue(), states)) {
                guards.add(state.getKey());
            }
            if (ADD_ONE.equals(state.getValue().path("Parameters").path(StateMachineDefinition.CYCLES + ".$").asText())) {
                counters.add(state.getKey());
            }
        }
        List<List<String>> unbounded = new ArrayList<>();
        for (List<String> cycle : components(edges(states, guards))) {
            unbounded.add(cycle);
        }
        for (List<String> cycle : components(edges(states, counters))) {
            if (!unbounded.contains(cycle)) {
                unbounded.add(cycle);
            }
        }
        return unbounded;
    }

    /** A Choice whose rule sends a count at the limit to a way out that ends the execution without looping. */
    private static boolean isGuard(JsonNode state, JsonNode states) {
        if (!"Choice".equals(state.path("Type").asText())) {
            return false;
        }
        for (JsonNode rule : state.path("Choices")) {
            if (COUNT.equals(rule.path("Variable").asText())
                    && rule.path("NumericGreaterThanEquals").asInt(Integer.MAX_VALUE) <= RunCycles.LIMIT
                    && endsWithoutReturning(rule.get("Next").asText(), states, new HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsWithoutReturning(String name, JsonNode states, Set<String> seen) {
        if (!seen.add(name)) {
            return false;
        }
        JsonNode state = states.get(name);
        String type = state.path("Type").asText();
        if (type.equals("Fail") || type.equals("Succeed")) {
            return true;
        }
        for (String next : successors(state)) {
            if (!endsWithoutReturning(next, states, new HashSet<>(seen))) {
                return false;
            }
        }
        return true;
    }

    /** States inside a loop that rebuild the execution's state without carrying or adding to the count. */
    private static List<String> resets(JsonNode states) {
        Set<String> looping = new HashSet<>();
        components(edges(states, Set.of())).forEach(looping::addAll);
        List<String> resets = new ArrayList<>();
        for (String name : looping) {
            JsonNode state = states.get(name);
            boolean rebuilds = state.path("Type").asText().equals("Pass") && state.has("Parameters");
            boolean replaces = state.path("Type").asText().equals("Task") && "$".equals(state.path("ResultPath").asText("$"));
            boolean counted = ADD_ONE.equals(state.path("Parameters").path(StateMachineDefinition.CYCLES + ".$").asText())
                    || COUNT.equals(state.path("Parameters").path(StateMachineDefinition.CYCLES + ".$").asText());
            if ((rebuilds && !counted) || replaces) {
                resets.add(name);
            }
        }
        resets.sort(null);
        return resets;
    }

    private static Map<String, List<String>> edges(JsonNode states, Set<String> without) {
        Map<String, List<String>> edges = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = states.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            if (without.contains(state.getKey())) {
                continue;
            }
            edges.put(state.getKey(), successors(state.getValue()).stream().filter(n -> !without.contains(n)).toList());
        }
        return edges;
    }

    private static List<String> successors(JsonNode state) {
        Set<String> next = new LinkedHashSet<>();
        if (state.has("Next")) {
            next.add(state.get("Next").asText());
        }
        if (state.has("Default")) {
            next.add(state.get("Default").asText());
        }
        state.path("Choices").forEach(rule -> next.add(rule.get("Next").asText()));
        state.path("Catch").forEach(rule -> next.add(rule.get("Next").asText()));
        return List.copyOf(next);
    }

    private static boolean cycleExists(Map<String, List<String>> edges) {
        return !components(edges).isEmpty();
    }

    /** Tarjan's strongly connected components with more than one state or a state that leads to itself. */
    private static List<List<String>> components(Map<String, List<String>> edges) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        List<String> stack = new ArrayList<>();
        Set<String> onStack = new HashSet<>();
        List<List<String>> found = new ArrayList<>();
        int[] counter = {0};
        for (String name : new java.util.TreeSet<>(edges.keySet())) {
            if (!index.containsKey(name)) {
                connect(name, edges, index, low, stack, onStack, found, counter);
            }
        }
        return found;
    }

    private static void connect(String name, Map<String, List<String>> edges, Map<String, Integer> index,
                                Map<String, Integer> low, List<String> stack, Set<String> onStack,
                                List<List<String>> found, int[] counter) {
        index.put(name, counter[0]);
        low.put(name, counter[0]++);
        stack.add(name);
        onStack.add(name);
        for (String next : edges.getOrDefault(name, List.of())) {
            if (!index.containsKey(next)) {
                connect(next, edges, index, low, stack, onStack, found, counter);
                low.put(name, Math.min(low.get(name), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(name, Math.min(low.get(name), index.get(next)));
            }
        }
        if (low.get(name).equals(index.get(name))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.remove(stack.size() - 1);
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(name));
            if (component.size() > 1 || edges.getOrDefault(name, List.of()).contains(name)) {
                component.sort(null);
                found.add(component);
            }
        }
    }
}
