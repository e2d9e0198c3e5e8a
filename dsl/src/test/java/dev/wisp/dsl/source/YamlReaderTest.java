package dev.wisp.dsl.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YamlReaderTest {
    private final YamlReader reader = new YamlReader();

    @TempDir
    Path dir;

    private List<String> problems(String yaml) {
        return reader.readString(yaml, "p.yaml").diagnostics().stream().map(Diagnostic::toString).toList();
    }

    private List<String> problemsOfFile(byte[] bytes) throws IOException {
        Path f = dir.resolve("p.yaml");
        Files.write(f, bytes);
        return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(f, "p.yaml").diagnostics())
                .stream().map(Diagnostic::toString).toList();
    }

    @Test
    void recordsWhereEveryValueAndKeyIsWritten() {
        YamlReader.Result r = reader.readString("playbook: x\nblocks:\n  a:\n    action: \"do it\"\n", "p.yaml");
        SourceDocument doc = r.document();
        assertEquals(new Location("p.yaml", 3, 3), doc.keyLocation("/blocks/a"));
        assertEquals(new Location("p.yaml", 4, 14), doc.valueLocation("/blocks/a/action"),
                "quoted scalars are located at their first character inside the quotes");
        assertEquals(new Location("p.yaml", 4, 14), doc.valueLocation("/blocks/a/action/nothing/here"),
                "unknown pointers fall back to the nearest enclosing node");
    }

    @Test
    void resolvesScalarsByTheYaml12CoreSchema() {
        var root = reader.readString("a: yes\nb: no\nc: true\nd: 0x1F\ne: 1.5\nf: ~\ng: '7'\nh: on\n"
                + "i: 2026-11-22\n", "p.yaml").document().root();
        assertEquals("yes", root.get("a").textValue());
        assertEquals("no", root.get("b").textValue());
        assertTrue(root.get("c").booleanValue());
        assertEquals(31, root.get("d").longValue());
        assertEquals(1.5, root.get("e").doubleValue());
        assertTrue(root.get("f").isNull());
        assertEquals("7", root.get("g").textValue());
        assertEquals("on", root.get("h").textValue());
        assertEquals("2026-11-22", root.get("i").textValue());
    }

    @Test
    void reportsEveryDuplicateKey() {
        assertEquals(List.of(
                "p.yaml:4:3: error[WSP004]: duplicate key 'y' (first written at line 3); remove one of them",
                "p.yaml:5:1: error[WSP004]: duplicate key 'a' (first written at line 1); remove one of them"),
                problems("a: 1\nb:\n  y: 1\n  y: 2\na: 2\n"));
    }

    @Test
    void rejectsTabsWithAPlainMessage() {
        List<String> p = problems("playbook: x\nblocks:\n\ta: 1\n");
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("p.yaml:3:1: error[WSP001]: tabs are not allowed for indentation; use spaces"),
                p.get(0));
    }

    @Test
    void rejectsWhatIsNotAPlaybookShape() {
        assertEquals(List.of("p.yaml:1:1: error[WSP002]: file is empty; a playbook needs playbook:, blocks: and "
                + "edges:"), problems("# nothing here\n\n"));
        assertEquals(List.of("p.yaml:1:1: error[WSP017]: a playbook is a mapping with playbook:, blocks: and edges: "
                + "at the top, not a list"), problems("- a\n- b\n"));
        assertEquals(List.of("p.yaml:1:1: error[WSP017]: a playbook is a mapping with playbook:, blocks: and edges: "
                + "at the top, not a single value"), problems("just text\n"));
        assertEquals(List.of("p.yaml:3:1: error[WSP001]: a playbook file holds one YAML document; remove the second "
                + "'---' document"), problems("a: 1\n---\nb: 2\n"));
        assertTrue(problems("a: [1, 2\n").get(0).startsWith("p.yaml:2:1: error[WSP001]: not valid YAML:"));
    }

    @Test
    void rejectsCustomTagsAndMergeKeys() {
        assertEquals(List.of("p.yaml:1:4: error[WSP009]: the YAML tag !!javax.script.ScriptEngineManager is not "
                + "allowed; playbooks use plain strings, numbers, booleans, lists and mappings"),
                problems("a: !!javax.script.ScriptEngineManager [x]\n"));
        assertEquals(List.of("p.yaml:3:3: error[WSP009]: merge keys (<<) are not supported; write the keys out"),
                problems("base: &b {x: 1}\nc:\n  <<: *b\n"));
    }

    @Test
    void stopsAnAliasBombQuickly() throws IOException {
        StringBuilder y = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 40; i++) {
            y.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                y.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            y.append("]\n");
        }
        List<String> p = problemsOfFile(y.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1, p.size());
        // a1 holds aliases 1-10, a2 11-20, ...: the 51st is the first alias of a6, at column 10
        assertTrue(p.get(0).startsWith("p.yaml:7:10: error[WSP003]: too many aliases (at most 50)"), p.get(0));

        String few = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                + "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n";
        List<String> expanded = problemsOfFile(few.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("p.yaml: error[WSP003]: the document expands to more than 200000 values (through "
                + "aliases); a playbook is never that large"), expanded);
    }

    @Test
    void stopsDeepNestingQuickly() throws IOException {
        String deep = "a: " + "[".repeat(10_000) + "]".repeat(10_000) + "\n";
        List<String> p = problemsOfFile(deep.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, p.size());
        // "a: " is the top mapping (level 1); the 64th '[' is level 65, at column 3 + 64
        assertTrue(p.get(0).startsWith("p.yaml:1:67: error[WSP003]: nesting is too deep; at most 64 levels are "
                + "allowed"), p.get(0));
    }

    @Test
    void refusesHugeFilesBeforeReadingThem() throws IOException {
        Path f = dir.resolve("big.yaml");
        try (var out = Files.newOutputStream(f)) {
            byte[] line = "key_with_some_length: value with some length to fill the file\n"
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written < 50L * 1024 * 1024; written += line.length) {
                out.write(line);
            }
        }
        List<Diagnostic> d = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> reader.read(f, "big.yaml")
                .diagnostics());
        assertEquals(1, d.size());
        assertTrue(d.get(0).toString().startsWith("big.yaml: error[WSP002]: file is 524"), d.get(0).toString());
    }

    @Test
    void namesTheFirstByteThatIsNotUtf8() throws IOException {
        byte[] bytes = "a: 1\nb: caf\u00e9 \n".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals(List.of("p.yaml:2:7: error[WSP002]: not UTF-8: byte 0xE9 at offset 11 cannot start or continue "
                + "a UTF-8 character; save the file as UTF-8"), problemsOfFile(bytes));
    }

    @Test
    void acceptsAByteOrderMark() throws IOException {
        assertEquals(List.of(), problemsOfFile("\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reportsMissingFilesAndDirectories() {
        assertEquals("nope.yaml: error[WSP002]: file not found",
                reader.read(dir.resolve("nope.yaml"), "nope.yaml").diagnostics().get(0).toString());
        YamlReader.Result r = reader.read(dir, "dir");
        assertNull(r.document());
        assertEquals("dir: error[WSP002]: is a directory, not a playbook file", r.diagnostics().get(0).toString());
        assertNotNull(reader.readString("a: 1", "x").document());
    }
}
