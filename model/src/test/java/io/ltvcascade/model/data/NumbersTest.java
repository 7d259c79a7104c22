package io.ltvcascade.model.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void shouldParsePlainAndScientificNumbers() {
        assertEquals(12.5, Numbers.parse("12.5"));
        assertEquals(-0.5, Numbers.parse("-.5"));
        assertEquals(3000.0, Numbers.parse("3e3"));
        assertEquals(7.0, Numbers.parse("7."));
    }

    @Test
    void shouldRefuseJavaOnlySpellingsAndText() {
        assertNull(Numbers.parse("1d"));
        assertNull(Numbers.parse("0x1p3"));
        assertNull(Numbers.parse("NaN"));
        assertNull(Numbers.parse("1e"));
        assertNull(Numbers.parse("."));
        assertNull(Numbers.parse("12 apples"));
    }

    @Test
    void shouldRecogniseNonFiniteSpellings() {
        assertTrue(Numbers.isNonFinite("NaN") && Numbers.isNonFinite("-inf") && Numbers.isNonFinite("Infinity"));
    }
}
