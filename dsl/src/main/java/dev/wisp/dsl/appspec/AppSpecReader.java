package dev.wisp.dsl.appspec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.parse.Json;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.dsl.source.YamlReader;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads one app spec file ({@code apps/<id>.yaml}, the format of {@code docs/app-specs.md}) into the SPI's records:
 * YAML, then the JSON Schema, then the values the schema cannot check (a default that does not fit its type, an
 * output path declared twice). Every problem is a located diagnostic; nothing throws. Thread-safe.
 */
public final class AppSpecReader {
    private final YamlReader yaml = new YamlReader();

    /**
     * What reading produced.
     *
     * @param app         the app, when the file has no error
     * @param diagnostics every problem, sorted by location
     * @param document    the YAML document, or {@code null} when the file was not YAML
     */
    public record Result(Optional<SpecOnlyApp> app, List<Diagnostic> diagnostics, SourceDocument document) {
        public Result {
            diagnostics = diagnostics.stream().sorted().toList();
        }
    }

    /** Reads a file; {@code displayName} is how diagnostics name it. */
    public Result read(Path file, String displayName) {
        return finish(yaml.read(file, displayName), displayName);
    }

    /** Reads YAML text (tests, and the importer's check of what it wrote). */
    public Result readString(String text, String displayName) {
        return finish(yaml.readString(text, displayName), displayName);
    }

    private Result finish(YamlReader.Result read, String file) {
        List<Diagnostic> out = new ArrayList<>(read.diagnostics());
        SourceDocument doc = read.document();
        if (doc == null) {
            return new Result(Optional.empty(), out, null);
        }
        if (!doc.root().isObject()) {
            out.add(Diagnostic.of(Code.WSP075, doc.valueLocation(""), "an app spec is a mapping with app, version "
                    + "and actions (see docs/app-specs.md)"));
            return new Result(Optional.empty(), out, doc);
        }
        out.addAll(AppSpecSchema.shared().check(doc));
        if (out.stream().anyMatch(d -> d.severity() == Severity.ERROR)) {
            return new Result(Optional.empty(), out, doc);
        }
        SpecOnlyApp app = build(doc, out, file);
        boolean failed = out.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        return new Result(failed ? Optional.empty() : Optional.of(app), out, doc);
    }

    private static SpecOnlyApp build(SourceDocument doc, List<Diagnostic> out, String file) {
        JsonNode root = doc.root();
        String id = root.get("app").textValue();
        boolean appOpen = root.path("open_outputs").asBoolean(false);
        List<ConfigField> config = new ArrayList<>();
        root.path("configuration").fields().forEachRemaining(e -> {
            JsonNode f = e.getValue();
            DataType type = DataType.fromId(f.get("type").textValue());
            String at = "/configuration/" + SourceDocument.escape(e.getKey());
            Object def = value(doc, at, f, type, out);
            config.add(new ConfigField(e.getKey(), type, f.path("required").asBoolean(false), def,
                    f.has("secret") ? f.get("secret").booleanValue() : type == DataType.PASSWORD,
                    f.path("description").asText("")));
        });
        List<ActionSpec> actions = new ArrayList<>();
        Set<String> open = new LinkedHashSet<>();
        root.path("actions").fields().forEachRemaining(e -> {
            ActionSpec a = action(doc, e.getKey(), e.getValue(), out);
            actions.add(a);
            if (e.getValue().path("open_outputs").asBoolean(appOpen)) {
                open.add(a.name());
            }
        });
        AppSpec spec = new AppSpec(id, root.get("version").textValue(), root.path("name").asText(id),
                root.path("description").asText(""), config, actions);
        return new SpecOnlyApp(spec, open, file);
    }

    private static ActionSpec action(SourceDocument doc, String name, JsonNode a, List<Diagnostic> out) {
        String at = "/actions/" + SourceDocument.escape(name);
        List<ParameterSpec> params = new ArrayList<>();
        a.path("parameters").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            DataType type = DataType.fromId(p.get("type").textValue());
            Object def = value(doc, at + "/parameters/" + SourceDocument.escape(e.getKey()), p, type, out);
            params.add(new ParameterSpec(e.getKey(), type, p.path("required").asBoolean(false), def,
                    strings(p.get("value_list")), strings(p.get("contains")),
                    p.hasNonNull("asset_default") ? p.get("asset_default").textValue() : null,
                    p.path("description").asText(""), null));
        });
        List<OutputSpec> outputs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        JsonNode list = a.path("outputs");
        for (int i = 0; i < list.size(); i++) {
            JsonNode o = list.get(i);
            String path = o.get("data_path").textValue();
            if (!seen.add(path)) {
                out.add(Diagnostic.of(Code.WSP076, doc.valueLocation(at + "/outputs/" + i + "/data_path"),
                        "action '" + name + "' declares output " + path + " twice; keep one"));
                continue;
            }
            List<Object> examples = o.has("examples") ? castList(Json.toJava(o.get("examples"))) : List.of();
            outputs.add(new OutputSpec(path, DataType.fromId(o.get("type").textValue()), strings(o.get("contains")),
                    examples));
        }
        ActionType type = a.has("type") ? ActionType.fromId(a.get("type").textValue()) : ActionType.GENERIC;
        boolean readOnly = a.path("read_only").asBoolean(false);
        return new ActionSpec(name, a.has("identifier") ? a.get("identifier").textValue() : name.replace(' ', '_'),
                type, a.path("description").asText(""), readOnly, a.path("idempotent").asBoolean(readOnly), params,
                outputs);
    }

    /** A default value, checked against its type: the schema cannot tie one to the other. */
    private static Object value(SourceDocument doc, String at, JsonNode node, DataType type, List<Diagnostic> out) {
        if (!node.has("default")) {
            return null;
        }
        if (type == DataType.PASSWORD || node.path("secret").asBoolean(false)) {
            out.add(Diagnostic.of(Code.WSP075, doc.valueLocation(at + "/default"), AppSpecSchema.where(at)
                    + " is a secret and cannot have a default in a spec file (its value is not shown here); give it "
                    + "in the assets file as ${env:NAME} or ${file:PATH}"));
            return null;
        }
        Object v = Json.toJava(node.get("default"));
        if (!type.accepts(v)) {
            out.add(Diagnostic.of(Code.WSP075, doc.valueLocation(at + "/default"), "the default of "
                    + AppSpecSchema.where(at) + " is " + node.get("default") + ", which is not a " + type.id()
                    + " value"));
        }
        return v;
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n != null) {
            n.forEach(s -> out.add(s.textValue()));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }
}
