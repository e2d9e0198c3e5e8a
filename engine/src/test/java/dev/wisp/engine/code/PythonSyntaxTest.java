package dev.wisp.engine.code;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.PlaybookLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class PythonSyntaxTest {
    private static final String YAML = """
            playbook: syntax
            blocks:
              ok: { code: "x = 1" }
              bad:
                code: |
                  x = 1
                  def f(:
                      pass
            edges: [start -> ok, ok -> bad, bad -> end]
            """;

    private static Playbook playbook() {
        return new PlaybookLoader(List.of()).loadString(YAML, "s.yaml").playbook().orElseThrow();
    }

    @Test
    void aSyntaxErrorIsLocatedAtItsPythonLineInThePlaybook() {
        Assumptions.assumeTrue(Python.find(CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent(),
                "python3 is not on the PATH: the syntax check test skipped");
        Optional<List<Diagnostic>> d = new PythonSyntax(CodeSettings.allowed(null)).check(playbook());
        assertTrue(d.isPresent());
        assertEquals(1, d.get().size(), d.get().toString());
        Diagnostic e = d.get().get(0);
        assertEquals("s.yaml", e.location().file());
        assertEquals(7, e.location().line(), "the block scalar's line 5 plus Python line 2");
        assertTrue(e.message().startsWith("Python syntax error in code block 'bad' (Python line 2): "), e.message());
    }

    /** One interpreter answers every playbook in turn, each with its own errors (a line of JSON in and out). */
    @Test
    void oneCheckerAnswersPlaybookAfterPlaybook() {
        Assumptions.assumeTrue(Python.find(CodeSettings.DEFAULT_PYTHON, System.getenv()).isPresent(),
                "python3 is not on the PATH: the syntax check test skipped");
        PythonSyntax syntax = new PythonSyntax(CodeSettings.allowed(null));
        Playbook clean = new PlaybookLoader(List.of()).loadString("""
                playbook: clean
                blocks:
                  ok:
                    code: |
                      s = "two\\nlines"
                      y = 2
                edges: [start -> ok, ok -> end]
                """, "c.yaml").playbook().orElseThrow();
        for (int i = 0; i < 5; i++) {
            assertEquals(Optional.of(List.of()), syntax.check(clean));
            Optional<List<Diagnostic>> d = syntax.check(playbook());
            assertEquals(1, d.orElseThrow().size(), d.toString());
            assertEquals(7, d.get().get(0).location().line());
        }
    }

    @Test
    void withoutAnInterpreterTheCheckIsSkippedAndSaysSo() {
        CodeSettings none = new CodeSettings(false, "/no/such/python3", null, Map.of(), null);
        PythonSyntax syntax = new PythonSyntax(none);
        assertEquals(Optional.empty(), syntax.check(playbook()));
        assertEquals("Python syntax of code blocks not checked: '/no/such/python3' was not found or did not run",
                syntax.unavailable());
    }
}
