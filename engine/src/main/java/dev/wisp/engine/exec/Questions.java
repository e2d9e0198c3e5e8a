package dev.wisp.engine.exec;

import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.dsl.parse.Durations;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.data.BlockState;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.prompt.PromptRequest;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Questions to people, in the scheduler: prompt blocks, and Phantom's approvals (primary owners, then the secondary
 * owners past the SLA). Each question's deadline is a scheduler timer at an absolute time, kept across suspend and
 * resume: a prompt resumed after its deadline has timed out, an approval resumed after its SLA has escalated.
 */
final class Questions {
    private Questions() {
    }

    /** How an approval ended. */
    enum Kind { APPROVED, REJECTED, SUSPENDED }

    /**
     * The decision and why.
     *
     * @param kind   approved, rejected, or nobody can answer here (the run suspends)
     * @param reason for a rejection, why
     */
    record Decision(Kind kind, String reason) {
    }

    static void prompt(Scheduler s, Block.PromptBlock p) {
        String message = Templates.whole(p.message(), s.values(p.parameters()), ", ");
        // a prompt asked before a suspension keeps its deadline: resuming does not restart the clock
        Instant asked = s.restored.deadline(p.name());
        Instant deadline = asked != null ? asked : s.now().plus(p.timeout());
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
        s.journal(new JournalEvent.PromptAsked(s.now(), p.name(), message, questions, recipients, deadline, false));
        Runnable timedOut = () -> {
            s.journal(new JournalEvent.PromptTimedOut(s.now(), p.name()));
            String why = "no answer within " + Durations.format(p.timeout()) + " (the deadline was " + deadline + ")";
            ActionResult r = ActionResult.failed(Map.of("message", message), why);
            BlockState st = BlockState.ofResults(List.of(r));
            s.blockFailed(p.name(), why);
            Map<String, Object> out = Restored.output(st);
            out.put("reason", why);
            s.finish(p.name(), st, "failed", 1, 1, Set.of("", "failure"), out);
        };
        if (!s.now().isBefore(deadline)) {
            timedOut.run(); // resumed after its deadline: an answer now would come too late
            return;
        }
        long[] timer = {0};
        long ask = s.ask(new PromptRequest(s.runId, p.name(), message, p.responses(), recipients, deadline, false), e -> {
            s.cancelTimer(timer[0]);
            if (e instanceof Step.Answered a) {
                s.journal(new JournalEvent.PromptAnswered(s.now(), p.name(), a.responses(), a.respondent(),
                        a.source()));
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("responses", a.responses());
                summary.put("respondent", a.respondent());
                ActionResult r = ActionResult.success(Map.of("message", message), List.of(summary), summary,
                        "answered" + (a.respondent() == null ? "" : " by " + a.respondent()));
                BlockState st = BlockState.ofResults(List.of(r));
                s.finish(p.name(), st, "success", 1, 0, Set.of("", "success"), Restored.output(st));
            } else if (e instanceof Step.AskFailed f) {
                s.failBlock(p.name(), "the prompt could not be asked: " + f.message());
            } else {
                s.suspendFor(p.name());
            }
        });
        timer[0] = s.timer(deadline, () -> {
            s.withdraw(ask);
            timedOut.run();
        });
    }

    static void approve(Scheduler s, String block, ActionSpec spec, String asset, ApprovalPolicy policy,
                        List<Map<String, Object>> executions, Consumer<Decision> then) {
        String message = message(block, spec, asset, executions);
        Instant now = s.now();
        Restored.PendingApproval pending = s.restored.approval(block);
        if (pending == null) {
            ask(s, block, message, policy, true, now.plus(policy.sla()), then);
            return;
        }
        // asked before a suspension: the deadlines are absolute, so time spent suspended counts
        if (pending.escalatedDeadline() == null && now.isBefore(pending.primaryDeadline())) {
            ask(s, block, message, policy, true, pending.primaryDeadline(), then);
            return;
        }
        if (pending.escalatedDeadline() == null) {
            s.journal(new JournalEvent.PromptTimedOut(now, block));
        }
        if (policy.secondary().isEmpty()) {
            then.accept(timedOut(policy, true));
            return;
        }
        Instant escalated = pending.escalatedDeadline() != null ? pending.escalatedDeadline()
                : pending.primaryDeadline().plus(policy.sla());
        if (!now.isBefore(escalated)) {
            s.journal(new JournalEvent.PromptEscalated(now, block, policy.secondary(), escalated));
            s.journal(new JournalEvent.PromptTimedOut(now, block));
            then.accept(timedOut(policy, false));
            return;
        }
        ask(s, block, message, policy, false, escalated, then);
    }

    /** What is approved: the action, the asset, and each execution's parameters (the first twenty). */
    static String message(String block, ActionSpec spec, String asset, List<Map<String, Object>> executions) {
        StringBuilder b = new StringBuilder("Approve '" + spec.name() + "' (" + spec.type().id() + ") on asset '"
                + asset + "' in block " + block + ", " + executions.size() + " execution"
                + (executions.size() == 1 ? "" : "s") + ":");
        int shown = Math.min(executions.size(), 20);
        for (int i = 0; i < shown; i++) {
            List<String> parts = new ArrayList<>();
            executions.get(i).forEach((k, v) -> parts.add(k + "=" + v));
            b.append("\n  ").append(i + 1).append(". ").append(parts.isEmpty() ? "(no parameters)"
                    : String.join(", ", parts));
        }
        if (executions.size() > shown) {
            b.append("\n  ... and ").append(executions.size() - shown).append(" more");
        }
        return b.toString();
    }

    private static Decision timedOut(ApprovalPolicy policy, boolean primary) {
        return new Decision(Kind.REJECTED, "approval timed out: no owner answered within "
                + Durations.format(policy.sla())
                + (primary ? "" : " after escalation to " + String.join(", ", policy.secondary())));
    }

    private static void ask(Scheduler s, String block, String message, ApprovalPolicy policy, boolean primary,
                            Instant deadline, Consumer<Decision> then) {
        List<String> owners = primary ? policy.primary() : policy.secondary();
        PromptResponse question = new PromptResponse("Approve", PromptResponse.Type.YES_NO, List.of(),
                Location.ofFile(s.playbook.file()));
        if (primary) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("prompt", "Approve");
            q.put("type", "yes/no");
            s.journal(new JournalEvent.PromptAsked(s.now(), block, message, List.of(q), owners, deadline, true));
        } else {
            s.journal(new JournalEvent.PromptEscalated(s.now(), block, owners, deadline));
        }
        String shown = primary ? message : "Escalated to " + String.join(", ", owners) + " (no answer from "
                + String.join(", ", policy.primary()) + " in time). " + message;
        long[] timer = {0};
        long ask = s.ask(new PromptRequest(s.runId, block, shown, List.of(question), owners, deadline, true), e -> {
            s.cancelTimer(timer[0]);
            if (e instanceof Step.Answered a) {
                s.journal(new JournalEvent.PromptAnswered(s.now(), block, a.responses(), a.respondent(), a.source()));
                boolean yes = !a.responses().isEmpty() && a.responses().get(0).equals("yes");
                then.accept(yes ? new Decision(Kind.APPROVED, null) : new Decision(Kind.REJECTED,
                        "approval rejected" + (a.respondent() == null ? "" : " by " + a.respondent())));
            } else if (e instanceof Step.AskFailed f) {
                then.accept(new Decision(Kind.REJECTED, "the approval could not be asked: " + f.message()));
            } else {
                then.accept(new Decision(Kind.SUSPENDED, null));
            }
        });
        timer[0] = s.timer(deadline, () -> {
            s.withdraw(ask);
            s.journal(new JournalEvent.PromptTimedOut(s.now(), block));
            if (primary && !policy.secondary().isEmpty()) {
                ask(s, block, message, policy, false, deadline.plus(policy.sla()), then);
            } else {
                then.accept(timedOut(policy, primary));
            }
        });
    }
}
