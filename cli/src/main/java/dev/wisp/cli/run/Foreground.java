package dev.wisp.cli.run;

import dev.wisp.engine.runs.RunResult;
import dev.wisp.engine.runs.Runs;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A run in the foreground of this process: Ctrl-C or SIGTERM cancels it (it ends at once, its journal closed with
 * its end), lets the command print the summary, then exits with 130 within about a second.
 */
public final class Foreground {
    private final PrintWriter err;
    private final CountDownLatch printed = new CountDownLatch(1);

    public Foreground(PrintWriter err) {
        this.err = err;
    }

    /** Waits for the run's end; a Ctrl-C meanwhile cancels it. */
    public RunResult await(Runs.Started run) throws InterruptedException {
        Thread hook = new Thread(() -> {
            run.cancel();
            try {
                run.result().toCompletableFuture().get(500, TimeUnit.MILLISECONDS);
                printed.await(1000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                // exiting anyway: the journal has everything up to here
            }
            err.flush();
            Runtime.getRuntime().halt(130);
        }, "wisp-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return run.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is already running and cancelled the run, which is how we got here
            }
        }
    }

    /** The command printed what it prints at the end of a run: a Ctrl-C may now end the process. */
    public void printed() {
        printed.countDown();
    }
}
