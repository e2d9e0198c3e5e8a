package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.source.YamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every ```yaml snippet in README.md and docs/*.md is YAML that Wisp's reader accepts. */
class DocsSnippetsTest {
    private static final Set<Code> NOT_YAML = Set.of(Code.WSP001, Code.WSP003, Code.WSP009);

    /**
     * A snippet.
     *
     * @param where the Markdown file and the line of the snippet's first line
     * @param text  the YAML
     */
    record Snippet(String where, String text) {
    }

    static List<Snippet> snippets(Path markdown, String name) throws IOException {
        List<String> lines = Files.readAllLines(markdown);
        List<Snippet> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```yaml")) {
                int start = i + 1;
                StringBuilder b = new StringBuilder();
                for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                    b.append(lines.get(i)).append('\n');
                }
                out.add(new Snippet(name + ":" + (start + 1), b.toString()));
            }
        }
        return out;
    }

    @Test
    void everyYamlSnippetInTheDocsParses() throws IOException {
        List<Snippet> all = new ArrayList<>(snippets(Path.of("../README.md"), "README.md"));
        try (Stream<Path> docs = Files.list(Path.of("../docs"))) {
            for (Path md : docs.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                all.addAll(snippets(md, "docs/" + md.getFileName()));
            }
        }
        assertTrue(all.size() >= 12, "found the snippets: " + all.size());
        List<String> problems = new ArrayList<>();
        for (Snippet s : all) {
            for (Diagnostic d : new YamlReader().readString(s.text(), s.where()).diagnostics()) {
                if (NOT_YAML.contains(d.code())) {
                    problems.add(s.where() + " (snippet line " + d.location().line() + ":" + d.location().column()
                            + "): " + d.message());
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void aBrokenSnippetIsFoundWithItsPlace(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path md = dir.resolve("x.md");
        Files.writeString(md, "# x\n\n```yaml\na: [1, 2\n```\n");
        List<Snippet> s = snippets(md, "x.md");
        assertEquals(List.of(new Snippet("x.md:4", "a: [1, 2\n")), s);
        assertTrue(new YamlReader().readString(s.get(0).text(), "x").diagnostics().stream()
                .anyMatch(d -> d.code() == Code.WSP001));
    }
}
