package dev.wisp.cli;

/** The exit codes scripts and CI rely on. */
public final class ExitCodes {
    /** Success: valid, the run succeeded, every test passed. */
    public static final int OK = 0;
    /** The run failed, or a test failed. */
    public static final int FAILED = 1;
    /** A usage error: bad options, a path that does not exist, nothing to do. */
    public static final int USAGE = 2;
    /** A playbook (or test file) is invalid. */
    public static final int INVALID = 3;
    /** The run is suspended, waiting for an answer: continue it with {@code wisp resume}. */
    public static final int SUSPENDED = 4;
    /** {@code wisp import soar} wrote its playbooks, and the report names what they lost. */
    public static final int LOSSY = 5;
    /** The run was cancelled (Ctrl-C). */
    public static final int CANCELLED = 130;

    private ExitCodes() {
    }
}
