package dev.wisp.engine.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The data of one run that data paths read: the event (container and artifacts), the inputs, and each finished
 * block's state. Blocks are published once, when they finish; reads are lock-free.
 */
public final class RunData {
    private final Map<String, Object> container;
    private final List<Object> artifacts;
    private final Map<String, Object> inputs;
    private final Map<String, BlockState> blocks = new ConcurrentHashMap<>();

    public RunData(Map<String, Object> container, List<Object> artifacts, Map<String, Object> inputs) {
        this.container = Collections.unmodifiableMap(new LinkedHashMap<>(container));
        this.artifacts = Collections.unmodifiableList(new ArrayList<>(artifacts));
        this.inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public Map<String, Object> container() {
        return container;
    }

    public List<Object> artifacts() {
        return artifacts;
    }

    public Map<String, Object> inputs() {
        return inputs;
    }

    public BlockState block(String name) {
        return blocks.get(name);
    }

    public void publish(String name, BlockState state) {
        blocks.put(name, state);
    }

    /** The whole run as one JSON-like document, for raw JsonPath expressions ({@code $.blocks.b.results[*]}). */
    public Map<String, Object> document() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("container", container);
        doc.put("artifacts", artifacts);
        doc.put("inputs", inputs);
        Map<String, Object> b = new LinkedHashMap<>();
        blocks.forEach((name, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("results", s.results());
            m.put("formatted_data", s.formatted());
            m.put("outputs", s.outputs());
            b.put(name, m);
        });
        doc.put("blocks", b);
        return doc;
    }
}
