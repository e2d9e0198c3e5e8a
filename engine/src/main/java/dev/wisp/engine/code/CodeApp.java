package dev.wisp.engine.code;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.Value;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The engine's own app that runs a playbook's code blocks, so that a code block goes through the same path as an
 * action (journal, timeouts, masking, report, mocks in {@code wisp test}). Not installed through the plugin
 * registry: each run makes its own, for its playbook.
 */
public final class CodeApp implements App {
    /** The app id code blocks run on (not an installed app: {@code wisp test} mocks code blocks by name only). */
    public static final String ID = "code";
    /**
     * The asset name code blocks run on: not an identifier, so no asset of a playbook can share its connection
     * (the runtime opens one connection per asset name).
     */
    public static final String ASSET = "$code";
    /** The action each code block runs. */
    public static final String ACTION = "run code";

    private final Playbook playbook;
    private final CodeSettings settings;
    private final Map<String, Object> container;
    private final List<JournalEvent> prior;
    private final Map<String, Object> savedBefore;
    private final Map<String, Object> formatsBefore;

    /** The code app of one run: its playbook, settings, event container and earlier journal (when resuming). */
    public CodeApp(Playbook playbook, CodeSettings settings, Map<String, Object> container, List<JournalEvent> prior) {
        this.playbook = playbook;
        this.settings = settings;
        this.container = container;
        this.prior = List.copyOf(prior);
        this.savedBefore = Map.of();
        this.formatsBefore = Map.of();
    }

    /**
     * The code app of one execution of a run kept elsewhere (a Temporal workflow): what the run's earlier code
     * blocks saved ({@code save_run_data}) and formatted ({@code format(name=...)}) is given, not read from a journal.
     */
    public CodeApp(Playbook playbook, CodeSettings settings, Map<String, Object> container,
                   Map<String, Object> savedBefore, Map<String, Object> formatsBefore) {
        this.playbook = playbook;
        this.settings = settings;
        this.container = container;
        this.prior = List.of();
        this.savedBefore = new LinkedHashMap<>(savedBefore);
        this.formatsBefore = new LinkedHashMap<>(formatsBefore);
    }

    /**
     * What a successful code block's result says it saved for later blocks: its {@code run_data} and its
     * {@code formats}, each empty when it saved none.
     */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> saved(Map<String, Object> result) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> formats = new LinkedHashMap<>();
        if ("success".equals(result.get("status")) && result.get("summary") instanceof Map<?, ?> s) {
            if (s.get("run_data") instanceof Map<?, ?> r) {
                data.putAll((Map<String, Object>) r);
            }
            if (s.get("formats") instanceof Map<?, ?> r) {
                formats.putAll((Map<String, Object>) r);
            }
        }
        return List.of(data, formats);
    }

    @Override
    public AppSpec spec() {
        return new AppSpec(ID, "1", "Code blocks", "Runs Python code blocks", List.of(), List.of());
    }

    /** The spec of one code block's action: each input a parameter, each output a data path of its one result. */
    public static ActionSpec spec(Block.CodeBlock block) {
        List<ParameterSpec> params = new ArrayList<>();
        block.inputs().forEach((name, v) -> params.add(ParameterSpec.builder(name, v instanceof Value.PathRef
                ? DataType.LIST : DataType.ANY).build()));
        params.add(ParameterSpec.builder(CodeInputs.PHANTOM, DataType.OBJECT).build());
        List<OutputSpec> outputs = new ArrayList<>();
        block.outputs().values().forEach(o -> outputs.add(new OutputSpec("action_result.data.*." + o.name(), o.type(),
                List.of(), List.of())));
        // only computes: never needs an approval, and a repeat after a crash is harmless
        return new ActionSpec(ACTION, "run_code", ActionType.GENERIC, "Runs the block's Python", true, true, params,
                outputs);
    }

    /** The asset code blocks run on (nothing to configure). */
    public static AssetConfig asset() {
        return new AssetConfig(ASSET, ID, Map.of(), Set.of());
    }

    @Override
    public AppConnection connect(AssetConfig asset) {
        Map<String, Block.CodeBlock> blocks = new LinkedHashMap<>();
        playbook.blocks().values().forEach(b -> {
            if (b instanceof Block.CodeBlock c) {
                blocks.put(c.name(), c);
            }
        });
        Map<String, Object> saved = new LinkedHashMap<>(savedBefore);
        Map<String, Object> formats = new LinkedHashMap<>(formatsBefore);
        restore(saved, formats);
        return new CodeConnection(blocks, settings, container, saved, formats);
    }

    /** What code blocks saved before a resume, from their results in the earlier journal. */
    private void restore(Map<String, Object> saved, Map<String, Object> formats) {
        for (JournalEvent e : prior) {
            if (e instanceof JournalEvent.ExecutionFinished f && playbook.blocks().get(f.block())
                    instanceof Block.CodeBlock) {
                List<Map<String, Object>> s = saved(f.result());
                saved.putAll(s.get(0));
                formats.putAll(s.get(1));
            }
        }
    }
}
