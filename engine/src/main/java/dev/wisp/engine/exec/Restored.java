package dev.wisp.engine.exec;

import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.spi.ActionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an earlier journal of this run says already happened: finished blocks (restored whole) and finished
 * executions of blocks that had not finished (reused, so an action that completed is never run again).
 */
final class Restored {
    private final Map<String, ActionResult> executions;
    private final Map<String, List<JournalEvent>> prompts;
    private final Map<String, JournalEvent.ExecutionStarted> inDoubt;
    private final Map<String, PendingRetry> retries;
    private final Map<String, Instant> blockStarted;
    private final Map<String, Instant> iterationEnded;
    private final Set<String> iterationsStarted;
    private final Map<String, Continued> continued;

    private Restored(Map<String, ActionResult> executions, Map<String, List<JournalEvent>> prompts,
                     Map<String, JournalEvent.ExecutionStarted> inDoubt, Map<String, PendingRetry> retries,
                     Map<String, Instant> blockStarted, Map<String, Instant> iterationEnded,
                     Set<String> iterationsStarted, Map<String, Continued> continued) {
        this.continued = continued;
        this.executions = executions;
        this.prompts = prompts;
        this.inDoubt = inDoubt;
        this.retries = retries;
        this.blockStarted = blockStarted;
        this.iterationEnded = iterationEnded;
        this.iterationsStarted = iterationsStarted;
    }

    /**
     * A retry that was waiting its backoff when the run stopped.
     *
     * @param due         when the next attempt was due (by the run's clock; it may be past)
     * @param nextAttempt the attempt that was to run then
     */
    record PendingRetry(Instant due, int nextAttempt) {
    }

    /**
     * Where an execution that continues in steps stood when the run stopped: its last recorded step.
     *
     * @param due     when its next step was due (it may be past)
     * @param attempt the attempt its steps belong to
     * @param loop    its steps so far: the next step's number, the state handed on, the data kept, its start
     */
    record Continued(Instant due, int attempt, ActionRun.Loop loop) {
    }

    /** The last step an unfinished execution recorded as continuing, or null. */
    Continued continued(String block, int iteration, int index) {
        return continued.get(key(block, iteration, index));
    }

    /** The retry an execution waited for when the run stopped, or null. */
    PendingRetry retry(String block, int iteration, int index) {
        return retries.get(key(block, iteration, index));
    }

    /** When the block first started in the earlier journal (a repeat's max_duration counts from it), or null. */
    Instant blockStarted(String block) {
        return blockStarted.get(block);
    }

    /** When the last execution of a repeat iteration finished in the earlier journal, or null. */
    Instant iterationEnded(String block, int iteration) {
        return iterationEnded.get(block + "#" + iteration);
    }

    /** Whether a repeat iteration had begun (an execution of it started) in the earlier journal. */
    boolean iterationStarted(String block, int iteration) {
        return iterationsStarted.contains(block + "#" + iteration);
    }

    /** An execution that started before the run stopped and never finished, or null. */
    JournalEvent.ExecutionStarted inDoubt(String block, int iteration, int index) {
        return inDoubt.get(key(block, iteration, index));
    }

    static Restored from(List<JournalEvent> events) {
        Map<String, ActionResult> done = new HashMap<>();
        Map<String, List<JournalEvent>> prompts = new HashMap<>();
        Map<String, JournalEvent.ExecutionStarted> started = new HashMap<>();
        Map<String, PendingRetry> retries = new HashMap<>();
        Map<String, String> lastRetried = new HashMap<>(); // block#index -> key of its last non-final attempt
        Map<String, Instant> blockStarted = new HashMap<>();
        Map<String, Instant> iterationEnded = new HashMap<>();
        Set<String> iterationsStarted = new java.util.HashSet<>();
        Map<String, Continued> continued = new HashMap<>();
        for (JournalEvent e : events) {
            if (e instanceof JournalEvent.ExecutionContinuing c) {
                // waiting for its next step, not in doubt; the data of every step so far is kept for the end
                String k = key(c.block(), c.iteration(), c.index());
                started.remove(k);
                iterationsStarted.add(c.block() + "#" + c.iteration());
                Continued before = continued.get(k);
                List<Object> data = new ArrayList<>(before == null ? List.of() : before.loop().data());
                data.addAll(c.data());
                continued.put(k, new Continued(c.time().plusMillis(c.delayMillis()), c.attempt(),
                        new ActionRun.Loop(c.step(), c.state(), data, c.started())));
            }
            if (e instanceof JournalEvent.BlockStarted b) {
                blockStarted.putIfAbsent(b.block(), b.time());
            } else if (e instanceof JournalEvent.ExecutionStarted x) {
                started.put(key(x.block(), x.iteration(), x.index()), x);
                retries.remove(key(x.block(), x.iteration(), x.index()));
                iterationsStarted.add(x.block() + "#" + x.iteration());
            } else if (e instanceof JournalEvent.ExecutionFinished f) {
                started.remove(key(f.block(), f.iteration(), f.index()));
                iterationsStarted.add(f.block() + "#" + f.iteration());
                if (f.final_()) {
                    iterationEnded.merge(f.block() + "#" + f.iteration(), f.time(),
                            (a, b) -> a.isAfter(b) ? a : b);
                } else {
                    lastRetried.put(f.block() + "#" + f.index(), key(f.block(), f.iteration(), f.index()));
                }
            } else if (e instanceof JournalEvent.ExecutionRetrying r) {
                // the retrying event names no iteration: it follows the attempt that failed, which does
                String k = lastRetried.get(r.block() + "#" + r.index());
                if (k != null) {
                    retries.put(k, new PendingRetry(r.time().plusMillis(r.delayMillis()), r.attempt() + 1));
                }
            }
            if (e instanceof JournalEvent.ExecutionFinished f && f.final_()) {
                done.put(key(f.block(), f.iteration(), f.index()), result(f.result()));
            } else if (e instanceof JournalEvent.PromptAsked a) {
                prompts.computeIfAbsent(a.block(), k -> new ArrayList<>()).add(a);
            } else if (e instanceof JournalEvent.PromptEscalated x) {
                prompts.computeIfAbsent(x.block(), k -> new ArrayList<>()).add(x);
            } else if (e instanceof JournalEvent.PromptAnswered || e instanceof JournalEvent.PromptTimedOut) {
                String block = e instanceof JournalEvent.PromptAnswered a ? a.block()
                        : ((JournalEvent.PromptTimedOut) e).block();
                prompts.computeIfAbsent(block, k -> new ArrayList<>()).add(e);
            }
        }
        started.keySet().removeAll(done.keySet());
        retries.keySet().removeAll(done.keySet());
        continued.keySet().removeAll(done.keySet());
        return new Restored(done, prompts, started, retries, blockStarted, iterationEnded, iterationsStarted,
                continued);
    }

    /** The deadline of a prompt asked before and still unanswered, or null. */
    Instant deadline(String block) {
        List<JournalEvent> asked = prompts.getOrDefault(block, List.of());
        if (asked.isEmpty() || !(asked.get(asked.size() - 1) instanceof JournalEvent.PromptAsked a) || a.approval()) {
            return null;
        }
        return a.deadline();
    }

    /**
     * Where an approval asked before a suspension stands: its first (primary) deadline, and the escalation's deadline
     * when it had escalated; null when no approval was pending.
     *
     * @param primaryDeadline   when the primary owners' time ran out
     * @param escalatedDeadline when the secondary owners' time runs out, or null if it had not escalated
     */
    record PendingApproval(Instant primaryDeadline, Instant escalatedDeadline) {
    }

    PendingApproval approval(String block) {
        List<JournalEvent> events = prompts.getOrDefault(block, List.of());
        Instant primary = null;
        Instant escalated = null;
        for (JournalEvent e : events) {
            if (e instanceof JournalEvent.PromptAsked a && a.approval()) {
                primary = a.deadline();
                escalated = null;
            } else if (e instanceof JournalEvent.PromptEscalated x) {
                escalated = x.deadline();
            } else if (e instanceof JournalEvent.PromptAnswered) {
                primary = null;
                escalated = null;
            }
        }
        return primary == null ? null : new PendingApproval(primary, escalated);
    }

    /** The result of an execution that finished before, if any. */
    ActionResult execution(String block, int iteration, int index) {
        return executions.get(key(block, iteration, index));
    }

    private static String key(String block, int iteration, int index) {
        return block + "#" + iteration + "#" + index;
    }

    @SuppressWarnings("unchecked")
    static ActionResult result(Map<String, Object> m) {
        return new ActionResult("success".equals(m.get("status")) ? ActionResult.Status.SUCCESS
                : ActionResult.Status.FAILED, (String) m.get("message"),
                (Map<String, Object>) m.getOrDefault("parameter", Map.of()),
                (List<Object>) m.getOrDefault("data", List.of()),
                (Map<String, Object>) m.getOrDefault("summary", Map.of()),
                ActionResult.Failure.fromId(m.get("failure")));
    }

    /** The block state a BlockFinished event's output describes. */
    @SuppressWarnings("unchecked")
    static BlockState state(Map<String, Object> output) {
        List<Map<String, Object>> results = (List<Map<String, Object>>) output.getOrDefault("results", List.of());
        Map<String, BlockState.Matches> matches = new LinkedHashMap<>();
        Map<String, Object> m = (Map<String, Object>) output.getOrDefault("matches", Map.of());
        m.forEach((cond, v) -> {
            Map<String, Object> mm = (Map<String, Object>) v;
            Set<List<Integer>> keys = new LinkedHashSet<>();
            for (Object k : (List<Object>) mm.getOrDefault("keys", List.of())) {
                List<Integer> key = new ArrayList<>();
                ((List<Object>) k).forEach(x -> key.add(((Number) x).intValue()));
                keys.add(key);
            }
            String source = (String) mm.get("source");
            if (source == null && !mm.containsKey("source")) { // journals before the source was recorded
                source = mm.get("block") == null ? "artifacts" : "block:" + mm.get("block");
            }
            matches.put(cond, new BlockState.Matches(source, keys));
        });
        return new BlockState(results, (String) output.get("formatted_data"),
                (List<String>) output.getOrDefault("formatted_rows", List.of()), matches,
                (Map<String, Object>) output.getOrDefault("outputs", Map.of()));
    }

    /** The output of a BlockFinished event: everything needed to restore the block's state. */
    static Map<String, Object> output(BlockState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!s.results().isEmpty()) {
            out.put("results", s.results());
        }
        if (s.formatted() != null) {
            out.put("formatted_data", s.formatted());
            out.put("formatted_rows", s.formattedRows());
        }
        if (!s.matches().isEmpty()) {
            Map<String, Object> m = new LinkedHashMap<>();
            s.matches().forEach((cond, mm) -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("source", mm.source());
                one.put("keys", new ArrayList<>(mm.keys()));
                m.put(cond, one);
            });
            out.put("matches", m);
        }
        if (!s.outputs().isEmpty()) {
            out.put("outputs", s.outputs());
        }
        return out;
    }
}
