package dev.wisp.engine.exec;

import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.prompt.PromptRequest;
import dev.wisp.spi.ActionSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Phantom's approvals: an action of a type the asset's policy names waits for a yes from a primary owner; when the
 * SLA passes unanswered it goes to the secondary owners; no answer from them either, or a no, rejects it.
 * Read-only actions never wait.
 */
final class ApprovalGate {
    /** How an approval ended. */
    enum Decision { APPROVED, REJECTED, UNAVAILABLE }

    /**
     * The decision and why.
     *
     * @param decision approved, rejected, or nobody can answer here (the run suspends)
     * @param reason   for a rejection, why
     */
    record Outcome(Decision decision, String reason) {
    }

    private final Run run;

    ApprovalGate(Run run) {
        this.run = run;
    }

    static boolean needed(ApprovalPolicy policy, ActionSpec spec) {
        return policy != null && !spec.readOnly() && policy.requires(spec.type());
    }

    CompletionStage<Outcome> approve(String block, ActionSpec spec, String asset, ApprovalPolicy policy,
                                     List<Map<String, Object>> executions) {
        String message = message(block, spec, asset, executions);
        Instant now = run.now();
        Restored.PendingApproval pending = run.restored().approval(block);
        if (pending == null) {
            return ask(block, message, policy.primary(), policy, true, now.plus(policy.sla()));
        }
        // asked before a suspension: the deadlines are absolute, so time spent suspended counts
        if (pending.escalatedDeadline() == null && now.isBefore(pending.primaryDeadline())) {
            return ask(block, message, policy.primary(), policy, true, pending.primaryDeadline());
        }
        if (pending.escalatedDeadline() == null) {
            run.journal(new JournalEvent.PromptTimedOut(now, block));
        }
        if (policy.secondary().isEmpty()) {
            return CompletableFuture.completedFuture(timedOut(policy, true));
        }
        Instant escalated = pending.escalatedDeadline() != null ? pending.escalatedDeadline()
                : pending.primaryDeadline().plus(policy.sla());
        if (!now.isBefore(escalated)) {
            run.journal(new JournalEvent.PromptEscalated(now, block, policy.secondary(), escalated));
            run.journal(new JournalEvent.PromptTimedOut(now, block));
            return CompletableFuture.completedFuture(timedOut(policy, false));
        }
        return ask(block, message, policy.secondary(), policy, false, escalated);
    }

    /** What is approved: the action, the asset, and each execution's parameters (the first twenty). */
    static String message(String block, ActionSpec spec, String asset, List<Map<String, Object>> executions) {
        StringBuilder b = new StringBuilder("Approve '" + spec.name() + "' (" + spec.type().id() + ") on asset '"
                + asset + "' in block " + block + ", " + executions.size() + " execution"
                + (executions.size() == 1 ? "" : "s") + ":");
        int shown = Math.min(executions.size(), 20);
        for (int i = 0; i < shown; i++) {
            b.append("\n  ").append(i + 1).append(". ");
            List<String> parts = new java.util.ArrayList<>();
            executions.get(i).forEach((k, v) -> parts.add(k + "=" + v));
            b.append(parts.isEmpty() ? "(no parameters)" : String.join(", ", parts));
        }
        if (executions.size() > shown) {
            b.append("\n  ... and ").append(executions.size() - shown).append(" more");
        }
        return b.toString();
    }

    private static Outcome timedOut(ApprovalPolicy policy, boolean primary) {
        return new Outcome(Decision.REJECTED, "approval timed out: no owner answered within "
                + dev.wisp.dsl.parse.Durations.format(policy.sla())
                + (primary ? "" : " after escalation to " + String.join(", ", policy.secondary())));
    }

    private CompletionStage<Outcome> ask(String block, String message, List<String> owners, ApprovalPolicy policy,
                                         boolean primary, Instant deadline) {
        PromptResponse question = new PromptResponse("Approve", PromptResponse.Type.YES_NO, List.of(),
                Location.ofFile(run.req.playbook().file()));
        if (primary) {
            Map<String, Object> q = new java.util.LinkedHashMap<>();
            q.put("prompt", "Approve");
            q.put("type", "yes/no");
            run.journal(new JournalEvent.PromptAsked(run.now(), block, message, List.of(q), owners, deadline, true));
        } else {
            run.journal(new JournalEvent.PromptEscalated(run.now(), block, owners, deadline));
        }
        String shown = primary ? message : "Escalated to " + String.join(", ", owners) + " (no answer from "
                + String.join(", ", policy.primary()) + " in time). " + message;
        PromptRequest request = new PromptRequest(run.req.runId(), block, shown, List.of(question), owners, deadline,
                true);
        CompletableFuture<Outcome> result = new CompletableFuture<>();
        run.req.prompts().ask(request).whenComplete((o, error) -> run.onLoop(() -> {
            if (error != null) {
                result.complete(new Outcome(Decision.REJECTED, "the approval could not be asked: "
                        + error.getMessage()));
            } else if (o instanceof PromptOutcome.Answered a) {
                run.journal(new JournalEvent.PromptAnswered(run.now(), block, a.responses(), a.respondent(),
                        a.source()));
                boolean yes = !a.responses().isEmpty() && a.responses().get(0).equals("yes");
                result.complete(yes ? new Outcome(Decision.APPROVED, null) : new Outcome(Decision.REJECTED,
                        "approval rejected" + (a.respondent() == null ? "" : " by " + a.respondent())));
            } else if (o instanceof PromptOutcome.TimedOut) {
                run.journal(new JournalEvent.PromptTimedOut(run.now(), block));
                if (primary && !policy.secondary().isEmpty()) {
                    ask(block, message, policy.secondary(), policy, false, deadline.plus(policy.sla()))
                            .thenAccept(result::complete);
                } else {
                    result.complete(timedOut(policy, primary));
                }
            } else {
                result.complete(new Outcome(Decision.UNAVAILABLE, null));
            }
        }));
        return result;
    }
}
