package dev.wisp.bench;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.check.StaticChecks;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.dsl.path.DataPathParser;
import dev.wisp.engine.Engine;
import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.data.PathEvaluator;
import dev.wisp.engine.data.RunData;
import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.JsonlJournal;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.UnavailablePromptHandler;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.SystemTime;
import dev.wisp.spi.ActionResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's hot paths, one benchmark each: a chain of {@code core} {@code set value} blocks run end to end
 * (scheduler, runtime, plugin call, journal), one block fanned out over many rows, static checks of a long chain, data path evaluation over many rows,
 * and journal encoding. The chain is reported per run; divide by {@code steps} for the cost of one step.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EngineBench {
    @Param({"100", "1000"})
    int steps;

    private Playbook chain;
    private Playbook wide;
    private List<Object> items;
    private PluginRegistry registry;
    private Engine engine;
    private SystemTime time;
    private Path dir;
    private RunData data;
    private DataPath path;
    private JournalEvent finished;
    private AppCatalog catalog;

    static String chain(int n) {
        StringBuilder y = new StringBuilder("playbook: chain\nblocks:\n");
        y.append("  s0: { action: set value, app: core, parameters: { value: start } }\n");
        for (int i = 1; i < n; i++) {
            y.append("  s").append(i).append(": { action: set value, app: core, parameters: { value: s")
                    .append(i - 1).append(":action_result.data.*.value } }\n");
        }
        y.append("edges:\n  - start -> s0\n");
        for (int i = 1; i < n; i++) {
            y.append("  - s").append(i - 1).append(" -> s").append(i).append('\n');
        }
        return y.append("  - s").append(n - 1).append(" -> end\n").toString();
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        registry = PluginRegistry.load(EngineBench.class.getClassLoader(), Optional.empty());
        catalog = registry.catalog();
        chain = new PlaybookLoader(List.of()).loadString(chain(steps), "chain.yaml").playbook().orElseThrow();
        wide = new PlaybookLoader(List.of()).loadString("""
                playbook: wide
                inputs:
                  items: { type: list }
                blocks:
                  each:
                    action: set value
                    app: core
                    max_concurrency: 16
                    parameters: { value: playbook_input:items.* }
                edges: [start -> each, each -> end]
                """, "wide.yaml").playbook().orElseThrow();
        items = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            items.add("item-" + i);
        }
        engine = new Engine(registry);
        time = new SystemTime();
        dir = Files.createTempDirectory("wisp-bench");
        data = new RunData(Map.of(), List.of(), Map.of());
        List<ActionResult> rows = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            rows.add(ActionResult.success(Map.of("id", i), List.of(Map.of("id", "i-" + i, "state", "running")),
                    Map.of(), "ok"));
        }
        data.publish("list", BlockState.ofResults(rows));
        path = DataPathParser.parse("list:action_result.data.*.id").path();
        finished = new JournalEvent.ExecutionFinished(Instant.now(), "get_pipeline_1", 3, 0, 1,
                BlockState.asMap(ActionResult.success(Map.of("pipeline_id", 6), List.of(Map.of("pipeline_id", 6,
                        "name", "Acquiring i-0a1b2c3d4e5f60001", "subtasks", List.of(Map.of("name", "copy",
                                "state", "SUCCESS")))), Map.of("state", "running"), "pipeline 6 running")),
                42, true);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        engine.close();
        time.close();
    }

    private RunOutcome run(Journal journal) throws Exception {
        return run(chain, Map.of(), journal);
    }

    private RunOutcome run(Playbook playbook, Map<String, Object> inputs, Journal journal) throws Exception {
        RunRequest req = new RunRequest("bench", playbook, inputs, Map.of(), List.of(), Assets.none(),
                new UnavailablePromptHandler(), journal, time, 16, List.of(), null);
        return engine.start(req).outcome().toCompletableFuture().get();
    }

    /** The whole chain with the journal in memory only: the scheduler, the runtime and the plugin calls. */
    @Benchmark
    public RunOutcome chainInMemory() throws Exception {
        List<JournalEvent> events = new ArrayList<>();
        return run(events::add);
    }

    /** The whole chain with its journal written to a file, as a real run. */
    @Benchmark
    public RunOutcome chainWithJournalFile() throws Exception {
        Path file = Files.createTempFile(dir, "journal", ".jsonl");
        try (JsonlJournal j = new JsonlJournal(file, Redactor.none())) {
            return run(j);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** One block fanned out over {@code steps} rows (planning, then every execution), journal in memory. */
    @Benchmark
    public RunOutcome fanOutInMemory() throws Exception {
        List<JournalEvent> events = new ArrayList<>();
        return run(wide, Map.of("items", items), events::add);
    }

    /** The static checks of the chain (all data paths, edges, types). */
    @Benchmark
    public Object staticChecks() {
        return StaticChecks.run(chain, catalog, null);
    }

    /** One data path over a block of {@code steps} results. */
    @Benchmark
    public Object pathEvaluation() {
        return new PathEvaluator().values(path, data);
    }

    /** One execution_finished event as a journal line. */
    @Benchmark
    public String journalEncoding() {
        return JournalCodec.encode(finished, Redactor.none());
    }
}
