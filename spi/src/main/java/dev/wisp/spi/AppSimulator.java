package dev.wisp.spi;

/**
 * A stand-in for the server of an app, for demos and trying a playbook out: {@code wisp run --simulate} starts one
 * per app the playbook uses (found with {@link java.util.ServiceLoader}) and points the playbook's assets of that
 * app at it. A simulator lives as long as the process; a run against one cannot be resumed by another process.
 */
public interface AppSimulator {
    /** The app it stands in for (its {@link AppSpec#id()}). */
    String app();

    /** Starts a simulation on loopback. */
    Simulation start();

    /** A running simulation. */
    interface Simulation extends AutoCloseable {
        /** Where it listens and what it holds, in one line, for the user. */
        String describe();

        /** The configuration of asset {@code name} of the app, pointing at this simulation (its secrets marked). */
        AssetConfig asset(String name);

        /** Stops it. */
        @Override
        void close();
    }
}
