package dev.wisp.dsl.appspec;

import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes an app spec as a person would: one line per configuration field, parameter and output (YAML flow
 * mappings), keys in the format's order, values left out where they are the format's default. What it writes,
 * {@link AppSpecReader} reads back to the same app.
 */
public final class AppSpecWriter {
    private AppSpecWriter() {
    }

    /** The spec's YAML, after {@code header} (comment lines without {@code #}, may be empty). */
    public static String write(SpecOnlyApp app, List<String> header) {
        Yaml flow = flow();
        StringBuilder b = new StringBuilder();
        b.append("# yaml-language-server: $schema=https://wisp.dev/schema/app-spec.schema.json\n");
        header.forEach(h -> b.append(h.isEmpty() ? "#" : "# " + h).append('\n'));
        AppSpec spec = app.spec();
        boolean allOpen = !spec.actions().isEmpty() && app.openActions().size() == spec.actions().size();
        line(b, 0, "app", spec.id(), flow);
        line(b, 0, "name", spec.name(), flow);
        line(b, 0, "version", spec.version(), flow);
        if (!spec.description().isEmpty()) {
            line(b, 0, "description", spec.description(), flow);
        }
        if (allOpen) {
            line(b, 0, "open_outputs", true, flow);
        }
        if (!spec.configuration().isEmpty()) {
            b.append("configuration:\n");
            spec.configuration().forEach(f -> line(b, 2, f.name(), field(f), flow));
        }
        b.append(spec.actions().isEmpty() ? "actions: {}\n" : "actions:\n");
        for (ActionSpec a : spec.actions()) {
            b.append("  ").append(scalar(a.name(), flow)).append(":\n");
            if (!a.identifier().equals(a.name().replace(' ', '_'))) {
                line(b, 4, "identifier", a.identifier(), flow);
            }
            line(b, 4, "type", a.type().id(), flow);
            line(b, 4, "read_only", a.readOnly(), flow);
            if (a.idempotent() != a.readOnly()) {
                line(b, 4, "idempotent", a.idempotent(), flow);
            }
            if (!a.description().isEmpty()) {
                line(b, 4, "description", a.description(), flow);
            }
            if (!allOpen && app.openOutputs(a.name())) {
                line(b, 4, "open_outputs", true, flow);
            }
            if (!a.parameters().isEmpty()) {
                b.append("    parameters:\n");
                a.parameters().forEach(p -> line(b, 6, p.name(), parameter(p), flow));
            }
            if (!a.outputs().isEmpty()) {
                b.append("    outputs:\n");
                a.outputs().forEach(o -> b.append("      - ").append(scalar(output(o), flow)).append('\n'));
            }
        }
        return b.toString();
    }

    private static Map<String, Object> field(ConfigField f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", f.type().id());
        if (f.required()) {
            m.put("required", true);
        }
        if (f.defaultValue() != null) {
            m.put("default", f.defaultValue());
        }
        if (f.secret() != (f.type() == DataType.PASSWORD)) {
            m.put("secret", f.secret());
        }
        if (!f.description().isEmpty()) {
            m.put("description", f.description());
        }
        return m;
    }

    private static Map<String, Object> parameter(ParameterSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", p.type().id());
        if (p.required()) {
            m.put("required", true);
        }
        if (p.defaultValue() != null) {
            m.put("default", p.defaultValue());
        }
        if (!p.valueList().isEmpty()) {
            m.put("value_list", p.valueList());
        }
        if (!p.contains().isEmpty()) {
            m.put("contains", p.contains());
        }
        if (p.assetDefault() != null) {
            m.put("asset_default", p.assetDefault());
        }
        if (!p.description().isEmpty()) {
            m.put("description", p.description());
        }
        return m;
    }

    private static Map<String, Object> output(OutputSpec o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data_path", o.dataPath());
        m.put("type", o.type().id());
        if (!o.contains().isEmpty()) {
            m.put("contains", o.contains());
        }
        if (!o.examples().isEmpty()) {
            m.put("examples", o.examples());
        }
        return m;
    }

    private static void line(StringBuilder b, int indent, String key, Object value, Yaml flow) {
        b.append(" ".repeat(indent)).append(scalar(key, flow)).append(": ").append(scalar(value, flow)).append('\n');
    }

    /** One value on one line, quoted where YAML needs it. */
    private static String scalar(Object value, Yaml flow) {
        return flow.dump(value).strip();
    }

    private static Yaml flow() {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.FLOW);
        o.setWidth(Integer.MAX_VALUE);
        o.setSplitLines(false);
        o.setAllowUnicode(true);
        return new Yaml(o);
    }
}
