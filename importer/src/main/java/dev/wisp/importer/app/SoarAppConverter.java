package dev.wisp.importer.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.parse.Json;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.importer.SoarNames;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import dev.wisp.spi.ParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A SOAR app JSON (reference section 7) as a Wisp app spec. What does not map is reported, located in the JSON:
 * errors (WSP151-WSP154) when the app cannot be converted faithfully, warnings for what is converted with a loss
 * (WSP155-WSP161). Every action gets open outputs (docs/app-specs.md says why).
 */
public final class SoarAppConverter {
    private SoarAppConverter() {
    }

    /**
     * What converting one app JSON gave.
     *
     * @param app    the app spec, when there was no error
     * @param report every finding, sorted by location
     */
    public record Conversion(Optional<SpecOnlyApp> app, List<Diagnostic> report) {
        public Conversion {
            report = report.stream().sorted().toList();
        }
    }

    /** Converts the app JSON in {@code doc}; {@code specFile} is how the spec will be named. */
    public static Conversion convert(SourceDocument doc, String specFile) {
        Findings f = new Findings(doc);
        JsonNode root = doc.root();
        if (!root.isObject() || !(root.has("actions") || root.has("appid") || root.has("main_module"))) {
            f.error(Code.WSP151, "", "this is not a SOAR app JSON (it has no appid, name and actions)"
                    + (root.has("coa") ? "; it looks like a playbook export: use 'wisp import soar'" : ""));
            return new Conversion(Optional.empty(), f.all);
        }
        String name = f.text(root, "", "name", true);
        String version = f.text(root, "", "app_version", true);
        JsonNode actions = root.get("actions");
        if (actions == null || !actions.isArray()) {
            f.error(Code.WSP152, actions == null ? "" : "/actions", "'actions' must be a list of the app's actions");
        }
        if (f.failed()) {
            return new Conversion(Optional.empty(), f.all);
        }
        List<ConfigField> config = new ArrayList<>();
        JsonNode conf = root.path("configuration");
        conf.fields().forEachRemaining(e -> field(f, "/configuration/" + SourceDocument.escape(e.getKey()),
                e.getKey(), e.getValue()).ifPresent(config::add));
        List<ActionSpec> converted = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < actions.size(); i++) {
            String at = "/actions/" + i;
            Optional<ActionSpec> a = SoarActions.action(f, at, actions.get(i));
            if (a.isEmpty()) {
                continue;
            }
            Integer first = seen.putIfAbsent(a.get().name(), i);
            if (first != null) {
                f.error(Code.WSP153, at + "/action", "action '" + a.get().name() + "' is defined twice (first at line "
                        + doc.valueLocation("/actions/" + first).line() + "); a playbook could not say which it means");
                continue;
            }
            converted.add(a.get());
        }
        if (f.failed()) {
            return new Conversion(Optional.empty(), f.all);
        }
        String description = root.path("description").asText("");
        AppSpec spec = new AppSpec(SoarNames.appId(name), version, name, description, config, converted);
        Set<String> open = new LinkedHashSet<>();
        converted.forEach(a -> open.add(a.name()));
        return new Conversion(Optional.of(new SpecOnlyApp(spec, open, specFile)), f.all);
    }

    private static Optional<ConfigField> field(Findings f, String at, String name, JsonNode field) {
        Optional<DataType> type = SoarTypes.type(f, at, field, "configuration field '" + name + "'");
        if (type.isEmpty()) {
            return Optional.empty();
        }
        String description = field.path("description").asText("");
        if (field.has("value_list") && field.get("value_list").isArray() && !field.get("value_list").isEmpty()) {
            description = (description + " (one of: " + String.join(", ", SoarTypes.strings(f, at + "/value_list",
                    field.get("value_list"))) + ")").strip();
        }
        Object def = SoarTypes.defaultValue(f, at, field, type.get(), "configuration field '" + name + "'");
        return Optional.of(new ConfigField(name, type.get(), field.path("required").asBoolean(false), def,
                type.get() == DataType.PASSWORD, description));
    }

    /** The findings of one conversion, located in its document. */
    static final class Findings {
        final SourceDocument doc;
        final List<Diagnostic> all = new ArrayList<>();

        Findings(SourceDocument doc) {
            this.doc = doc;
        }

        void error(Code code, String pointer, String message) {
            all.add(Diagnostic.of(code, doc.valueLocation(pointer), message));
        }

        void warn(Code code, String pointer, String message) {
            all.add(Diagnostic.of(code, doc.valueLocation(pointer), message));
        }

        boolean failed() {
            return all.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        }

        /** A text key of an object; a missing or non-text one is an error when required. */
        String text(JsonNode node, String at, String key, boolean required) {
            JsonNode v = node.get(key);
            if (v != null && v.isTextual() && !v.textValue().isBlank()) {
                return v.textValue();
            }
            if (required) {
                error(Code.WSP152, v == null ? at : at + "/" + key, (v == null ? "missing '" + key + "'"
                        : "'" + key + "' must be a non-empty text, not " + v) + " in " + where(at));
            }
            return null;
        }

        static String where(String at) {
            return at.isEmpty() ? "the app" : at.startsWith("/actions/") ? "action " + at.substring(9) : at;
        }

        Object java(JsonNode n) {
            return Json.toJava(n);
        }
    }
}
