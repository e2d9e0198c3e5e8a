package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.dsl.model.Operator;
import java.util.HashMap;

import java.util.Map;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the condition operators on any JSON-like values: a condition holds, does not hold, or cannot be
 * evaluated (a {@link Operators.ConditionException} the block fails with), and never fails in another way; the
 * negated operators are exact complements.
 */
class OperatorsPropertiesTest {
    private static final String SEED = "20261201";

    @Property(tries = 1000, seed = SEED)
    void everyOperatorHoldsDoesNotOrSaysWhyItCannotBeEvaluated(@ForAll Operator op, @ForAll("values") Object left,
                                                              @ForAll("values") Object right,
                                                              @ForAll boolean caseSensitive) {
        try {
            Operators.test(op, left, right, caseSensitive, new HashMap<>());
        } catch (Operators.ConditionException e) {
            // a located failure of the block, as documented
        }
    }

    @Property(tries = 500, seed = SEED)
    void negationsAreComplements(@ForAll("values") Object left, @ForAll("values") Object right,
                                 @ForAll boolean caseSensitive) {
        Map<String, Pattern> patterns = new HashMap<>();
        for (Operator[] pair : new Operator[][] {{Operator.EQ, Operator.NE}, {Operator.IN, Operator.NOT_IN},
            {Operator.IS_EMPTY, Operator.IS_NOT_EMPTY}, {Operator.EXISTS, Operator.NOT_EXISTS}}) {
            assertEquals(!Operators.test(pair[0], left, right, caseSensitive, patterns),
                    Operators.test(pair[1], left, right, caseSensitive, patterns), pair[0] + " " + left + " " + right);
        }
    }

    @Provide
    Arbitrary<Object> values() {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12).map(s -> (Object) s),
                Arbitraries.of("", " ", "1", "1.0", "1e999999999999", "-0", "NaN", "Infinity", "10.0.0.1",
                        "10.0.0.0/8", "::1", "fe80::/10", "2001:db8::/129", "10.0.0.0/33", "(", "[a-", "a*",
                        "\\", "𝔘", "ß", "SS", "İ").map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i), Arbitraries.longs().map(l -> (Object) l),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0)
                        .map(d -> (Object) d),
                Arbitraries.bigIntegers().map(b -> (Object) b), Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
                inner.list().ofMaxSize(3).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(3), inner).ofMaxSize(2)
                        .map(m -> (Object) m)), 0, 2);
    }

}
