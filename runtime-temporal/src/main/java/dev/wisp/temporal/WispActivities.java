package dev.wisp.temporal;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import java.util.List;
import java.util.Map;

/** What a run does outside its workflow: on a worker, with the worker's plugins, assets and secrets. */
@ActivityInterface
public interface WispActivities {
    /** What the workflow may know of these assets (never a secret). */
    @ActivityMethod(name = "WispAssets")
    Map<String, Wire.AssetInfo> assets(List<String> names);

    /** Runs one execution of an action; heartbeats while it runs. Failures are results, never exceptions. */
    @ActivityMethod(name = "WispExecute")
    Wire.Executed execute(Wire.Execution execution);

    /** Runs one execution of a code block (its Python, on this worker); heartbeats while it runs. */
    @ActivityMethod(name = "WispCode")
    Wire.Executed code(Wire.CodeRun run);

    /** Asks the app whether a lost execution took effect. */
    @ActivityMethod(name = "WispReconcile")
    Wire.Found reconcile(Wire.Reconciling reconciling);
}
