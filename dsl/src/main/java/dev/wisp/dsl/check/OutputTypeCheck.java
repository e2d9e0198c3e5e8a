package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.dsl.path.Segment;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Typed data paths from the apps' declared outputs: WSP050 a path into an action's results that the action does
 * not produce (WSP078, a warning, for a path under {@code action_result.data} of an action with open outputs);
 * WSP051 a value whose declared type or {@code contains} does not fit the parameter it feeds.
 *
 * <p>Type rule: a boolean, object or list output does not fit a string or numeric parameter; anything fits an
 * {@code any} parameter. {@code contains} rule: when both the output and the parameter declare semantic types and
 * they share none, the value is of the wrong kind (e.g. a pipeline's name fed to a pipeline id).
 */
final class OutputTypeCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            for (Value v : BlockValues.of(b)) {
                resolve(ctx, v).ifPresent(r -> unknownOutput(ctx, r, v.location()));
            }
            if (b instanceof Block.ActionBlock a) {
                ctx.actionOf(a).ifPresent(spec -> feeds(ctx, a, spec));
            }
        }
    }

    private record Resolved(String block, ActionSpec spec, String normalized, OutputSpec output, boolean known,
                            boolean open, String text) {
    }

    /** The action output a value reads, when it reads an action block's results. */
    private static Optional<Resolved> resolve(CheckContext ctx, Value v) {
        if (!(v instanceof Value.PathRef ref)) {
            return Optional.empty();
        }
        DataPath path = ref.path();
        while (path instanceof DataPath.FilteredPath fp) {
            path = fp.inner();
        }
        if (!(path instanceof DataPath.BlockPath bp) || !bp.root().equals("action_result")
                || !(ctx.playbook().blocks().get(bp.block()) instanceof Block.ActionBlock target)) {
            return Optional.empty();
        }
        Optional<ActionSpec> spec = ctx.actionOf(target);
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String appId = ctx.appOf(target).map(dev.wisp.spi.AppSpec::id).orElseThrow();
        String normalized = bp.segments().stream().map(s -> s instanceof Segment.Index ? "*" : s.toString())
                .collect(Collectors.joining("."));
        OutputSpec exact = spec.get().output(normalized).orElse(null);
        boolean known = exact != null || builtIn(spec.get(), normalized) || isPrefix(spec.get(), normalized)
                || belowAny(spec.get(), normalized);
        boolean open = ctx.catalog().openOutputs(appId, spec.get().name())
                && (normalized.equals("action_result.data") || normalized.startsWith("action_result.data."));
        return Optional.of(new Resolved(bp.block(), spec.get(), normalized, exact, known, open, ref.text()));
    }

    private static boolean builtIn(ActionSpec spec, String path) {
        if (path.equals("action_result.status") || path.equals("action_result.message")) {
            return true;
        }
        return path.startsWith("action_result.parameter.")
                && spec.parameter(path.substring("action_result.parameter.".length())).isPresent();
    }

    private static boolean isPrefix(ActionSpec spec, String path) {
        return spec.outputs().stream().anyMatch(o -> o.dataPath().startsWith(path + "."));
    }

    /** A path into an output of type {@code any}, whose value may be an object or a list of any shape. */
    private static boolean belowAny(ActionSpec spec, String path) {
        return spec.outputs().stream().anyMatch(o -> o.type() == dev.wisp.spi.DataType.ANY
                && path.startsWith(o.dataPath() + "."));
    }

    private static void unknownOutput(CheckContext ctx, Resolved r, Location at) {
        if (r.known) {
            return;
        }
        List<String> declared = r.spec.outputs().stream().map(OutputSpec::dataPath).toList();
        if (r.open) {
            ctx.report(Code.WSP078, at, "action '" + r.spec.name() + "' (block '" + r.block + "') has open outputs "
                    + "and does not declare " + r.normalized + Suggest.closestPath(r.normalized, declared)
                    .map(s -> " (did you mean " + s + "?)").orElse("") + "; it is read as it comes at run time");
            return;
        }
        ctx.report(Code.WSP050, at, "action '" + r.spec.name() + "' (block '" + r.block + "') does not produce "
                + r.normalized + Suggest.closestPath(r.normalized, declared).map(s -> "; did you mean " + s + "?")
                .orElse("; see its outputs with 'wisp actions'"));
    }

    private static void feeds(CheckContext ctx, Block.ActionBlock a, ActionSpec spec) {
        for (Map.Entry<String, Value> e : a.parameters().entrySet()) {
            Optional<ParameterSpec> param = spec.parameter(e.getKey());
            Optional<Resolved> source = resolve(ctx, e.getValue());
            if (param.isEmpty() || source.isEmpty() || source.get().output == null) {
                continue;
            }
            OutputSpec out = source.get().output;
            ParameterSpec p = param.get();
            String problem = mismatch(out, p, source.get());
            if (problem != null) {
                ctx.report(Code.WSP051, e.getValue().location(), "parameter '" + p.name() + "' of '" + spec.name()
                        + "' gets " + source.get().text + ", " + problem);
            }
        }
    }

    private static String mismatch(OutputSpec out, ParameterSpec p, Resolved source) {
        Set<String> shared = new HashSet<>(out.contains());
        shared.retainAll(p.contains());
        if (!out.contains().isEmpty() && !p.contains().isEmpty() && shared.isEmpty()) {
            return "which is " + describe(out.contains()) + ", but it takes " + describe(p.contains())
                    + rightOutput(source, p);
        }
        boolean structured = out.type() == DataType.BOOLEAN || out.type() == DataType.OBJECT
                || out.type() == DataType.LIST;
        boolean scalarParam = p.type() == DataType.STRING || p.type() == DataType.NUMERIC
                || p.type() == DataType.PASSWORD;
        if (structured && scalarParam) {
            return "which is " + out.type().id() + ", but it takes a " + p.type().id() + " value";
        }
        return null;
    }

    /** The output of the same action that holds what the parameter takes, closest to the one given. */
    private static String rightOutput(Resolved source, ParameterSpec p) {
        List<String> fitting = source.spec.outputs().stream()
                .filter(o -> o.contains().stream().anyMatch(p.contains()::contains))
                .map(OutputSpec::dataPath).toList();
        Optional<String> best = Suggest.closestPath(source.normalized, fitting)
                .or(() -> fitting.stream().findFirst());
        return best.map(path -> "; use " + source.block + ":" + path)
                .orElse("; action '" + source.spec.name() + "' has no output that holds " + describe(p.contains()));
    }

    private static String describe(List<String> contains) {
        return contains.size() == 1 ? "a '" + contains.get(0) + "'"
                : "one of " + String.join(", ", contains.stream().map(c -> "'" + c + "'").toList());
    }
}
