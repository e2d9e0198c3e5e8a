package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.CodeOutput;
import dev.wisp.dsl.model.Value;
import dev.wisp.dsl.path.DataPath;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.DataType;
import dev.wisp.spi.ParameterSpec;
import java.util.Map;
import java.util.Optional;

/**
 * Typed code block outputs, as {@link OutputTypeCheck} does for actions: WSP050 a
 * {@code <block>:custom_function:<name>} path whose block declares no such output; WSP051 an output whose declared
 * type does not fit the action parameter it feeds (a list, object or boolean fed to a string or number).
 */
final class CodeOutputCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        for (Block b : ctx.playbook().blocks().values()) {
            for (Value v : BlockValues.of(b)) {
                Optional<Read> read = read(ctx, v);
                if (read.isPresent() && read.get().output == null) {
                    Block.CodeBlock code = read.get().block;
                    ctx.report(Code.WSP050, v.location(), "code block '" + code.name() + "' has no output '"
                            + read.get().name + "'" + (code.outputs().isEmpty() ? "; declare it under outputs"
                            : Suggest.hint(read.get().name, code.outputs().keySet())));
                }
            }
            if (b instanceof Block.ActionBlock a) {
                ctx.actionOf(a).ifPresent(spec -> feeds(ctx, a, spec));
            }
        }
    }

    private record Read(Block.CodeBlock block, String name, CodeOutput output, boolean whole) {
    }

    private static Optional<Read> read(CheckContext ctx, Value v) {
        if (!(v instanceof Value.PathRef ref)) {
            return Optional.empty();
        }
        DataPath path = ref.path();
        while (path instanceof DataPath.FilteredPath fp) {
            path = fp.inner();
        }
        if (!(path instanceof DataPath.BlockPath bp) || !bp.root().equals("custom_function")
                || bp.segments().size() < 2
                || !(ctx.playbook().blocks().get(bp.block()) instanceof Block.CodeBlock code)) {
            return Optional.empty();
        }
        String name = bp.segments().get(1).toString();
        return Optional.of(new Read(code, name, code.outputs().get(name), bp.segments().size() == 2));
    }

    private static void feeds(CheckContext ctx, Block.ActionBlock a, ActionSpec spec) {
        for (Map.Entry<String, Value> e : a.parameters().entrySet()) {
            Optional<ParameterSpec> param = spec.parameter(e.getKey());
            Optional<Read> read = read(ctx, e.getValue());
            if (param.isEmpty() || read.isEmpty() || read.get().output == null || !read.get().whole) {
                continue;
            }
            DataType out = read.get().output.type();
            DataType p = param.get().type();
            boolean structured = out == DataType.BOOLEAN || out == DataType.OBJECT || out == DataType.LIST;
            boolean scalar = p == DataType.STRING || p == DataType.NUMERIC || p == DataType.PASSWORD;
            if (structured && scalar) {
                ctx.report(Code.WSP051, e.getValue().location(), "parameter '" + param.get().name() + "' of '"
                        + spec.name() + "' gets " + ((Value.PathRef) e.getValue()).text() + ", which is " + out.id() + ", but it takes a "
                        + p.id() + " value" + (out == DataType.LIST ? "; read one item with .* (an execution each)"
                        : ""));
            }
        }
    }
}
