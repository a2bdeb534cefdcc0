package dev.intake.interview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Insights' independence key: 32-bit FNV-1a, so the published FNV-1a test vectors hold. */
class IndependenceKeyTest {

    @Test
    void the_hash_is_fnv_1a_as_published() {
        assertEquals("811c9dc5", IndependenceKey.hash(""), "the offset basis");
        assertEquals("e40c292c", IndependenceKey.hash("a"));
        assertEquals("bf9cf968", IndependenceKey.hash("foobar"));
    }

    @Test
    void case_and_spacing_do_not_change_the_key_but_the_main_kind_does() {
        assertEquals(IndependenceKey.of("It takes  three DAYS", List.of("pain")),
                IndependenceKey.of("it takes three days", List.of("Pain", "goal")));
        assertNotEquals(IndependenceKey.of("it takes three days", List.of("pain")),
                IndependenceKey.of("it takes three days", List.of("goal")));
    }

    @Test
    void only_the_first_160_characters_count() {
        String head = "x".repeat(160);
        assertEquals(IndependenceKey.of(head + " one ending", List.of()), IndependenceKey.of(head + " another", List.of()));
    }
}
