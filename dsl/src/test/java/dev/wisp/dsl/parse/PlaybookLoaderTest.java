package dev.wisp.dsl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.TestFiles;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Combine;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Join;
import dev.wisp.dsl.model.OnFailure;
import dev.wisp.dsl.model.Operator;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PlaybookLoaderTest {
    private final PlaybookLoader loader = new PlaybookLoader(List.of());

    private Playbook load(String yaml) {
        LoadResult r = loader.loadString(yaml, "p.yaml");
        assertEquals(List.of(), r.diagnostics());
        return r.playbook().orElseThrow();
    }

    private List<String> problems(String yaml) {
        return loader.loadString(yaml, "p.yaml").diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void loadsEveryExamplePlaybookWithoutDiagnostics() throws IOException {
        Path dir = TestFiles.repoRoot().resolve("playbooks");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> playbooks = files.filter(f -> f.toString().endsWith(".yaml")
                    && !f.toString().endsWith(".test.yaml")).toList();
            assertTrue(playbooks.size() >= 3, "examples: " + playbooks);
            for (Path f : playbooks) {
                LoadResult r = loader.load(f, f.getFileName().toString());
                assertEquals(List.of(), r.diagnostics(), f.toString());
                assertTrue(r.playbook().isPresent());
            }
        }
    }

    @Test
    void buildsTheSeedTutorialModel() {
        Playbook p = loader.load(TestFiles.repoRoot().resolve("playbooks/capture_ec2_instance.yaml"),
                "capture_ec2_instance.yaml").playbook().orElseThrow();
        assertEquals("capture_ec2_instance", p.name());
        assertEquals("cado_response", p.assets().get("cado").app());
        Block.ActionBlock capture = (Block.ActionBlock) p.blocks().get("capture_instance_1");
        assertEquals("capture instance", capture.action());
        assertEquals("cado", capture.asset());
        Value.PathRef instance = (Value.PathRef) capture.parameters().get("instance_id");
        assertEquals("Set_EC2:action_result.summary.responses.1", instance.text());
        assertEquals(new Location("capture_ec2_instance.yaml", 56, 20), instance.location());
        Block.PromptBlock setEc2 = (Block.PromptBlock) p.blocks().get("Set_EC2");
        assertEquals(2, setEc2.responses().size());
        assertEquals(Duration.ofMinutes(30), setEc2.timeout());
        assertEquals(new Edge("start", null, "Set_Project_Name", new Location("capture_ec2_instance.yaml", 67, 5)),
                p.edges().get(0));
    }

    @Test
    void buildsEveryBlockKindAndSetting() {
        Playbook p = load("""
                playbook: all_kinds
                inputs:
                  n: { type: numeric, default: 3 }
                  ip: { type: string }
                blocks:
                  act:
                    action: do thing
                    app: core
                    parameters: { a: "b:action_result.x", lit: { value: "act:action_result.y" }, n: 5 }
                    combine: zip
                    max_concurrency: 4
                    timeout: 1m30s
                    retry: { attempts: 5, backoff: 2s }
                    repeat:
                      until: [[act:action_result.status, ==, success]]
                      interval: 10s
                    on_failure: stop
                    join: any
                  ask:
                    prompt: "Go {0}?"
                    parameters: [playbook_input:ip]
                    responses:
                      - { prompt: Go, type: yes/no }
                      - { prompt: How, type: list, options: [fast, slow] }
                    timeout: 5m
                  f:
                    filter:
                      condition_1: [[act:action_result.data.*.x, ">", 1]]
                      big: { any: [[act:action_result.data.*.x, exists]], case_sensitive: false }
                  d:
                    decision:
                      yes_branch: [[ask:action_result.summary.responses.0, ==, yes]]
                  fmt:
                    format: "{0}"
                    parameters: [filtered-data:f:big:act:action_result.data.*.x]
                    separator: "; "
                  sub:
                    playbook: other.yaml
                    inputs: { ip: playbook_input:ip }
                edges:
                  - start -> act
                  - act.failure -> ask
                """);
        Block.ActionBlock act = (Block.ActionBlock) p.blocks().get("act");
        assertEquals("core", act.app());
        assertInstanceOf(Value.PathRef.class, act.parameters().get("a"));
        assertEquals("act:action_result.y", ((Value.Literal) act.parameters().get("lit")).value());
        assertEquals(5L, ((Value.Literal) act.parameters().get("n")).value());
        assertEquals(Combine.ZIP, act.combine());
        assertEquals(4, act.maxConcurrency());
        assertEquals(Duration.ofSeconds(90), act.timeout());
        assertEquals(5, act.retry().attempts());
        assertEquals(Duration.ofSeconds(2), act.retry().backoff());
        assertEquals(Duration.ofMinutes(5), act.retry().maxBackoff());
        assertEquals(Duration.ofSeconds(10), act.repeat().interval());
        assertEquals(100, act.repeat().maxIterations());
        assertEquals(OnFailure.STOP, act.onFailure());
        assertEquals(Join.ANY, act.info().join());
        Block.PromptBlock ask = (Block.PromptBlock) p.blocks().get("ask");
        assertEquals(PromptResponse.Type.YES_NO, ask.responses().get(0).type());
        assertEquals(List.of("fast", "slow"), ask.responses().get(1).options());
        Block.FilterBlock f = (Block.FilterBlock) p.blocks().get("f");
        assertEquals(List.of("condition_1", "big"), f.ports());
        Condition big = f.conditions().get(1);
        assertEquals(Condition.Logic.ANY, big.logic());
        assertEquals(Operator.EXISTS, big.comparisons().get(0).operator());
        assertNull(big.comparisons().get(0).right());
        assertTrue(!big.caseSensitive());
        Block.DecisionBlock d = (Block.DecisionBlock) p.blocks().get("d");
        assertEquals(List.of("yes_branch", "else"), d.ports());
        Block.FormatBlock fmt = (Block.FormatBlock) p.blocks().get("fmt");
        assertEquals("; ", fmt.separator());
        assertInstanceOf(DataPath.FilteredPath.class, ((Value.PathRef) fmt.parameters().get(0)).path());
        Block.PlaybookBlock sub = (Block.PlaybookBlock) p.blocks().get("sub");
        assertEquals("other.yaml", sub.playbook());
        assertEquals("failure", p.edges().get(1).port());
        assertTrue(p.inputs().get("ip").required());
        assertTrue(!p.inputs().get("n").required());
    }

    @Test
    void buildsACodeBlockWhosePythonLinesMapToThePlaybooksLines(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        String yaml = """
                playbook: code
                blocks:
                  c:
                    code: |
                        first = 1
                        second = 2
                    inputs: { ids: c0:action_result.data.*.id, tag: x }
                    outputs:
                      n: { type: numeric, description: a count }
                    env: [HOME]
                    timeout: 5s
                  c0: { action: a, app: x }
                  f: { code: { file: f.py } }
                edges: [start -> c0, c0 -> c, c -> f, f -> end]
                """;
        Path file = Files.writeString(dir.resolve("code.yaml"), yaml);
        Files.writeString(dir.resolve("f.py"), "x = 1\n");
        LoadResult r = loader.load(file, "code.yaml");
        assertEquals(List.of(), r.diagnostics());
        Block.CodeBlock c = (Block.CodeBlock) r.playbook().orElseThrow().blocks().get("c");
        assertEquals("first = 1\nsecond = 2\n", c.code());
        assertEquals(new Location("code.yaml", 6, 9), c.pythonLocation(2, 1), "indentation read from the file");
        assertEquals(List.of("ids", "tag"), List.copyOf(c.inputs().keySet()));
        assertEquals(dev.wisp.spi.DataType.NUMERIC, c.outputs().get("n").type());
        assertEquals(List.of("HOME"), c.env());
        assertEquals(java.time.Duration.ofSeconds(5), c.timeout());
        Block.CodeBlock f = (Block.CodeBlock) r.playbook().orElseThrow().blocks().get("f");
        assertEquals("x = 1\n", f.code());
        assertEquals("f.py", f.file());
        assertEquals(new Location("f.py", 1, 1), f.pythonLocation(1, 1));
        Block.CodeBlock fromString = (Block.CodeBlock) load(yaml.replace("  f: { code: { file: f.py } }\n", "")
                .replace(", c -> f, f -> end", ", c -> end")).blocks().get("c");
        assertEquals(new Location("p.yaml", 5, 7), fromString.pythonLocation(1, 1), "two spaces under the key");
    }

    @Test
    void reportsPathSyntaxAtTheExactColumn() {
        assertEquals(List.of("p.yaml:6:38: error[WSP040]: bad data path 'b:action_result..id': empty segment "
                + "(two dots, or a dot at the end)"), problems("""
                playbook: x
                blocks:
                  b:
                    action: a
                    app: core
                    parameters: { x: b:action_result..id }
                edges: []
                """));
    }

    @Test
    void reportsUnknownOperatorsAndArity() {
        assertEquals(List.of(
                "p.yaml:5:26: error[WSP044]: unknown operator '=~'; use one of ==, !=, <, <=, >, >=, in, not in, "
                        + "matches, not matches, is empty, is not empty, exists, not exists",
                "p.yaml:6:26: error[WSP044]: operator 'exists' takes no right-hand side: write [value, exists]"),
                problems("""
                        playbook: x
                        blocks:
                          f:
                            filter:
                              c1: [[container:x, =~, y]]
                              c2: [[container:x, exists, y]]
                        edges: []
                        """));
    }

    @Test
    void reportsReservedNames() {
        assertEquals(List.of(
                "p.yaml:3:3: error[WSP013]: 'start' is reserved for the implicit start of the playbook; name the "
                        + "block differently",
                "p.yaml:7:7: error[WSP013]: a decision branch cannot be named 'else': else is the implicit port taken "
                        + "when no branch holds; give this branch another name"),
                problems("""
                        playbook: x
                        blocks:
                          start: { format: x }
                          d:
                            decision:
                              ok: [[container:x, ==, 1]]
                              else: [[container:x, ==, 2]]
                        edges: []
                        """));
    }

    @Test
    void neverThrowsOnWrongTypes() {
        Playbook p = loader.loadString("""
                playbook: [not, a, name]
                assets: 7
                inputs: { a: 1 }
                outputs: { o: 2 }
                blocks:
                  a: { action: [x], parameters: [1, 2], retry: 5, repeat: { until: 3 }, max_concurrency: eight }
                  b: { prompt: { x: 1 }, responses: [1, { type: weird }] }
                  c: { filter: [1], join: sometimes }
                  d: { decision: { x: 1 } }
                  e: 5
                  g: {}
                edges: [1, "a ->", "a -> b", { x: 1 }]
                """, "p.yaml").playbook().orElseThrow();
        assertEquals("p", p.name());
        assertEquals(List.of("a", "b", "c", "d"), List.copyOf(p.blocks().keySet()));
        assertEquals(1, p.edges().size());
    }
}
