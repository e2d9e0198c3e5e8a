package dev.wisp.dsl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.dsl.diag.Diagnostic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Characters YAML does not allow are located errors (found by the property tests: they had no location). */
class YamlReaderSpecialCharactersTest {
    @Test
    void aCharacterYamlDoesNotAllowIsLocatedAndNamed() {
        YamlReader.Result r = new YamlReader().readString("playbook: x\nblocks:\n  a\u0000b: 1\n", "p.yaml");
        assertEquals(List.of("p.yaml:3:4: error[WSP001]: the character U+0000 is not allowed in YAML; remove it, or "
                + "write it as an escape (\\u0000) inside a double-quoted string"),
                r.diagnostics().stream().map(Diagnostic::toString).toList());
    }
}
