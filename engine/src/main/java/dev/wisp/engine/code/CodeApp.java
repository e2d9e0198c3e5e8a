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

    /** The code app of one run: its playbook, settings, event container and earlier journal (when resuming). */
    public CodeApp(Playbook playbook, CodeSettings settings, Map<String, Object> container, List<JournalEvent> prior) {
        this.playbook = playbook;
        this.settings = settings;
        this.container = container;
        this.prior = List.copyOf(prior);
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
        Map<String, Object> saved = new LinkedHashMap<>();
        Map<String, Object> formats = new LinkedHashMap<>();
        restore(saved, formats);
        return new CodeConnection(blocks, settings, container, saved, formats);
    }

    /** What code blocks saved before a resume, from their results in the earlier journal. */
    @SuppressWarnings("unchecked")
    private void restore(Map<String, Object> saved, Map<String, Object> formats) {
        for (JournalEvent e : prior) {
            if (e instanceof JournalEvent.ExecutionFinished f && playbook.blocks().get(f.block())
                    instanceof Block.CodeBlock && f.result().get("summary") instanceof Map<?, ?> s
                    && "success".equals(f.result().get("status"))) {
                if (s.get("run_data") instanceof Map<?, ?> r) {
                    saved.putAll((Map<String, Object>) r);
                }
                if (s.get("formats") instanceof Map<?, ?> r) {
                    formats.putAll((Map<String, Object>) r);
                }
            }
        }
    }
}
