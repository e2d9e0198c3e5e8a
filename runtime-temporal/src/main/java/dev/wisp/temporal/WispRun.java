package dev.wisp.temporal;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.code.CodeApp;
import dev.wisp.engine.code.CodeSettings;
import dev.wisp.engine.data.RunData;
import dev.wisp.engine.exec.Inputs;
import dev.wisp.engine.exec.Runtimes;
import dev.wisp.engine.exec.Scheduler;
import dev.wisp.engine.exec.Step;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.PromptRequest;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.App;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.Reconciliation;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.ChildWorkflowCancellationType;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The workflow of one run: the engine's {@link Scheduler}, driven by Temporal. Its commands become Temporal's: an
 * execution an activity (on any worker, which reads the asset's configuration itself), a timer (retry backoff,
 * repeat interval, prompt deadline, approval SLA) a durable timer, a sub-playbook a child workflow, a question an
 * entry of the {@code questions} query waiting for the {@code answer} signal. What happens comes back to the
 * scheduler as events stamped with workflow time, one at a time, so a replay gives the same commands.
 *
 * <p>An execution's activity is retried by Temporal (when its worker is lost) only when its action is safe to repeat;
 * otherwise it gets one attempt, and an attempt whose worker was lost is in doubt: the scheduler asks its app whether
 * it took effect, as on a crash resume of the embedded engine. The block's own {@code retry:} stays the scheduler's,
 * its backoffs durable timers. An action that continues in steps (a poll) is one short activity a step, and the
 * wait between steps a durable timer, never an activity that sleeps.
 */
public final class WispRun implements WispWorkflow {
    /** How long a worker may go silent during an execution before Temporal counts the attempt lost. */
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    /** An execution without a block timeout: long, since a heartbeat tells a lost worker much sooner. */
    static final Duration NO_TIMEOUT = Duration.ofDays(7);
    /** How deep sub-playbooks may nest (as the embedded engine). */
    static final int MAX_DEPTH = 16;

    /** The failure type of a run refused by a worker of another Wisp version. */
    public static final String VERSION_REFUSED = "WispVersionRefused";

    private final PluginRegistry registry;
    private final String version;
    private final BiConsumer<String, String> refuse;
    private final List<String> journal = new ArrayList<>();
    private final Redactor redactor = new Redactor(List.of());
    private final Map<Long, Wire.Question> open = new LinkedHashMap<>();
    private final Deque<Step.Event> inbox = new ArrayDeque<>();
    private final Map<Long, CancellationScope> scopes = new HashMap<>();
    private final Set<Long> timers = new HashSet<>();
    private final Map<String, Object> codeSaved = new LinkedHashMap<>();
    private final Map<String, Object> codeFormats = new LinkedHashMap<>();
    private Wire.RunInput input;
    private List<JournalEvent> prior = List.of();
    private Playbook playbook;
    private RunOutcome outcome;

    /**
     * @param registry the worker's apps
     * @param version  the worker's Wisp version: a run started by another version is refused; null refuses none
     * @param refuse   ends a run (its workflow id, why) from outside its workflow: how a run is refused when this
     *                 worker replays it in the middle
     */
    public WispRun(PluginRegistry registry, String version, BiConsumer<String, String> refuse) {
        this.registry = registry;
        this.version = version;
        this.refuse = refuse;
    }

    @Override
    public Wire.RunEnd run(Wire.RunInput in) {
        this.input = in;
        if (version != null && !version.equals(in.wispVersion())) {
            String why = "run " + in.runId() + " was started by Wisp " + in.wispVersion() + " and this worker runs "
                    + "Wisp " + version + ": a run's history replays only on workers of the version that started it "
                    + "(run the workers and the command line of one version on a task queue; see docs/temporal.md, "
                    + "Deploying)";
            if (!Workflow.isReplaying()) {
                throw ApplicationFailure.newNonRetryableFailure(why, VERSION_REFUSED); // the run's first task
            }
            // in the middle of a run, any command this code gives now (a failure too) would not match the history,
            // and Temporal would fail the run with a non-determinism error: the worker ends it from outside instead,
            // and fails only this task
            refuse.accept(Workflow.getInfo().getWorkflowId(), why);
            throw new IllegalStateException(why);
        }
        LoadResult loaded = new PlaybookLoader(List.of()).loadString(in.playbookText(), in.playbookFile(),
                in.codeFilesOrNone());
        if (loaded.hasErrors() || loaded.playbook().isEmpty()) {
            return end(failed("the playbook " + in.playbookFile() + " cannot be read on this worker: "
                    + loaded.diagnostics().stream().filter(d -> d.severity() == dev.wisp.dsl.diag.Severity.ERROR)
                    .map(Object::toString).findFirst().orElse("no playbook")));
        }
        playbook = loaded.playbook().get();
        Map<String, Object> inputs;
        try {
            inputs = Inputs.resolve(playbook, in.inputs());
        } catch (IllegalArgumentException e) {
            return end(failed(e.getMessage()));
        }
        List<String> names = assetNames(playbook);
        Map<String, Wire.AssetInfo> assets = names.isEmpty() ? Map.of()
                : Workflow.newActivityStub(WispActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1)).build()).assets(names);
        // a resumed run (it had suspended): the scheduler goes on from its journal, as the embedded engine's resume
        prior = in.priorOrNone().stream().map(JournalCodec::decode).toList();
        for (JournalEvent e : prior) {
            if (e instanceof JournalEvent.ExecutionFinished f && playbook.blocks().get(f.block())
                    instanceof Block.CodeBlock) {
                List<Map<String, Object>> saved = CodeApp.saved(f.result());
                codeSaved.putAll(saved.get(0));
                codeFormats.putAll(saved.get(1));
            }
        }
        Scheduler scheduler = new Scheduler(in.runId(), playbook, new RunData(in.container(), in.artifacts(), inputs),
                resolve(playbook, assets), in.maxConcurrency(), prior);
        apply(scheduler.on(new Step.Start(now())));
        try {
            while (outcome == null) {
                Workflow.await(() -> !inbox.isEmpty());
                apply(scheduler.on(inbox.poll()));
            }
        } catch (CanceledFailure cancelled) {
            // the workflow itself was cancelled (temporal workflow cancel): end the run as a cancelled one
            Workflow.newDetachedCancellationScope(() -> apply(scheduler.on(new Step.Cancel(now())))).run();
        }
        return end(outcome);
    }

    @Override
    public void answer(Wire.Answer answer) {
        if (open.remove(answer.id()) == null) {
            return; // answered already, withdrawn, or never asked
        }
        inbox.add(answer.nobody()
                ? new Step.Unanswerable(now(), answer.id(), "nobody can answer here")
                : new Step.Answered(now(), answer.id(), answer.responses() == null ? List.of()
                : List.copyOf(answer.responses()),
                answer.respondent() == null ? "" : answer.respondent(), "signal"));
    }

    @Override
    public void cancel() {
        inbox.add(new Step.Cancel(now()));
    }

    @Override
    public List<Wire.Question> questions() {
        return List.copyOf(open.values());
    }

    @Override
    public List<String> journal(int from) {
        return from >= journal.size() ? List.of() : List.copyOf(journal.subList(Math.max(0, from), journal.size()));
    }

    private static Instant now() {
        return Instant.ofEpochMilli(Workflow.currentTimeMillis());
    }

    private void record(JournalEvent e) {
        journal.add(JournalCodec.encode(e, redactor));
    }

    private void apply(List<Step.Command> commands) {
        for (Step.Command c : commands) {
            if (c instanceof Step.Mask m) {
                redactor.learn(m.value());
            } else if (c instanceof Step.Record r) {
                record(r.event());
            } else if (c instanceof Step.Execute x) {
                execute(x);
            } else if (c instanceof Step.Reconcile x) {
                reconcile(x);
            } else if (c instanceof Step.CancelExecution x) {
                cancelScope(x.id());
            } else if (c instanceof Step.Ask a) {
                open.put(a.id(), question(a.id(), a.request()));
            } else if (c instanceof Step.Withdraw w) {
                open.remove(w.id());
            } else if (c instanceof Step.SetTimer t) {
                timer(t);
            } else if (c instanceof Step.CancelTimer t) {
                timers.remove(t.id());
                cancelScope(t.id());
            } else if (c instanceof Step.StartChild s) {
                child(s);
            } else if (c instanceof Step.CancelChild s) {
                cancelScope(s.id());
            } else if (c instanceof Step.Finish f) {
                outcome = f.outcome();
            }
        }
    }

    private void cancelScope(long id) {
        CancellationScope scope = scopes.remove(id);
        if (scope != null) {
            scope.cancel();
        }
    }

    /** Runs {@code work} in a scope of its own (so it can be cancelled); its result goes to {@code done}. */
    private <T> void scoped(long id, java.util.function.Supplier<Promise<T>> work, BiConsumer<T, RuntimeException> done) {
        CancellationScope scope = Workflow.newCancellationScope(() -> {
            work.get().handle((r, failure) -> {
                if (scopes.remove(id) != null) { // else it was cancelled: nobody waits for it any more
                    done.accept(r, failure);
                }
                return null;
            });
        });
        scopes.put(id, scope);
        scope.run();
    }

    private void timer(Step.SetTimer t) {
        Duration d = Step.until(now(), t.at());
        timers.add(t.id());
        if (d.isZero()) {
            timers.remove(t.id());
            inbox.add(new Step.TimerFired(now(), t.id()));
            return;
        }
        scoped(t.id(), () -> Workflow.newTimer(d), (r, failure) -> {
            if (timers.remove(t.id()) && failure == null) {
                inbox.add(new Step.TimerFired(now(), t.id()));
            }
        });
    }

    private void execute(Step.Execute x) {
        Block.ActionBlock block = playbook.blocks().get(x.block()) instanceof Block.ActionBlock a ? a : null;
        Block.CodeBlock code = playbook.blocks().get(x.block()) instanceof Block.CodeBlock c ? c : null;
        Duration timeout = block != null && block.timeout() != null ? block.timeout().plus(Duration.ofMinutes(1))
                : code != null ? (code.timeout() != null ? code.timeout() : CodeSettings.DEFAULT_TIMEOUT)
                .plus(Duration.ofMinutes(1)) : NO_TIMEOUT;
        RetryOptions retry = x.safeToRepeat()
                ? RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                .setMaximumInterval(Duration.ofMinutes(1)).build() // lost workers: try again until the timeout
                : RetryOptions.newBuilder().setMaximumAttempts(1).build(); // a lost attempt is in doubt
        WispActivities activities = Workflow.newActivityStub(WispActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(timeout).setHeartbeatTimeout(HEARTBEAT_TIMEOUT).setRetryOptions(retry)
                .setSummary(x.block() + " " + x.action()).build());
        Wire.Execution e = new Wire.Execution(input.runId(), x.block(), appOf(block, x.block()), x.asset(), x.action(),
                x.index(), x.iteration(), x.attempt(), x.parameters(), x.step(), x.state());
        java.util.function.Supplier<Promise<Wire.Executed>> work = code == null
                ? () -> Async.function(activities::execute, e)
                : () -> Async.function(activities::code, new Wire.CodeRun(e, input.playbookFile(),
                input.playbookText(), codeFiles(), input.container(), new LinkedHashMap<>(codeSaved),
                new LinkedHashMap<>(codeFormats)));
        scoped(x.id(), work, (r, failure) -> {
            if (failure != null) {
                inbox.add(new Step.ExecutionLost(now(), x.id(), "its worker did not finish it: " + reason(failure)));
                return;
            }
            for (Wire.Note n : r.notes()) {
                Instant at = Instant.ofEpochMilli(n.epochMillis());
                record(n.done() < 0 ? new JournalEvent.Log(at, x.block(), n.message())
                        : new JournalEvent.Progress(at, x.block(), n.done(), n.total(), n.message()));
            }
            if (code != null) { // what it saved is there for the run's later code blocks
                List<Map<String, Object>> saved = CodeApp.saved(r.result());
                codeSaved.putAll(saved.get(0));
                codeFormats.putAll(saved.get(1));
            }
            inbox.add(new Step.ExecutionDone(now(), x.id(), Runtimes.fromMap(r.result())));
        });
    }

    /** The text of the code files this playbook's code blocks name. */
    private Map<String, String> codeFiles() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Block b : playbook.blocks().values()) {
            if (b instanceof Block.CodeBlock c && c.file() != null) {
                String key = PlaybookLoader.codeFileKey(playbook.file(), c.file());
                String text = input.codeFilesOrNone().get(key);
                if (text != null) {
                    out.put(key, text);
                }
            }
        }
        return out;
    }

    private void reconcile(Step.Reconcile x) {
        Block.ActionBlock block = playbook.blocks().get(x.block()) instanceof Block.ActionBlock a ? a : null;
        WispActivities activities = Workflow.newActivityStub(WispActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(10)).setHeartbeatTimeout(HEARTBEAT_TIMEOUT)
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(3).build()).build());
        Wire.Reconciling r = new Wire.Reconciling(new Wire.Execution(input.runId(), x.block(), appOf(block, x.block()),
                x.asset(), x.action(), 0, 0, 0, x.parameters()), x.startedAt().toEpochMilli());
        scoped(x.id(), () -> Async.function(activities::reconcile, r), (found, failure) -> {
            Reconciliation result = failure != null
                    ? Reconciliation.unknown("looking for its effect failed: " + reason(failure))
                    : switch (found.outcome()) {
                        case "found" -> Reconciliation.found(Runtimes.fromMap(found.result()));
                        case "not_found" -> Reconciliation.notFound(found.detail());
                        default -> Reconciliation.unknown(found.detail());
                    };
            inbox.add(new Step.Reconciled(now(), x.id(), result));
        });
    }

    private void child(Step.StartChild s) {
        String path = RunInputs.childPath(playbook.file(), s.playbook());
        List<String> chain = new ArrayList<>(input.chain());
        chain.add(playbook.file());
        String text = input.subPlaybooks().get(path);
        String problem = text == null ? "sub-playbook " + path + " was not sent with the run"
                : chain.contains(path) ? "calls itself: " + String.join(" -> ", chain) + " -> " + path
                : chain.size() >= MAX_DEPTH ? "sub-playbooks nest deeper than " + MAX_DEPTH + " levels: "
                + String.join(" -> ", chain) + " -> " + path : null;
        if (problem != null) {
            inbox.add(new Step.ChildDone(now(), s.id(), new RunOutcome(RunOutcome.Status.FAILED, "cannot start: "
                    + problem, Map.of(), List.of())));
            return;
        }
        WispWorkflow child = Workflow.newChildWorkflowStub(WispWorkflow.class, ChildWorkflowOptions.newBuilder()
                .setWorkflowId(Workflow.getInfo().getWorkflowId() + "/" + s.block())
                .setCancellationType(ChildWorkflowCancellationType.TRY_CANCEL).build());
        Wire.RunInput ci = new Wire.RunInput(input.runId() + "/" + s.block(), path, text, input.subPlaybooks(),
                s.inputs(), input.container(), input.artifacts(), input.maxConcurrency(), chain, input.wispVersion(),
                input.codeFiles(), Runtimes.childPrior(s.block(), prior).stream()
                .map(e -> JournalCodec.encode(e, Redactor.none())).toList());
        scoped(s.id(), () -> Async.function(child::run, ci), (end, failure) -> {
            if (failure != null) {
                inbox.add(new Step.ChildDone(now(), s.id(), new RunOutcome(RunOutcome.Status.FAILED,
                        "the sub-playbook's workflow failed: " + reason(failure), Map.of(), List.of())));
                return;
            }
            for (String line : end.journal()) {
                record(Runtimes.childEvent(s.block(), JournalCodec.decode(line)));
            }
            inbox.add(new Step.ChildDone(now(), s.id(), outcome(end)));
        });
    }

    /** How a run ended, from its workflow's result. */
    public static RunOutcome outcome(Wire.RunEnd end) {
        RunOutcome.Status status = switch (end.status()) {
            case "success" -> RunOutcome.Status.SUCCESS;
            case "cancelled" -> RunOutcome.Status.CANCELLED;
            case "suspended" -> RunOutcome.Status.SUSPENDED;
            default -> RunOutcome.Status.FAILED;
        };
        return new RunOutcome(status, end.message(), end.outputs() == null ? Map.of() : end.outputs(),
                end.waitingFor() == null ? List.of() : end.waitingFor());
    }

    /** What a failure of an activity or child workflow says, down to its cause. */
    private static String reason(RuntimeException failure) {
        Throwable t = failure;
        while ((t instanceof ActivityFailure || t instanceof ChildWorkflowFailure) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TimeoutFailure tf) { // its message is empty: say which timeout
            return switch (tf.getTimeoutType()) {
                case TIMEOUT_TYPE_HEARTBEAT -> "no heartbeat for " + HEARTBEAT_TIMEOUT.toSeconds() + " s";
                case TIMEOUT_TYPE_START_TO_CLOSE -> "it ran past its timeout";
                default -> tf.getTimeoutType().name().replace("TIMEOUT_TYPE_", "").toLowerCase(java.util.Locale.ROOT)
                        .replace('_', ' ') + " timeout";
            };
        }
        return t instanceof TemporalFailure tf ? tf.getOriginalMessage() : String.valueOf(t.getMessage());
    }

    private static Wire.Question question(long id, PromptRequest r) {
        List<Wire.Ask> asks = r.questions().stream().map(q -> new Wire.Ask(q.prompt(), q.type().id(),
                q.options() == null ? List.of() : q.options())).toList();
        return new Wire.Question(id, r.block(), r.message(), asks, r.recipients(), r.deadline().toString(),
                r.approval());
    }

    private Wire.RunEnd end(RunOutcome o) {
        @SuppressWarnings("unchecked")
        Map<String, Object> outputs = (Map<String, Object>) redactor.value(o.outputs());
        return new Wire.RunEnd(o.status().id(), redactor.text(o.message()), outputs, o.waitingFor(),
                List.copyOf(journal));
    }

    private static RunOutcome failed(String message) {
        return new RunOutcome(RunOutcome.Status.FAILED, message, Map.of(), List.of());
    }

    // ---- what each block runs on: the worker's apps, and what the workers may say of their assets

    /** The app a block's executions run on (the code app for a code block). */
    private String appOf(Block.ActionBlock block, String name) {
        if (block == null) {
            return CodeApp.ID;
        }
        return playbook.appOf(block);
    }

    private static List<String> assetNames(Playbook pb) {
        Set<String> names = new LinkedHashSet<>();
        for (Block b : pb.blocks().values()) {
            if (b instanceof Block.ActionBlock a) {
                names.add(a.asset() != null ? a.asset() : a.app());
            }
        }
        names.remove(null);
        return List.copyOf(names);
    }

    private Map<String, Scheduler.Resolved> resolve(Playbook pb, Map<String, Wire.AssetInfo> assets) {
        Map<String, Scheduler.Resolved> out = new LinkedHashMap<>();
        for (Block b : pb.blocks().values()) {
            if (b instanceof Block.ActionBlock a) {
                out.put(a.name(), resolve(pb, a, assets));
            } else if (b instanceof Block.CodeBlock c) {
                // its Python runs on a worker (WispCode), where its operator allows code (wisp worker --allow-code)
                out.put(c.name(), new Scheduler.Resolved(CodeApp.spec(c), CodeApp.ASSET, CodeApp.asset(), null,
                        null));
            }
        }
        return out;
    }

    private Scheduler.Resolved resolve(Playbook pb, Block.ActionBlock block, Map<String, Wire.AssetInfo> assets) {
        String appId = pb.appOf(block);
        String assetName = block.asset() != null ? block.asset() : appId;
        App app = appId == null ? null : registry.app(appId).orElse(null);
        if (app == null) {
            return new Scheduler.Resolved(null, assetName, null, null, "no installed app '" + appId
                    + "' on the worker (see wisp actions)");
        }
        ActionSpec spec = app.spec().action(block.action()).orElse(null);
        if (spec == null) {
            return new Scheduler.Resolved(null, assetName, null, null, "app '" + app.spec().id()
                    + "' has no action '" + block.action() + "'");
        }
        Wire.AssetInfo info = assets.get(assetName);
        if (info == null || !info.configured()) {
            if (app.spec().configuration().stream().anyMatch(ConfigField::required)) {
                return new Scheduler.Resolved(spec, assetName, null, null, "asset '" + assetName + "' has no "
                        + "configuration on the workers: add it to the assets file they read (wisp worker --assets "
                        + "FILE)");
            }
            return new Scheduler.Resolved(spec, assetName, new AssetConfig(assetName, appId, Map.of(), Set.of()),
                    null, null);
        }
        // the configuration without its secrets: enough for parameter defaults; the worker's activity has the rest
        AssetConfig asset = new AssetConfig(assetName, appId, info.values(), Set.of());
        return new Scheduler.Resolved(spec, assetName, asset, policy(info.approval()), null);
    }

    private static ApprovalPolicy policy(Wire.Approval a) {
        if (a == null) {
            return null;
        }
        Set<ActionType> types = new LinkedHashSet<>();
        a.requiredFor().forEach(t -> {
            ActionType type = ActionType.fromId(t);
            if (type != null) {
                types.add(type);
            }
        });
        return new ApprovalPolicy(a.primary(), a.secondary(), types, Duration.ofMillis(a.slaMillis()));
    }
}
