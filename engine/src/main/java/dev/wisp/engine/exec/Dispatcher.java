package dev.wisp.engine.exec;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Bounds executions: at most the run's limit at once, and at most each block's {@code max_concurrency}. Used only
 * from the run's scheduler thread.
 */
final class Dispatcher {
    /** A queued execution. */
    interface Job {
        String block();

        int limit();

        /** Starts it; the job must call {@link Dispatcher#done} when it ends. */
        void start();

        /** Cancels it if it is running. */
        void cancel();
    }

    private final int max;
    private final Deque<Job> queue = new ArrayDeque<>();
    private final Set<Job> running = new LinkedHashSet<>();
    private final Map<String, Integer> perBlock = new HashMap<>();
    private boolean closed;

    Dispatcher(int max) {
        this.max = max;
    }

    void submit(Job job) {
        queue.add(job);
        pump();
    }

    void done(Job job) {
        if (running.remove(job)) {
            perBlock.merge(job.block(), -1, Integer::sum);
        }
        pump();
    }

    boolean busy() {
        return !running.isEmpty() || !queue.isEmpty();
    }

    /** Cancels what runs and drops what waits. */
    void cancelAll() {
        closed = true;
        queue.clear();
        Set.copyOf(running).forEach(Job::cancel);
    }

    /** Drops the queued jobs of a block (e.g. the run stopped). */
    int dropQueued() {
        int n = queue.size();
        queue.clear();
        return n;
    }

    private void pump() {
        int scanned = queue.size();
        while (!closed && running.size() < max && scanned-- > 0) {
            Job job = queue.poll();
            if (perBlock.getOrDefault(job.block(), 0) >= job.limit()) {
                queue.add(job); // this block is at its limit; others may go first
                continue;
            }
            running.add(job);
            perBlock.merge(job.block(), 1, Integer::sum);
            job.start();
        }
    }
}
