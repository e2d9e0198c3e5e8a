package dev.wisp.plugins.core;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The built-in {@code core} app: the utility actions SOAR authors write as custom functions (list demux/merge/
 * deduplicate, regex extract, string helpers, set value, sleep, debug). It has no configuration, so playbooks name
 * it with {@code app: core} instead of an asset.
 */
public final class CoreApp implements App {
    public static final String ID = "core";

    private final Map<String, CoreAction> actions;
    private final AppSpec spec;

    public CoreApp() {
        List<CoreAction> all = new ArrayList<>();
        all.addAll(ValueActions.all());
        all.addAll(ListActions.all());
        all.addAll(StringActions.all());
        Map<String, CoreAction> byName = new LinkedHashMap<>();
        all.forEach(a -> byName.put(a.spec().name(), a));
        this.actions = Map.copyOf(byName);
        this.spec = new AppSpec(ID, "0.1.0", "Core utilities",
                "Built-in utility actions: lists, strings, regular expressions, values, sleep and debug.", List.of(),
                all.stream().map(CoreAction::spec).toList());
    }

    @Override
    public AppSpec spec() {
        return spec;
    }

    @Override
    public AppConnection connect(AssetConfig asset) {
        return new AppConnection() {
            @Override
            public CompletionStage<ActionResult> execute(ActionContext context) {
                return CoreApp.this.execute(context);
            }

            /** Every core action computes its answer at once, or waits only through the context (sleep). */
            @Override
            public boolean nonBlocking() {
                return true;
            }
        };
    }

    private CompletionStage<ActionResult> execute(ActionContext context) {
        CoreAction action = actions.get(context.actionName());
        if (action == null) {
            return CompletableFuture.completedFuture(ActionResult.failed(context.parameters(),
                    "the core app has no action '" + context.actionName() + "'"));
        }
        return action.execute(context);
    }

    /** The specs, for tests and documentation. */
    List<ActionSpec> actionSpecs() {
        return spec.actions();
    }
}
