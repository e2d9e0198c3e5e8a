package dev.wisp.cli.docs;

import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Apps as {@code wisp actions --output json} prints them; the shape is documented in docs/cli.md. */
public final class AppJson {
    private AppJson() {
    }

    /** The list of apps: id, version, name, description, and how many actions. */
    public static Map<String, Object> list(List<AppSpec> apps) {
        return list(apps, dev.wisp.dsl.AppCatalog.empty());
    }

    /** As above; an app known only from its spec has {@code spec_only: true} and {@code spec_file}. */
    public static Map<String, Object> list(List<AppSpec> apps, dev.wisp.dsl.AppCatalog catalog) {
        return Map.of("apps", apps.stream().map(a -> {
            Map<String, Object> m = head(a);
            m.put("actions", a.actions().size());
            specOnly(m, a, catalog);
            return m;
        }).toList());
    }

    /** One app, marked as in {@link #list(List, dev.wisp.dsl.AppCatalog)}. */
    public static Map<String, Object> app(AppSpec a, dev.wisp.dsl.AppCatalog catalog) {
        Map<String, Object> m = app(a);
        specOnly(m, a, catalog);
        catalog.specOnly(a.id()).ifPresent(s -> m.put("open_outputs", s.openActions().stream().sorted().toList()));
        return m;
    }

    private static void specOnly(Map<String, Object> m, AppSpec a, dev.wisp.dsl.AppCatalog catalog) {
        catalog.specOnly(a.id()).ifPresent(s -> {
            m.put("spec_only", true);
            m.put("spec_file", s.file());
        });
    }

    /** One app with its configuration fields and its actions' parameters and outputs. */
    public static Map<String, Object> app(AppSpec a) {
        Map<String, Object> m = head(a);
        m.put("configuration", a.configuration().stream().map(AppJson::field).toList());
        m.put("actions", a.actions().stream().map(AppJson::action).toList());
        return m;
    }

    private static Map<String, Object> head(AppSpec a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("version", a.version());
        m.put("name", a.name());
        m.put("description", a.description());
        return m;
    }

    private static Map<String, Object> field(ConfigField f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("type", f.type().id());
        m.put("required", f.required());
        m.put("default", f.defaultValue());
        m.put("secret", f.secret());
        m.put("description", f.description());
        return m;
    }

    private static Map<String, Object> action(ActionSpec a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("identifier", a.identifier());
        m.put("type", a.type().id());
        m.put("description", a.description());
        m.put("read_only", a.readOnly());
        m.put("safe_to_repeat", a.idempotent());
        m.put("parameters", a.parameters().stream().map(AppJson::parameter).toList());
        m.put("outputs", a.outputs().stream().map(AppJson::output).toList());
        return m;
    }

    private static Map<String, Object> parameter(ParameterSpec p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("type", p.type().id());
        m.put("required", p.required());
        m.put("default", p.defaultValue());
        m.put("value_list", p.valueList());
        m.put("contains", p.contains());
        m.put("asset_default", p.assetDefault());
        m.put("description", p.description());
        m.put("example", p.example());
        return m;
    }

    private static Map<String, Object> output(OutputSpec o) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("data_path", o.dataPath());
        m.put("type", o.type().id());
        m.put("contains", o.contains());
        m.put("examples", o.examples());
        return m;
    }
}
