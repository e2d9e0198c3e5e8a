package dev.wisp.cli;

import dev.wisp.cli.temporal.TemporalOptions;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.Redactor;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.Answers;
import dev.wisp.engine.report.RunReport;
import dev.wisp.engine.report.RunStore;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.engine.runs.RunWatcher;
import dev.wisp.temporal.Cluster;
import dev.wisp.temporal.RunInputs;
import dev.wisp.temporal.Wire;
import dev.wisp.temporal.WispWorker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The commands' Temporal side: the only class of the command line that touches Temporal's, loaded only when a
 * command is given {@code --temporal}. Problems with the cluster are usage errors (exit 2) that say what to do.
 */
final class OnTemporal {
    /** How long to wait for the service to answer before saying it cannot be reached. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How often a followed run's journal is read. */
    static final Duration POLL = Duration.ofMillis(300);

    private OnTemporal() {
    }

    static Cluster connect(TemporalOptions o) {
        dev.wisp.temporal.Encryption keys = encryption(o);
        try {
            return Cluster.connect(new Cluster.Options(o.target, o.namespace, o.taskQueue, o.caCert, o.clientCert,
                    o.clientKey, keys), CONNECT_TIMEOUT);
        } catch (Cluster.ClusterException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The payload keys: the key file's, else those of WISP_TEMPORAL_KEYS, else none (payloads in clear). */
    static dev.wisp.temporal.Encryption encryption(TemporalOptions o) {
        String variable = System.getenv(dev.wisp.temporal.Encryption.VARIABLE);
        try {
            if (o.keyFile != null) {
                return dev.wisp.temporal.Encryption.read(o.keyFile);
            }
            return variable == null || variable.isBlank() ? null
                    : dev.wisp.temporal.Encryption.parse(variable, "$" + dev.wisp.temporal.Encryption.VARIABLE);
        } catch (dev.wisp.temporal.Encryption.KeyException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** {@code wisp worker}: runs workflows and activities until SIGTERM or Ctrl-C, then stops cleanly. */
    static int worker(TemporalOptions o, Assets assets, PluginRegistry registry, int workflowCache,
                      dev.wisp.engine.code.CodeSettings code, PrintWriter err) throws InterruptedException {
        Cluster cluster = connect(o);
        WispWorker worker = WispWorker.start(cluster.client(), cluster.options().taskQueue(), registry, assets,
                Redactor.of(assets.configs().values()), workflowCache, code, Main.VERSION);
        worker.log(line -> {
            synchronized (err) {
                err.println("wisp worker: " + line);
                err.flush();
            }
        });
        err.println("wisp worker: polling task queue " + cluster.options().taskQueue() + " of namespace "
                + cluster.options().namespace() + " at " + o.target + " (" + assets.configs().size() + " asset"
                + (assets.configs().size() == 1 ? "" : "s") + (code.allowed() ? "; code blocks run with "
                + code.python() : "; code blocks off") + (cluster.options().encryption() == null ? ""
                : "; payloads encrypted with key '" + cluster.options().encryption().encryptingKey() + "'")
                + "); stop it with SIGTERM or Ctrl-C");
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            err.println("wisp worker: stopping (running executions get 10 s to finish; the rest go to other "
                    + "workers)");
            err.flush();
            worker.close();
            cluster.close();
            err.println("wisp worker: stopped");
            err.flush();
            stopped.countDown();
        }, "wisp-worker-stop"));
        stopped.await();
        return ExitCodes.OK;
    }

    /** {@code wisp run PLAYBOOK --temporal}: starts the run (or one a event), follows it unless detached. */
    static int run(RunCommand c, Playbook pb, Map<String, Object> inputs, List<Events.Event> events,
                   RunWatcher watcher, PrintWriter out, PrintWriter err) throws InterruptedException {
        List<String> passwords = dev.wisp.engine.runs.Runs.passwordInputs(pb).stream()
                .filter(inputs::containsKey).toList();
        if (!passwords.isEmpty() && encryption(c.temporal) == null) {
            throw new UsageException("password input" + (passwords.size() == 1 ? " " : "s ")
                    + String.join(", ", passwords) + " cannot go to Temporal: its history would keep "
                    + (passwords.size() == 1 ? "it" : "them") + " in clear; encrypt the payloads "
                    + "(--temporal-key-file, docs/temporal.md) or put the secret in the assets file the workers read");
        }
        String text;
        try {
            text = Files.readString(c.playbook);
        } catch (IOException e) {
            throw new UsageException("cannot read " + c.playbook + ": " + e.getMessage());
        }
        try (Cluster cluster = connect(c.temporal)) {
            List<String> ids = new ArrayList<>();
            for (Events.Event ev : events) {
                String id = RunStore.newId(Instant.now());
                Wire.RunInput input;
                try {
                    input = RunInputs.of(id, c.playbook.toString(), text, OnTemporal::read, inputs, ev,
                            c.maxConcurrency, Main.VERSION);
                } catch (UncheckedIOException e) {
                    throw new UsageException(e.getMessage());
                }
                start(cluster, input);
                ids.add(id);
            }
            if (c.detach || ids.size() > 1) {
                if (ids.size() > 1 && !c.detach) {
                    return awaitAll(cluster, ids, err);
                }
                ids.forEach(out::println);
                out.flush();
                return ExitCodes.OK;
            }
            String id = ids.get(0);
            if (!c.quiet) {
                err.println("run " + id + ": " + pb.name() + " on Temporal at " + c.temporal.target);
            }
            return follow(cluster, id, watcher, c.output == RunCommand.Output.json, c.quiet, true, out, err);
        }
    }

    private static void start(Cluster cluster, Wire.RunInput input) {
        try {
            cluster.start(input);
        } catch (Cluster.ClusterException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(Path.of(path));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " (a sub-playbook or code file of the run): "
                    + e.getMessage(), e);
        }
    }

    private static int awaitAll(Cluster cluster, List<String> ids, PrintWriter err) throws InterruptedException {
        int worst = ExitCodes.OK;
        for (int i = 0; i < ids.size(); i++) {
            Wire.RunEnd end;
            try {
                end = cluster.follow(ids.get(i), e -> { }, Duration.ofSeconds(1));
            } catch (Cluster.ClusterException e) {
                err.println("event " + (i + 1) + ": run " + ids.get(i) + ": " + e.getMessage());
                worst = ExitCodes.FAILED;
                continue;
            }
            err.println("event " + (i + 1) + ": run " + ids.get(i) + " " + end.status()
                    + ("finished".equals(end.message()) ? "" : " (" + end.message() + ")"));
            if (!"success".equals(end.status())) {
                worst = ExitCodes.FAILED;
            }
        }
        err.flush();
        return worst;
    }

    /** Follows a run to its end: progress as the embedded engine shows it, then the summary and the exit code. */
    static int follow(Cluster cluster, String id, RunWatcher watcher, boolean json, boolean quiet, boolean hints,
                      PrintWriter out, PrintWriter err) throws InterruptedException {
        List<JournalEvent> events = new ArrayList<>();
        Thread hint = new Thread(() -> {
            err.println("\nwisp: stopped following run " + id + "; it goes on on the cluster (wisp show " + id
                    + " --temporal " + cluster.options().target() + ")");
            err.flush();
        });
        Runtime.getRuntime().addShutdownHook(hint);
        Wire.RunEnd end;
        try {
            end = cluster.follow(id, e -> {
                events.add(e);
                watcher.event(e);
                if (e instanceof JournalEvent.PromptAsked p && hints && !quiet) {
                    err.println("run " + id + " waits for an answer to " + p.block() + ": wisp resume " + id
                            + " --temporal " + cluster.options().target() + " --answer " + p.block() + "=...");
                }
            }, POLL);
        } catch (Cluster.ClusterException e) {
            throw new UsageException(e.getMessage());
        } finally {
            watcher.closed();
            try {
                Runtime.getRuntime().removeShutdownHook(hint);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is stopping: the hint prints
            }
        }
        return report(id, events, dev.wisp.temporal.WispRun.outcome(end), cluster, json, quiet, out, err);
    }

    private static int report(String id, List<JournalEvent> events, RunOutcome outcome, Cluster cluster,
                              boolean json, boolean quiet, PrintWriter out, PrintWriter err) {
        Map<String, Object> report = RunReport.build(events);
        if (json) {
            out.println(JsonOut.pretty(report));
        }
        String summary = RunReport.summary(report);
        if (quiet) {
            err.print(summary.substring(summary.lastIndexOf("\nrun ") + 1));
        } else {
            err.print(summary);
            err.println("on Temporal: run " + id + " in namespace " + cluster.options().namespace() + " at "
                    + cluster.options().target());
        }
        out.flush();
        err.flush();
        return RunCommand.exitCode(outcome);
    }

    /**
     * {@code wisp resume RUN_ID --temporal --answer BLOCK=VALUE}: answers the run's questions, then follows it (a null
     * watcher: returns at once).
     */
    static int answer(TemporalOptions o, String runId, Map<String, List<String>> answers, String respondent,
                      RunWatcher watcher, PrintWriter out, PrintWriter err) throws InterruptedException {
        if (answers.isEmpty()) {
            throw new UsageException("a run on Temporal goes on by itself; resume --temporal gives it answers "
                    + "(--answer BLOCK=VALUE or --answers FILE)");
        }
        try (Cluster cluster = connect(o)) {
            try {
                for (Map.Entry<String, List<String>> a : answers.entrySet()) {
                    // a block of a sub-playbook (Parent/child) is asked by the child's workflow
                    int slash = a.getKey().lastIndexOf('/');
                    String workflow = slash < 0 ? runId : runId + "/" + a.getKey().substring(0, slash);
                    String block = a.getKey().substring(slash + 1);
                    List<Wire.Question> open = cluster.questions(workflow);
                    Wire.Question q = open.stream().filter(x -> x.block().equals(block)).findFirst()
                            .orElseThrow(() -> new UsageException("run " + runId + " does not wait for an answer to "
                                    + a.getKey() + " now" + (open.isEmpty() ? "" : " (it waits for "
                                    + String.join(", ", open.stream().map(Wire.Question::block).toList()) + ")")));
                    List<String> responses;
                    try {
                        responses = q.approval() ? approval(a.getValue(), a.getKey())
                                : Answers.normalise(q.questions().stream().map(OnTemporal::response).toList(),
                                a.getValue(), a.getKey());
                    } catch (IllegalArgumentException e) {
                        throw new UsageException(e.getMessage());
                    }
                    cluster.answer(workflow, Wire.Answer.of(q.id(), responses, respondent));
                    err.println("answered " + a.getKey() + " of run " + runId);
                }
            } catch (Cluster.ClusterException e) {
                throw new UsageException(e.getMessage());
            }
            if (watcher == null) {
                return ExitCodes.OK; // detached: the run goes on on the cluster
            }
            return follow(cluster, runId, watcher, false, false, false, out, err);
        }
    }

    private static List<String> approval(List<String> given, String block) {
        String v = given.isEmpty() ? "" : given.get(0).trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("yes") || v.equals("y") || v.equals("approve")) {
            return List.of("yes");
        }
        if (v.equals("no") || v.equals("n") || v.equals("reject")) {
            return List.of("no");
        }
        throw new UsageException("the approval of " + block + " takes yes or no, not '" + v + "'");
    }

    private static dev.wisp.dsl.model.PromptResponse response(Wire.Ask a) {
        dev.wisp.dsl.model.PromptResponse.Type type = java.util.Arrays.stream(
                dev.wisp.dsl.model.PromptResponse.Type.values()).filter(t -> t.id().equals(a.type())).findFirst()
                .orElse(dev.wisp.dsl.model.PromptResponse.Type.TEXT);
        return new dev.wisp.dsl.model.PromptResponse(a.prompt(), type, a.options(), dev.wisp.dsl.diag.Location.ofFile(a.prompt()));
    }

    /** {@code wisp runs --temporal}: the runs of the namespace. */
    static int list(TemporalOptions o, int limit, PrintWriter out) {
        try (Cluster cluster = connect(o)) {
            List<Cluster.Listed> runs;
            try {
                runs = cluster.list(limit <= 0 ? Integer.MAX_VALUE : limit);
            } catch (Cluster.ClusterException e) {
                throw new UsageException(e.getMessage());
            }
            out.println(String.format("%-36s %-12s %s", "RUN", "STATUS", "STARTED"));
            runs.forEach(r -> out.println(String.format("%-36s %-12s %s", r.runId(), r.status(), r.started())));
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code wisp show RUN_ID --temporal}: the run's summary (or report, or journal), running or ended. */
    static int show(TemporalOptions o, String runId, boolean json, boolean journal, PrintWriter out, PrintWriter err) {
        try (Cluster cluster = connect(o)) {
            List<JournalEvent> events;
            try {
                events = cluster.journal(runId, 0);
            } catch (Cluster.ClusterException e) {
                throw new UsageException(e.getMessage());
            }
            if (journal) {
                events.forEach(e -> out.println(JournalCodec.encode(e, Redactor.none())));
                out.flush();
                return ExitCodes.OK;
            }
            Map<String, Object> report = RunReport.build(events);
            if (json) {
                out.println(JsonOut.pretty(report));
            } else {
                out.print(RunReport.summary(report));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
