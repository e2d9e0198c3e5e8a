package dev.wisp.soar;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@code soar} app: what a playbook does to its event's case. Every successful execution marks its result as
 * case activity, so the run report lists it; with an asset that has {@code base_url} (and {@code token}) the
 * activity is also sent to Splunk SOAR ({@link SoarServer}), otherwise it is only recorded.
 */
public final class SoarApp implements App {
    private final AppSpec spec = SoarSpec.spec();

    @Override
    public AppSpec spec() {
        return spec;
    }

    @Override
    public AppConnection connect(AssetConfig asset) {
        boolean url = asset.string("base_url").isPresent();
        boolean token = asset.string("token").isPresent();
        if (url != token) {
            throw new IllegalArgumentException("asset '" + asset.name() + "': " + (url ? "base_url is set but token "
                    + "is not" : "token is set but base_url is not") + "; a Splunk SOAR asset needs both, and an "
                    + "asset with neither only records the case activity in the run report");
        }
        return url ? new SoarServer(asset) : new Recorder();
    }

    /** Reads the parameters, or answers the failed result that says which one is wrong. */
    static Object activityOrFailure(ActionContext ctx) {
        try {
            return Activity.of(ctx.actionName(), ctx.parameters());
        } catch (IllegalArgumentException e) {
            return ActionResult.failed(ctx.parameters(), ctx.actionName() + ": " + e.getMessage(),
                    ActionResult.Failure.PERMANENT);
        }
    }

    /** The result of an activity that took place: its headline in the summary, itself marked as case activity. */
    static ActionResult done(ActionContext ctx, Activity a, List<Object> data, boolean sent, String message) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put(a.headlineKey(), a.headline());
        summary.put("sent", sent);
        return ActionResult.success(ctx.parameters(), data, summary, message).withCaseActivity(a.what(),
                a.details());
    }

    /** Without a server: the activity is the run report's record of the case. */
    static final class Recorder implements AppConnection {
        /** Recording computes the result at once. */
        @Override
        public boolean nonBlocking() {
            return true;
        }

        @Override
        public CompletionStage<ActionResult> execute(ActionContext ctx) {
            Object read = activityOrFailure(ctx);
            if (read instanceof ActionResult failed) {
                return CompletableFuture.completedFuture(failed);
            }
            Activity a = (Activity) read;
            List<Object> data = a.what().equals("add tag") ? List.of(Map.of("tags", a.castTags())) : List.of();
            return CompletableFuture.completedFuture(done(ctx, a, data, false, a.what()
                    + ": recorded in the run report (no Splunk SOAR asset)"));
        }
    }
}
