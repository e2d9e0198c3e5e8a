package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.model.Operator;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OperatorsTest {
    private static boolean t(Object l, Operator op, Object r) {
        return Operators.test(op, l, r, true);
    }

    @Test
    void numbersCompareAsNumbersAndTextAsText() {
        assertTrue(t("7", Operator.EQ, 7L));
        assertTrue(t(7.0, Operator.EQ, "7"));
        assertTrue(t("10", Operator.GT, 9));
        assertTrue(t("b", Operator.GT, "a"));
        assertFalse(t("High", Operator.EQ, "high"));
        assertTrue(Operators.test(Operator.EQ, "High", "high", false));
        assertTrue(t(null, Operator.EQ, null));
        assertFalse(t(null, Operator.EQ, "x"));
        assertTrue(t("x", Operator.NE, List.of("a", "b")), "!= a list: equals none of them");
    }

    @Test
    void inIsSubstringMembershipOrCidr() {
        assertTrue(t(".eml", Operator.IN, "mail.eml"));
        assertTrue(t("b", Operator.IN, List.of("a", "b")));
        assertTrue(t("10.1.2.3", Operator.IN, "10.0.0.0/8"));
        assertFalse(t("11.1.2.3", Operator.IN, "10.0.0.0/8"));
        assertTrue(t("2001:db8::1", Operator.IN, "2001:db8::/32"));
        assertTrue(t("x", Operator.NOT_IN, Arrays.asList("a", null)));
        assertFalse(t(null, Operator.IN, "anything"));
    }

    @Test
    void regexEmptyAndExists() {
        assertTrue(t("t3a.2xlarge", Operator.MATCHES, "xlarge$"));
        assertTrue(t("T3", Operator.NOT_MATCHES, "^t"));
        assertTrue(Operators.test(Operator.MATCHES, "T3", "^t", false));
        assertEquals("'(' is not a valid regular expression: Unclosed group", assertThrows(
                Operators.ConditionException.class, () -> t("x", Operator.MATCHES, "(")).getMessage());
        assertTrue(t("", Operator.IS_EMPTY, null) && t(List.of(), Operator.IS_EMPTY, null)
                && t(Map.of(), Operator.IS_EMPTY, null) && t(null, Operator.IS_EMPTY, null));
        assertTrue(t("", Operator.EXISTS, null));
        assertTrue(t(null, Operator.NOT_EXISTS, null));
    }

    @Test
    void aMissingValueNeverMatchesAnOrderingAndIsReported() {
        assertFalse(t(null, Operator.LT, 1));
        assertFalse(t(null, Operator.GE, 1));
        assertFalse(t(1, Operator.GE, null));
        assertTrue(Operators.missing(Operator.GE, null, 50));
        assertFalse(Operators.missing(Operator.EQ, null, 50), "== and != treat null as a value, as SOAR does");
        assertTrue(t(null, Operator.NE, "low"));
    }

    @Test
    void severalValuesAreComparedOneByOneNeverAsText() {
        Operators.Several risks = new Operators.Several(List.of(20, 10));
        assertFalse(t(risks, Operator.GE, 50), "as text, '[20, 10]' >= '50' would hold");
        assertTrue(t(new Operators.Several(List.of(20, 60)), Operator.GE, 50));
        assertTrue(t(List.of(20, 60), Operator.GT, 50), "a list field is several values too");
        assertTrue(t(risks, Operator.NE, 30), "!= holds when == holds for none");
        assertFalse(t(risks, Operator.NE, 10));
        assertTrue(t("10.1.2.3", Operator.IN, new Operators.Several(List.of("192.168.0.0/16", "10.0.0.0/8"))));
        assertFalse(t("10.0.0.1", Operator.IN, List.of("10.0.0.10")), "in a list is membership, not substring");
        assertTrue(t(new Operators.Several(List.of("", "x")), Operator.IS_NOT_EMPTY, null));
        assertTrue(t(new Operators.Several(java.util.Arrays.asList(null, null)), Operator.NOT_EXISTS, null));
    }
}
