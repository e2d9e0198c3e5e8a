package dev.wisp.importer.soar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.check.Sources;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Combine;
import dev.wisp.dsl.model.Edge;
import dev.wisp.dsl.model.Input;
import dev.wisp.dsl.model.Join;
import dev.wisp.dsl.model.Output;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.Value;
import dev.wisp.importer.SoarNames;
import dev.wisp.spi.DataType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code wisp import soar}: one modern SOAR playbook export (and the Python generated beside it) as a Wisp
 * playbook, following section 5 of the export format notes, with every loss reported as a located diagnostic.
 * Reads text only, never runs anything; stateless and thread-safe.
 */
public final class SoarImporter {

    /**
     * One export to import.
     *
     * @param file       the export as named in diagnostics
     * @param text       its JSON text
     * @param python     the generated Python beside it, or {@code null} when there is none
     * @param pythonFile the Python file as named in messages
     */
    public record Source(String file, String text, String python, String pythonFile) {
    }

    /**
     * The outcome of one import.
     *
     * @param file     the export as named in diagnostics
     * @param name     the playbook's name (the export's file stem, as an identifier)
     * @param playbook the imported playbook, or empty when the file could not be read as an export
     * @param losses   what was lost or changed, in the order found
     */
    public record Result(String file, String name, Optional<ImportedPlaybook> playbook, List<Loss> losses) {
        public Result {
            losses = List.copyOf(losses);
        }

        public long count(Severity s) {
            return losses.stream().filter(l -> l.diagnostic().severity() == s).count();
        }

        public List<Diagnostic> diagnostics() {
            return losses.stream().map(Loss::diagnostic).sorted().toList();
        }
    }

    /**
     * Imports one export.
     *
     * @param source         the export
     * @param stem           its file name without {@code .json}: the playbook's name
     * @param knownPlaybooks the names of the playbooks imported together (sub-playbooks found among them)
     */
    public Result importExport(Source source, String stem, Set<String> knownPlaybooks) {
        String name = SoarNames.identifier(stem);
        LocatedJson json;
        try {
            json = LocatedJson.parse(source.text(), source.file());
        } catch (LocatedJson.SyntaxError e) {
            return new Result(source.file(), name, Optional.empty(), List.of(new Loss(null, null,
                    Diagnostic.of(Code.WSP100, e.location(), e.getMessage()))));
        }
        SoarExport.Result read = SoarExport.of(json, stem);
        if (!read.ok()) {
            return new Result(source.file(), name, Optional.empty(),
                    read.problems().stream().map(d -> new Loss(null, null, d)).toList());
        }
        SoarExport export = read.export();
        Losses losses = new Losses(json);
        PythonCompanion python = source.python() == null ? null
                : PythonCompanion.parse(source.pythonFile(), source.python());
        Translation t = new Translation(export, losses, python, knownPlaybooks);
        if (python == null && export.blocks().stream().anyMatch(b -> b.type().equals("code"))) {
            losses.playbook(Code.WSP117, "", "no " + source.pythonFile() + " beside the export: the code blocks' "
                    + "Python is in it, so they cannot be imported (give the .py from the export's .tgz)");
        }
        t.values = values(t, python);
        return new Result(source.file(), name, Optional.of(translate(t, name)), losses.all());
    }

    /** Decides, before any value is read, which blocks are rewritten or not imported, so paths into them are right. */
    private static ValueMapper values(Translation t, PythonCompanion python) {
        Map<String, UnaryOperator<String>> rewrites = new HashMap<>();
        Map<String, String> notImported = new HashMap<>();
        for (SoarNode n : t.export.blocks()) {
            switch (n.type()) {
                case "utility" -> {
                    CallPlan plan = UtilityMapper.plan(n);
                    if (plan == null) {
                        notImported.put(n.name(), UtilityMapper.whyNot(n));
                    } else {
                        rewrites.put(n.name(), plan.rewrite() == null ? rest -> null : plan.rewrite());
                    }
                }
                case "missionControl" -> notImported.put(n.name(), "a Mission Control block");
                case "code" -> {
                    String why = CodeMapper.problem(n, python);
                    if (why != null) {
                        notImported.put(n.name(), "a code block: " + why);
                    }
                }
                case "action", "filter", "decision", "format", "prompt", "playbook" -> {
                }
                default -> notImported.put(n.name(), "unknown block type '" + n.type() + "'");
            }
        }
        Set<String> inputs = new HashSet<>();
        t.export.coa().path("input_spec").forEach(s -> inputs.add(SoarNames.identifier(s.path("name").asText(""))));
        return new ValueMapper(t.export.blockNames(), inputs, rewrites, notImported, t.losses);
    }

    private ImportedPlaybook translate(Translation t, String name) {
        SoarExport x = t.export;
        BlockMapper blocks = new BlockMapper(t);
        UtilityMapper utilities = new UtilityMapper(t);
        CodeMapper code = new CodeMapper(t);
        Map<String, Block> byId = new LinkedHashMap<>();
        for (SoarNode n : x.blocks()) {
            byId.put(n.id(), block(t, n, blocks, utilities, code));
            String custom = n.advanced("customName").asText("");
            if (!custom.isBlank() && !custom.equals(n.name()) && !custom.replace(' ', '_').equals(n.name())) {
                t.comments.computeIfAbsent(n.name(), k -> new ArrayList<>()).add(0, "SOAR block '" + custom + "'");
            }
            String note = n.advanced("note").asText("").strip();
            if (!note.isEmpty() && !note.equals(Translation.description(n))) {
                note.lines().forEach(l -> t.comment(n, "note: " + l));
            }
        }
        endBlock(t);
        GraphMapper graph = new GraphMapper(t, blocks.ports);
        List<Edge> edges = graph.endEdges(byId, graph.edges(byId));
        Map<String, Join> joins = graph.joins(byId);
        Map<String, SoarNode> byName = new LinkedHashMap<>();
        x.blocks().forEach(n -> byName.put(n.name(), n));
        Map<String, Block> ordered = new LinkedHashMap<>();
        for (String b : graph.order(edges, byName)) {
            Block block = byId.get(byName.get(b).id());
            Join join = joins.getOrDefault(b, Join.ALL);
            ordered.put(b, join == block.info().join() ? block : GraphMapper.withJoin(block, join));
        }
        Playbook draft = new Playbook(name, description(t), x.json().file(), t.assets, inputs(t), outputs(t),
                ordered, sortEdges(edges, ordered), t.at(""));
        Playbook playbook = withCombine(draft);
        return new ImportedPlaybook(playbook, header(t), t.comments);
    }

    private static Block block(Translation t, SoarNode n, BlockMapper blocks, UtilityMapper utilities,
                               CodeMapper code) {
        switch (n.type()) {
            case "action" -> {
                return blocks.action(n);
            }
            case "filter" -> {
                return blocks.filter(n);
            }
            case "decision" -> {
                return blocks.decision(n);
            }
            case "format" -> {
                return blocks.format(n);
            }
            case "prompt" -> {
                return blocks.prompt(n);
            }
            case "playbook" -> {
                return blocks.playbook(n);
            }
            case "code" -> {
                return code.code(n).orElseGet(() -> blocks.placeholder(n, "SOAR code block"));
            }
            case "utility" -> {
                CallPlan plan = UtilityMapper.plan(n);
                if (plan != null) {
                    return utilities.block(n, plan);
                }
                t.losses.node(n, Code.WSP104, n.pointer(), UtilityMapper.whyNot(n) + "; not imported");
                blocks.blockCode(n, "it changes the call");
                return blocks.placeholder(n, "SOAR " + (n.text("utilityType").equals("api") ? "API call '"
                        : "custom function '") + UtilityMapper.function(n) + "'");
            }
            case "missionControl" -> {
                t.losses.node(n, Code.WSP105, n.pointer(), "Mission Control block ('" + n.text("action")
                        + "') acts on SOAR's built-in case management, which Wisp does not have; not imported");
                blocks.blockCode(n, "it changes the call");
                return blocks.placeholder(n, "SOAR Mission Control '" + n.text("action") + "'");
            }
            default -> {
                t.losses.node(n, Code.WSP107, n.pointer() + "/type", "unknown block type '" + n.type()
                        + "'; not imported");
                blocks.blockCode(n, "it belongs to the block");
                return blocks.placeholder(n, "SOAR block of type '" + n.type() + "'");
            }
        }
    }

    /** Code on SOAR's start and end blocks (the end's often fills the outputs) has no Wisp form. */
    private static void endBlock(Translation t) {
        SoarNode start = t.export.start();
        if (start.hasRealUserCode() || start.hasCustomCode()) {
            t.losses.node(start, Code.WSP103, start.pointer() + (start.hasCustomCode() ? "/customCode" : "/userCode"),
                    "custom Python on the start block is not imported");
        }
        SoarNode end = t.export.end();
        if (end.hasRealUserCode() || end.hasCustomCode()) {
            t.losses.node(end, Code.WSP103, end.pointer() + (end.hasCustomCode() ? "/customCode" : "/userCode"),
                    "custom Python on the end block is not imported (it may fill the playbook's outputs)");
        }
    }

    private static String description(Translation t) {
        return t.export.coa().path("data").path("description").asText("").strip();
    }

    private static Map<String, Input> inputs(Translation t) {
        Map<String, Input> out = new LinkedHashMap<>();
        JsonNode spec = t.export.coa().path("input_spec");
        for (int i = 0; i < spec.size(); i++) {
            JsonNode s = spec.get(i);
            String pointer = "/coa/input_spec/" + i;
            String name = SoarNames.identifier(s.path("name").asText(""));
            List<String> contains = new ArrayList<>();
            s.path("contains").forEach(c -> contains.add(c.asText()));
            out.put(name, new Input(name, DataType.LIST, false, null, contains, s.path("description").asText(""),
                    t.at(pointer)));
        }
        return out;
    }

    private static Map<String, Output> outputs(Translation t) {
        Map<String, Output> out = new LinkedHashMap<>();
        JsonNode spec = t.export.coa().path("output_spec");
        SoarNode end = t.export.end();
        for (int i = 0; i < spec.size(); i++) {
            JsonNode s = spec.get(i);
            String pointer = "/coa/output_spec/" + i;
            String name = SoarNames.identifier(s.path("name").asText(""));
            List<Value> paths = t.values.values(end, s.path("datapaths"), pointer + "/datapaths");
            Value value;
            if (paths.isEmpty()) {
                t.losses.playbook(Code.WSP109, pointer, "output '" + name + "' has no data path (SOAR's end-block "
                        + "code fills it); it is imported as null");
                value = new Value.Literal(null, t.at(pointer));
            } else {
                value = paths.get(0);
                if (paths.size() > 1) {
                    t.losses.playbook(Code.WSP111, pointer + "/datapaths", "output '" + name + "' has "
                            + paths.size() + " data paths, which SOAR concatenates; Wisp's output is the first, "
                            + s.path("datapaths").get(0).asText());
                }
            }
            if (s.path("deduplicate").asBoolean(false)) {
                t.losses.playbook(Code.WSP111, pointer + "/deduplicate", "output '" + name + "' is deduplicated "
                        + "in SOAR; Wisp returns the values as they are");
            }
            out.put(name, new Output(name, value, s.path("description").asText("")));
        }
        return out;
    }

    /** Provenance and SOAR settings that have no slot in Wisp, for the file's first lines. */
    private static List<String> header(Translation t) {
        JsonNode root = t.export.json().root();
        JsonNode coa = t.export.coa();
        List<String> out = new ArrayList<>();
        String version = coa.path("version").asText("");
        String file = java.nio.file.Path.of(t.export.json().file()).getFileName().toString();
        out.add("Imported by wisp import soar from " + file + " (" + (version.isEmpty() ? ""
                : "SOAR " + version + ", ") + "schema " + coa.path("schema").asText("?") + ")");
        List<String> dropped = new ArrayList<>();
        String type = coa.path("playbook_type").asText("");
        if (!type.isEmpty()) {
            out.add("SOAR playbook type: " + type + (type.equals("automation")
                    ? " (run it with --event)" : " (an input playbook: called as a sub-playbook)"));
        }
        for (String key : List.of("category", "labels", "tags")) {
            JsonNode v = root.path(key);
            if (!v.isMissingNode() && !v.isNull() && !(v.isContainerNode() && v.isEmpty())
                    && !(v.isTextual() && v.textValue().isBlank())) {
                out.add("SOAR " + key + ": " + (v.isTextual() ? v.textValue() : v.toString()));
                dropped.add(key);
            }
        }
        String notes = coa.path("data").path("notes").asText("").strip();
        if (!notes.isEmpty()) {
            out.add("SOAR notes:");
            notes.lines().forEach(l -> out.add("  " + l));
        }
        if (!dropped.isEmpty()) {
            t.losses.playbook(Code.WSP130, "/" + dropped.get(0), "SOAR " + String.join(", ", dropped)
                    + " have no Wisp slot; kept as comments at the top of the playbook");
        }
        String global = coa.path("data").path("globalCustomCode").asText("");
        if (SoarNode.realCode(global)) {
            t.losses.playbook(Code.WSP119, "/coa/data/globalCustomCode", "global custom code is copied into every "
                    + "code block (Wisp has no playbook-level Python)");
        }
        return out;
    }

    /** SOAR combines parameters from different sources as a product: say so, which also silences WSP045. */
    private static Playbook withCombine(Playbook p) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        for (Block b : p.blocks().values()) {
            if (b instanceof Block.ActionBlock a && a.combine() == null) {
                Set<String> sources = new HashSet<>();
                for (Value v : a.parameters().values()) {
                    String s = Sources.multiValuedSource(p, v);
                    if (s != null && !(v instanceof Value.PathRef ref
                            && ref.path() instanceof dev.wisp.dsl.path.DataPath.BlockPath bp
                            && !p.blocks().containsKey(bp.block()))) {
                        sources.add(s);
                    }
                }
                if (sources.size() > 1) {
                    b = new Block.ActionBlock(a.info(), a.action(), a.actionLocation(), a.asset(), a.app(),
                            a.parameters(), Combine.PRODUCT, a.maxConcurrency(), a.timeout(), a.retry(), a.repeat(),
                            a.onFailure());
                }
            }
            blocks.put(b.name(), b);
        }
        return new Playbook(p.name(), p.description(), p.file(), p.assets(), p.inputs(), p.outputs(), blocks,
                p.edges(), p.location());
    }

    /** Edges in the order of their source block (start first), then as SOAR wrote them. */
    private static List<Edge> sortEdges(List<Edge> edges, Map<String, Block> ordered) {
        List<String> order = new ArrayList<>(ordered.keySet());
        List<Edge> out = new ArrayList<>(edges);
        out.sort(java.util.Comparator.comparingInt(e -> e.from().equals(Edge.START) ? -1 : order.indexOf(e.from())));
        return out;
    }
}
