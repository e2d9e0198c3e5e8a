package dev.wisp.importer.soar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.CodeOutput;
import dev.wisp.dsl.model.Value;
import dev.wisp.importer.SoarNames;
import dev.wisp.spi.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SOAR code block as a Wisp code block: the generated function from the {@code .py} (its {@code collect2} calls,
 * the user's code between the Custom Code markers, its {@code save_run_data} calls), wrapped so it runs as a script
 * under Wisp's {@code phantom} stand-in; the {@code collect2} data paths and {@code inputParameters} are declared
 * as inputs, the {@code outputVariables} as outputs. Code calling what the stand-in does not have is not imported.
 */
final class CodeMapper {
    /** What Wisp's phantom module provides (docs/code-blocks.md). */
    static final Set<String> SUPPORTED = Set.of("collect2", "debug", "error", "save_run_data", "get_run_data",
            "format", "get_format_data", "get_container", "concatenate", "completed");
    private static final Pattern CALL = Pattern.compile("phantom\\.([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");
    private static final Pattern DATAPATHS = Pattern.compile("datapath\\s*=\\s*\\[([^\\]]*)\\]");
    private static final Pattern QUOTED = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'");
    /** How a generated function starts the next block: {@code next_block(container=container)}. */
    private static final Pattern NEXT = Pattern.compile(
            "^\\s*(?:join_)?([A-Za-z_][A-Za-z0-9_]*)\\(container=container(?:, handle=handle)?\\)\\s*$");
    private static final Pattern SAVE = Pattern.compile(
            "^(\\s*)phantom\\.save_run_data\\(key=\"([^\"]+)\",\\s*value=json\\.dumps\\((.*)\\)\\)\\s*$");

    private final Translation t;

    CodeMapper(Translation t) {
        this.t = t;
    }

    /** Why the code block cannot be carried over, or {@code null} when it can (nothing reported). */
    static String problem(SoarNode n, PythonCompanion python) {
        if (python == null) {
            return "its .py was not found";
        }
        Optional<List<String>> body = python.function(n.functionName());
        if (body.isEmpty()) {
            return "its Python was not found";
        }
        return unsupported(body.get()).isEmpty() ? null : "it calls " + String.join(", ", unsupported(body.get()));
    }

    private static Set<String> unsupported(List<String> lines) {
        Set<String> unsupported = new TreeSet<>();
        for (String line : lines) {
            Matcher m = CALL.matcher(line.replaceAll("#.*$", ""));
            while (m.find()) {
                if (!SUPPORTED.contains(m.group(1))) {
                    unsupported.add("phantom." + m.group(1));
                }
            }
        }
        return unsupported;
    }

    /** The code block, or empty (with an error) when the code cannot be carried over. */
    Optional<Block> code(SoarNode n) {
        if (t.python == null) {
            t.losses.node(n, Code.WSP103, n.pointer(), "code block not imported: its Python is in the generated "
                    + t.export.stem() + ".py beside the export, which was not found");
            return Optional.empty();
        }
        Optional<List<String>> body = t.python.function(n.functionName());
        if (body.isEmpty()) {
            t.losses.node(n, Code.WSP117, n.pointer(), t.python.file() + " has no function '" + n.functionName()
                    + "' (an export and .py of different versions?)");
            t.losses.node(n, Code.WSP103, n.pointer(), "code block not imported: its Python was not found");
            return Optional.empty();
        }
        List<String> lines = body.get();
        Set<String> unsupported = unsupported(lines);
        if (!unsupported.isEmpty()) {
            t.losses.node(n, Code.WSP103, n.pointer() + "/userCode", "code block not imported: it calls "
                    + String.join(", ", unsupported) + ", which Wisp's phantom stand-in does not have "
                    + "(docs/code-blocks.md); rewrite it as actions or code that computes only");
            t.pythonComment(n, "SOAR Python not imported", String.join("\n", custom(lines)));
            return Optional.empty();
        }
        Map<String, Value> inputs = new LinkedHashMap<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>();
        for (String path : paths(n, lines)) {
            Value v = t.values.text(n, path, n.dataPointer() + "/inputParameters");
            if (v instanceof Value.PathRef ref && !ref.text().equals(path)) {
                renamed.put(path, ref.text());
            }
            if (v instanceof Value.PathRef ref && inputs.values().stream()
                    .anyMatch(x -> x instanceof Value.PathRef r && r.text().equals(ref.text()))) {
                continue;
            }
            inputs.put(inputName(path, names), v);
        }
        Map<String, CodeOutput> outputs = new LinkedHashMap<>();
        JsonNode vars = n.data().path("outputVariables");
        for (int i = 0; i < vars.size(); i++) {
            String var = SoarNames.identifier(vars.get(i).asText());
            outputs.put(var, new CodeOutput(var, DataType.ANY, "", t.at(n.dataPointer() + "/outputVariables/" + i)));
        }
        String code = script(n, lines, renamed);
        t.losses.node(n, Code.WSP132, n.pointer(), "code block carried over from " + t.python.file()
                + ": it runs under Wisp's phantom stand-in (needs --allow-code); review it");
        return Optional.of(new Block.CodeBlock(t.info(n), code, t.at(n.pointer() + "/userCode"), null, inputs, outputs,
                List.of(), null, null));
    }

    /** The data paths the code reads: every {@code collect2} datapath, then the block's inputParameters. */
    private List<String> paths(SoarNode n, List<String> lines) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = DATAPATHS.matcher(String.join("\n", lines));
        while (m.find()) {
            Matcher q = QUOTED.matcher(m.group(1));
            while (q.find()) {
                out.add(q.group(1) != null ? q.group(1) : q.group(2));
            }
        }
        n.data().path("inputParameters").forEach(p -> {
            if (p.isTextual() && !p.textValue().isBlank()) {
                out.add(p.textValue());
            }
        });
        return new ArrayList<>(out);
    }

    private static String inputName(String path, Set<String> taken) {
        String tail = path.substring(path.lastIndexOf(':') + 1).replace("custom_function_result.data.", "")
                .replace("action_result.", "").replace("*", "");
        String base = SoarNames.identifier(tail).toLowerCase(Locale.ROOT);
        if (base.length() > 40) {
            base = SoarNames.identifier(base.substring(base.length() - 40));
        }
        String name = base;
        for (int k = 2; !taken.add(name); k++) {
            name = base + "_" + k;
        }
        return name;
    }

    /** The user's lines between the Custom Code markers (for comments). */
    private static List<String> custom(List<String> lines) {
        List<String> out = new ArrayList<>();
        boolean in = false;
        for (String l : lines) {
            if (l.contains("## Custom Code Start")) {
                in = true;
            } else if (l.contains("## Custom Code End")) {
                in = false;
            } else if (in && !l.matches("\\s*#+\\s*")) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * The script: the generated function unchanged but for the lines that only announce it, each
     * {@code save_run_data(key="block:var")} also setting output {@code var}, without the calls that start the
     * next blocks (Wisp's edges do that), then a call of the function.
     */
    private String script(SoarNode n, List<String> lines, Map<String, String> renamed) {
        Set<String> functions = new java.util.HashSet<>();
        t.export.nodes().values().forEach(x -> functions.add(x.functionName()));
        List<String> out = new ArrayList<>();
        out.add("# " + n.functionName() + "() as SOAR generated it (" + t.python.file() + "), run by Wisp's phantom "
                + "stand-in");
        out.add("import json");
        String global = t.export.coa().path("data").path("globalCustomCode").asText("");
        if (SoarNode.realCode(global)) {
            out.add("# SOAR global custom code");
            out.addAll(global.strip().lines().toList());
        }
        out.add("");
        out.add("");
        out.add("def " + n.functionName() + "(container=None, results=None, filtered_artifacts=None, "
                + "filtered_results=None, custom_function=None, **kwargs):");
        for (String line : lines) {
            if (line.strip().equals("phantom.debug(\"" + n.functionName() + "() called\")")
                    || line.matches("\\s*#{5,}\\s*")) {
                continue;
            }
            Matcher next = NEXT.matcher(line);
            if (next.matches() && functions.contains(next.group(1))) {
                continue;
            }
            String l = line.stripTrailing();
            for (var e : renamed.entrySet()) {
                l = l.replace("\"" + e.getKey() + "\"", "\"" + e.getValue() + "\"")
                        .replace("'" + e.getKey() + "'", "'" + e.getValue() + "'");
            }
            Matcher m = SAVE.matcher(l);
            if (m.matches()) {
                String key = m.group(2);
                String var = SoarNames.identifier(key.substring(key.indexOf(':') + 1));
                out.add(m.group(1) + "outputs[\"" + var + "\"] = " + m.group(3));
            }
            out.add(l);
        }
        if (!out.get(out.size() - 1).strip().equals("return")) {
            out.add("    return");
        }
        out.add("");
        out.add("");
        out.add(n.functionName() + "(container=phantom.get_container())");
        return String.join("\n", out) + "\n";
    }
}
