package dev.wisp.dsl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.parse.Durations;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.dsl.path.DataPathParser;
import dev.wisp.dsl.schema.SchemaCheck;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * Properties of reading playbooks: whatever the text, reading it never fails inside Wisp, and every diagnostic says
 * where (a line and column, unless the problem is the whole file). Also data paths and durations.
 */
class DslPropertiesTest {
    private static final String SEED = "20261201";
    private static final Set<Code> WHOLE_FILE = Set.of(Code.WSP002, Code.WSP003);
    private static final PlaybookLoader LOADER = new PlaybookLoader(List.of(SchemaCheck.shared()));

    @Property(tries = 250, seed = SEED)
    void anyTextLoadsWithLocatedDiagnosticsOnly(@ForAll("yamlish") String text) {
        assertLocated(text, LOADER.loadString(text, "p.yaml"));
    }

    @Property(tries = 250, seed = SEED)
    void generatedPlaybooksLoadWithLocatedDiagnosticsOnly(@ForAll("playbooks") String text) {
        assertLocated(text, LOADER.loadString(text, "p.yaml"));
    }

    private static void assertLocated(String text, LoadResult r) {
        long lines = text.lines().count() + 1;
        for (Diagnostic d : r.diagnostics()) {
            if (!WHOLE_FILE.contains(d.code())) {
                assertTrue(d.location().line() >= 1 && d.location().column() >= 1, () -> d + " in\n" + text);
            }
            assertTrue(d.location().line() <= lines, () -> d + " is past the end of\n" + text);
        }
    }

    @Property(tries = 600, seed = SEED)
    void aDataPathParsesOrSaysWhereItIsWrong(@ForAll("paths") String text) {
        DataPathParser.Result r = DataPathParser.parse(text);
        if (r.ok()) {
            assertNull(r.error());
        } else {
            assertNotNull(r.error());
            assertTrue(r.offset() >= 0 && r.offset() <= text.length(), () -> r + " for " + text);
        }
    }

    @Property(tries = 500, seed = SEED)
    void aWrittenDurationReadsBackTheSame(@ForAll @LongRange(min = 0, max = 10_000_000_000_000L) long millis) {
        Duration d = Duration.ofMillis(millis);
        assertEquals(d, Durations.parse(Durations.format(d)));
    }

    @Property(tries = 500, seed = SEED)
    void anyTextIsADurationOrNotButNeverAnError(@ForAll("durations") String text) {
        Duration d = Durations.parse(text);
        assertTrue(d == null || !d.isNegative(), () -> text + " gave " + d);
    }

    @Provide
    Arbitrary<String> yamlish() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("playbook: x\n", "blocks:\n", "edges:\n", "  - start -> a\n", "  a:\n",
                        "    action: set value\n", "    filter:\n", "      condition_1: [[container:x, ==, 1]]\n",
                        ": ", "- ", "[", "]", "{", "}", "&a ", "*a", "!!str ", "\t", "\n", "  ", ".nan", "-.inf",
                        "\"\\0\"", "'", "\"", "#", "|\n", ">\n", "? ", "<<: *a\n", "\uFEFF", "---\n", "..."),
                Arbitraries.strings().all().ofMaxLength(6));
        return token.list().ofMaxSize(40).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> playbooks() {
        Arbitrary<String> scalar = Arbitraries.oneOf(Arbitraries.of(".nan", ".inf", "-.Inf", "1e999", "~", "null",
                        "\"\"", "0x1F", "99999999999999999999", "\"\\0x\"", "a:action_result.data.*.x",
                        "filtered-data:f:condition_1:a:action_result.data", "container:severity", "[]", "{}", "true",
                        "1h30m", "-1", "'${env:X}'", "playbook_input:x", "\"(\""),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> op = Arbitraries.of("==", "!=", "<", ">=", "in", "not in", "matches", "is empty", "exists",
                ".nan", "-.inf", "bogus");
        Arbitrary<String> block = Combinators.combine(Arbitraries.of("a", "b", "c", "f"), Arbitraries.integers()
                .between(0, 6), scalar, op, scalar).as((name, kind, v, o, w) -> "  " + name + ":\n" + switch (kind) {
                    case 0 -> "    action: set value\n    app: core\n    parameters: { value: " + v + " }\n";
                    case 1 -> "    filter:\n      condition_1: [[" + v + ", " + o + ", " + w + "]]\n";
                    case 2 -> "    decision:\n      - { if: [[" + v + ", " + o + ", " + w + "]], then: yes }\n";
                    case 3 -> "    format: \"{0}\"\n    parameters: [" + v + "]\n";
                    case 4 -> "    prompt: q\n    responses: [{ prompt: p, type: " + v + " }]\n    timeout: " + w
                            + "\n";
                    case 5 -> "    playbook: " + v + "\n";
                    default -> "    action: " + v + "\n    retry: { attempts: " + w + ", delay: " + v + " }\n";
                });
        Arbitrary<String> edge = Combinators.combine(Arbitraries.of("start", "a", "b", "c", "f", "f.condition_1",
                "b.yes", "x"), Arbitraries.of("a", "b", "c", "f", "end", "start")).as((x, y) -> "  - " + x + " -> " + y
                + "\n");
        return Combinators.combine(block.list().ofMaxSize(5), edge.list().ofMaxSize(6), scalar)
                .as((blocks, edges, name) -> "playbook: " + name + "\nblocks:\n" + String.join("", blocks)
                        + "edges:\n" + String.join("", edges));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.of("filtered-data:", "playbook_input:", "container:",
                "artifact:", "a:", "action_result", ".data", ".*", ".0", ".999999999999", "..", ":", "$.", "$[",
                "[", "]", "summary", "formatted_data", "playbook_output:", "-", "@", " ", "\u0000", "condition_1:"),
                Arbitraries.strings().all().ofMaxLength(3));
        return part.list().ofMaxSize(12).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> durations() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.of("ms", "s", "m", "h", "d", "0", "9", "-", " "),
                Arbitraries.longs().map(String::valueOf), Arbitraries.strings().numeric().ofMaxLength(30));
        return part.list().ofMaxSize(8).map(l -> String.join("", l));
    }
}
