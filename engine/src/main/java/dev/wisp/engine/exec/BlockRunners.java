package dev.wisp.engine.exec;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.dsl.model.Value;
import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.data.Row;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.prompt.PromptRequest;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.spi.ActionResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Runs each kind of block; actions are in {@link ActionRunner}. Everything here runs on the scheduler thread. */
final class BlockRunners {
    private final Run run;

    BlockRunners(Run run) {
        this.run = run;
    }


    void run(Block b) {
        try {
            if (b instanceof Block.ActionBlock a) {
                new ActionRunner(run, a).start();
            } else if (b instanceof Block.PromptBlock p) {
                prompt(p);
            } else if (b instanceof Block.FilterBlock f) {
                filter(f);
            } else if (b instanceof Block.DecisionBlock d) {
                decision(d);
            } else if (b instanceof Block.FormatBlock f) {
                format(f);
            } else if (b instanceof Block.PlaybookBlock p) {
                playbook(p);
            }
        } catch (Operators.ConditionException | Fanout.FanoutException | IllegalArgumentException e) {
            failBlock(b.name(), e.getMessage());
        }
    }

    /** Ends a block with one failed result saying why, so downstream blocks and the report can see it. */
    void failBlock(String block, String message) {
        ActionResult r = ActionResult.failed(Map.of(), message);
        BlockState state = BlockState.ofResults(List.of(r));
        run.blockFailed(block, message);
        Map<String, Object> out = Restored.output(state);
        out.put("reason", message);
        run.finish(block, state, "failed", 0, 1, Set.of("", "failure"), out);
    }

    private List<List<Object>> values(List<Value> params) {
        List<List<Object>> out = new ArrayList<>();
        for (Value v : params) {
            if (v instanceof Value.Literal lit) {
                out.add(new ArrayList<>(java.util.Collections.singletonList(lit.value())));
            } else {
                out.add(new ArrayList<>(run.eval.rows(((Value.PathRef) v).path(), run.data).stream()
                        .map(Row::value).toList()));
            }
        }
        return out;
    }

    private void prompt(Block.PromptBlock p) {
        String message = Templates.whole(p.message(), values(p.parameters()), ", ");
        // a prompt asked before a suspension keeps its deadline: resuming does not restart the clock
        Instant asked = run.restored().deadline(p.name());
        Instant deadline = asked != null ? asked : run.now().plus(p.timeout());
        List<Map<String, Object>> questions = new ArrayList<>();
        for (PromptResponse r : p.responses()) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("prompt", r.prompt());
            q.put("type", r.type().id());
            if (!r.options().isEmpty()) {
                q.put("options", r.options());
            }
            questions.add(q);
        }
        List<String> recipients = p.approver() == null ? List.of() : List.of(p.approver());
        run.journal(new JournalEvent.PromptAsked(run.now(), p.name(), message, questions, recipients, deadline,
                false));
        PromptRequest request = new PromptRequest(run.req.runId(), p.name(), message, p.responses(), recipients,
                deadline, false);
        run.req.prompts().ask(request).whenComplete((outcome, error) -> run.onLoop(() -> {
            if (error != null) {
                failBlock(p.name(), "the prompt could not be asked: " + error.getMessage());
            } else if (outcome instanceof PromptOutcome.Answered a) {
                run.journal(new JournalEvent.PromptAnswered(run.now(), p.name(), a.responses(), a.respondent(),
                        a.source()));
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("responses", a.responses());
                summary.put("respondent", a.respondent());
                ActionResult r = ActionResult.success(Map.of("message", message), List.of(summary), summary,
                        "answered" + (a.respondent() == null ? "" : " by " + a.respondent()));
                BlockState s = BlockState.ofResults(List.of(r));
                run.finish(p.name(), s, "success", 1, 0, Set.of("", "success"), Restored.output(s));
            } else if (outcome instanceof PromptOutcome.TimedOut) {
                run.journal(new JournalEvent.PromptTimedOut(run.now(), p.name()));
                String why = "no answer within " + dev.wisp.dsl.parse.Durations.format(p.timeout())
                        + " (the deadline was " + deadline + ")";
                ActionResult r = ActionResult.failed(Map.of("message", message), why);
                BlockState s = BlockState.ofResults(List.of(r));
                run.blockFailed(p.name(), why);
                Map<String, Object> out = Restored.output(s);
                out.put("reason", why);
                run.finish(p.name(), s, "failed", 1, 1, Set.of("", "failure"), out);
            } else {
                run.suspendFor(p.name());
                run.abandon(p.name());
            }
        }));
    }

    private void filter(Block.FilterBlock f) {
        Map<String, BlockState.Matches> matches = new LinkedHashMap<>();
        Map<String, Object> matched = new LinkedHashMap<>();
        Map<String, Object> missing = new LinkedHashMap<>();
        Set<String> ports = new LinkedHashSet<>();
        for (Condition c : f.conditions()) {
            Conditions.Outcome o = Conditions.evaluate(c, run.req.playbook(), run.data, run.eval);
            matches.put(c.name(), o.matches());
            matched.put(c.name(), o.matches().keys().size());
            if (o.missing() > 0) {
                missing.put(c.name(), o.missing());
            }
            if (o.matched()) {
                ports.add(c.name());
            }
        }
        BlockState s = new BlockState(List.of(), null, List.of(), matches, Map.of());
        Map<String, Object> out = Restored.output(s);
        out.put("matched", matched);
        if (!missing.isEmpty()) {
            out.put("missing", missing);
        }
        if (ports.isEmpty()) {
            out.put("note", "no condition matched: this branch of the playbook ends here");
        }
        run.finish(f.name(), s, "success", 0, 0, ports, out);
    }

    private void decision(Block.DecisionBlock d) {
        String port = null;
        Map<String, Object> missing = new LinkedHashMap<>();
        for (Condition c : d.branches()) {
            Conditions.Outcome o = Conditions.evaluate(c, run.req.playbook(), run.data, run.eval);
            if (o.missing() > 0) {
                missing.put(c.name(), o.missing());
            }
            if (o.matched()) {
                port = c.name();
                break;
            }
        }
        boolean elseEdge = run.graph.outgoing(d.name()).stream()
                .anyMatch(e -> Block.DecisionBlock.ELSE.equals(e.port()));
        Map<String, Object> out = new LinkedHashMap<>();
        if (port == null && elseEdge) {
            port = Block.DecisionBlock.ELSE;
        }
        out.put("branch", port);
        if (port == null) {
            out.put("note", "no branch matched and there is no else edge: this branch of the playbook ends here");
        }
        if (!missing.isEmpty()) {
            out.put("missing", missing);
        }
        run.finish(d.name(), new BlockState(List.of(), null, List.of(), Map.of(), Map.of()), "success", 0, 0,
                port == null ? Set.of() : Set.of(port), out);
    }

    private void format(Block.FormatBlock f) {
        List<List<Object>> params = values(f.parameters());
        BlockState s = new BlockState(List.of(), Templates.whole(f.template(), params, f.separator()),
                Templates.rows(f.template(), params), Map.of(), Map.of());
        run.finish(f.name(), s, "success", 0, 0, Set.of(""), Restored.output(s));
    }

    private void playbook(Block.PlaybookBlock pb) {
        RunRequest.SubPlaybookSource source = run.req.subPlaybooks();
        if (source == null) {
            failBlock(pb.name(), "sub-playbooks cannot be loaded in this run");
            return;
        }
        Playbook child = source.load(run.req.playbook(), pb.playbook());
        if (run.chain.contains(child.file())) {
            failBlock(pb.name(), "sub-playbook " + pb.playbook() + " calls itself: " + String.join(" -> ", run.chain)
                    + " -> " + child.file());
            return;
        }
        if (run.chain.size() >= Run.MAX_DEPTH) {
            failBlock(pb.name(), "sub-playbooks nest deeper than " + Run.MAX_DEPTH + " levels: "
                    + String.join(" -> ", run.chain) + " -> " + child.file());
            return;
        }
        Map<String, Object> inputs = new LinkedHashMap<>();
        pb.inputs().forEach((k, v) -> {
            Object value = run.single(v);
            if (value != null) { // a missing value is an input not given: the child says if it needs it
                inputs.put(k, value);
            }
        });
        RunRequest req = new RunRequest(run.req.runId() + "/" + pb.name(), child, inputs, run.req.container(),
                run.req.artifacts(), run.req.assets(), run.req.prompts(),
                e -> run.req.journal().record(Prefixed.event(pb.name(), e)), run.req.time(),
                run.req.maxConcurrency(), List.of(), source);
        java.util.concurrent.CompletionStage<dev.wisp.engine.run.RunOutcome> started;
        try {
            started = run.startChild(req);
        } catch (IllegalArgumentException e) {
            failBlock(pb.name(), "sub-playbook " + child.name() + " cannot start: " + e.getMessage());
            return;
        }
        started.whenComplete((o, error) -> run.onLoop(() -> {
            if (error != null) {
                failBlock(pb.name(), "sub-playbook " + pb.playbook() + " failed: " + error.getMessage());
                return;
            }
            switch (o.status()) {
                case SUCCESS -> {
                    ActionResult r = ActionResult.success(inputs, List.of(o.outputs()), o.outputs(), "finished");
                    BlockState s = new BlockState(List.of(BlockState.asMap(r)), null, List.of(), Map.of(),
                            o.outputs());
                    run.finish(pb.name(), s, "success", 1, 0, Set.of("", "success"), Restored.output(s));
                }
                case SUSPENDED -> {
                    run.suspendFor(pb.name() + "/" + String.join(",", o.waitingFor()));
                    run.abandon(pb.name());
                }
                default -> failBlock(pb.name(), "sub-playbook " + child.name() + " " + o.status().id() + ": "
                        + o.message());
            }
        }));
    }
}
