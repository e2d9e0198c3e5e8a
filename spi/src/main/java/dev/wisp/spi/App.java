package dev.wisp.spi;

/**
 * A Wisp app: a named set of actions on one kind of asset. Apps are found with {@link java.util.ServiceLoader};
 * a plugin jar lists its implementations in {@code META-INF/services/dev.wisp.spi.App}. An app must have a
 * public no-argument constructor and keep no mutable static state: one JVM may run many runs at once.
 */
public interface App {

    /** The app's metadata; must not touch the network. */
    AppSpec spec();

    /**
     * Opens a connection for one configured asset. The engine opens at most one per asset and run, shares it
     * between all executions on that asset (in parallel) and closes it when the run ends.
     */
    AppConnection connect(AssetConfig asset);
}
