package dev.wisp.dsl.check;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Value;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.ParameterSpec;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Action blocks against the apps: WSP030 unknown asset, WSP031 unknown app, WSP032 unknown action, WSP033 unknown
 * parameter, WSP034 missing required parameter, WSP035 literal of the wrong type, WSP036 unused asset, WSP012 an
 * action block without asset or app.
 */
final class ActionCheck implements Check {

    @Override
    public void run(CheckContext ctx) {
        Set<String> usedAssets = new HashSet<>();
        for (Asset a : ctx.playbook().assets().values()) {
            if (ctx.catalog().app(a.app()).isEmpty()) {
                ctx.report(Code.WSP031, a.appLocation(), "asset '" + a.name() + "' names app '" + a.app()
                        + "', which no installed plugin provides" + Suggest.hint(a.app(), appIds(ctx))
                        + " (see 'wisp actions')");
            }
        }
        for (Block b : ctx.playbook().blocks().values()) {
            if (b instanceof Block.ActionBlock a) {
                if (a.asset() != null) {
                    usedAssets.add(a.asset());
                }
                app(ctx, a).flatMap(app -> action(ctx, a, app)).ifPresent(spec -> parameters(ctx, a, spec));
            }
        }
        for (Asset a : ctx.playbook().assets().values()) {
            if (!usedAssets.contains(a.name())) {
                ctx.report(Code.WSP036, a.location(), "asset '" + a.name() + "' is declared but no block uses it");
            }
        }
    }

    private static List<String> appIds(CheckContext ctx) {
        return ctx.catalog().apps().stream().map(AppSpec::id).toList();
    }

    private static Optional<AppSpec> app(CheckContext ctx, Block.ActionBlock a) {
        if (a.asset() == null && a.app() == null) {
            ctx.report(Code.WSP012, a.location(), "action block '" + a.name() + "' needs 'asset:' (an asset declared "
                    + "under assets) or, for apps without configuration such as core, 'app:'");
            return Optional.empty();
        }
        if (a.asset() != null) {
            Asset asset = ctx.playbook().assets().get(a.asset());
            if (asset == null) {
                ctx.report(Code.WSP030, a.location(), "block '" + a.name() + "' uses asset '" + a.asset()
                        + "', which is not declared under assets" + Suggest.hint(a.asset(),
                        ctx.playbook().assets().keySet()));
                return Optional.empty();
            }
            return ctx.catalog().app(asset.app()); // an unknown app is reported once, at the asset
        }
        Optional<AppSpec> app = ctx.catalog().app(a.app());
        if (app.isEmpty()) {
            ctx.report(Code.WSP031, a.location(), "block '" + a.name() + "' names app '" + a.app()
                    + "', which no installed plugin provides" + Suggest.hint(a.app(), appIds(ctx)));
        } else if (app.get().configuration().stream().anyMatch(ConfigField::required)) {
            ctx.report(Code.WSP031, a.location(), "app '" + a.app() + "' needs configuration; declare an asset "
                    + "for it under assets and use 'asset:' instead of 'app:'");
            return Optional.empty();
        }
        return app;
    }

    private static Optional<ActionSpec> action(CheckContext ctx, Block.ActionBlock a, AppSpec app) {
        Optional<ActionSpec> spec = app.action(a.action());
        if (spec.isEmpty()) {
            ctx.report(Code.WSP032, a.actionLocation(), "app '" + app.id() + "' has no action '" + a.action() + "'"
                    + Suggest.hint(a.action(), app.actions().stream().map(ActionSpec::name).toList()));
        }
        return spec;
    }

    private static void parameters(CheckContext ctx, Block.ActionBlock a, ActionSpec spec) {
        for (Map.Entry<String, Value> e : a.parameters().entrySet()) {
            Optional<ParameterSpec> p = spec.parameter(e.getKey());
            if (p.isEmpty()) {
                ctx.report(Code.WSP033, e.getValue().location(), "action '" + spec.name() + "' has no parameter '"
                        + e.getKey() + "'" + Suggest.closest(e.getKey(),
                                spec.parameters().stream().map(ParameterSpec::name).toList())
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; its parameters are " + String.join(", ",
                                spec.parameters().stream().map(ParameterSpec::name).toList())));
            } else if (e.getValue() instanceof Value.Literal lit) {
                literal(ctx, a, p.get(), lit);
            }
        }
        for (ParameterSpec p : spec.parameters()) {
            if (p.required() && p.defaultValue() == null && p.assetDefault() == null
                    && !a.parameters().containsKey(p.name())) {
                ctx.report(Code.WSP034, a.location(), "action '" + spec.name() + "' in block '" + a.name()
                        + "' needs parameter '" + p.name() + "' (" + p.type().id() + ")"
                        + (p.description().isEmpty() ? "" : ": " + p.description()));
            }
        }
    }

    private static void literal(CheckContext ctx, Block.ActionBlock a, ParameterSpec p, Value.Literal lit) {
        Object v = lit.value();
        if (v == null) {
            if (p.required() && p.assetDefault() == null && p.defaultValue() == null) {
                ctx.report(Code.WSP035, lit.location(), "parameter '" + p.name() + "' is required and cannot be null");
            }
            return;
        }
        if (!p.type().accepts(v)) {
            ctx.report(Code.WSP035, lit.location(), "parameter '" + p.name() + "' of action '" + a.action()
                    + "' takes a " + p.type().id() + " value, not " + describe(v));
        } else if (!p.valueList().isEmpty() && !p.valueList().contains(String.valueOf(v))) {
            ctx.report(Code.WSP035, lit.location(), "parameter '" + p.name() + "' must be one of "
                    + String.join(", ", p.valueList()) + ", not '" + v + "'"
                    + Suggest.hint(String.valueOf(v), p.valueList()));
        }
    }

    static String describe(Object v) {
        if (v instanceof String s) {
            return "the text \"" + s + "\"";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof Map) {
            return "a mapping";
        }
        return (v instanceof Boolean ? "the boolean " : "the number ") + v;
    }
}
