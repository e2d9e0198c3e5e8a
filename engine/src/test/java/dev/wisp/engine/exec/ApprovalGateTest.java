package dev.wisp.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.prompt.PromptRequest;
import dev.wisp.engine.run.RunOutcome;
import dev.wisp.spi.ActionType;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Approvals with owners and an SLA, in virtual time: a timed-out approval escalates to the secondary owners. */
class ApprovalGateTest {
    private static final String YAML = """
            playbook: approvals
            blocks:
              c: { action: create, app: test, parameters: { key: k } }
              e: { action: echo, app: test, parameters: { value: c:action_result.message } }
            edges: [start -> c, c -> e, c.failure -> e, e -> end]
            """;
    private final Harness h = new Harness();
    private final List<PromptRequest> asked = new ArrayList<>();
    private final Deque<PromptOutcome> outcomes = new ArrayDeque<>();

    @BeforeEach
    void owners() {
        h.approvals = Map.of("test", new ApprovalPolicy(List.of("alice"), List.of("bob"),
                Set.of(ActionType.GENERIC), Duration.ofMinutes(60)));
        h.prompts = request -> {
            synchronized (asked) {
                asked.add(request);
                PromptOutcome o = outcomes.poll();
                if (o instanceof PromptOutcome.TimedOut) {
                    // a real handler times out at the deadline: wait for it in virtual time
                    return h.time.delay(Duration.between(h.time.now(), request.deadline()))
                            .thenApply(x -> (PromptOutcome) o);
                }
                return CompletableFuture.completedFuture(o);
            }
        };
    }

    @Test
    void anApprovedActionRuns() {
        outcomes.add(new PromptOutcome.Answered(List.of("yes"), "alice", "terminal"));
        RunOutcome o = h.run(YAML);
        assertEquals(RunOutcome.Status.SUCCESS, o.status(), o.message());
        assertEquals(List.of("alice"), asked.get(0).recipients());
        assertTrue(asked.get(0).approval());
        assertTrue(h.app.calls.get(0).startsWith("create"));
    }

    @Test
    void pastTheSlaItEscalatesToTheSecondaryOwnersWhoMayReject() {
        outcomes.add(new PromptOutcome.TimedOut());
        outcomes.add(new PromptOutcome.Answered(List.of("no"), "bob", "terminal"));
        h.run(YAML);
        assertEquals(List.of(List.of("alice"), List.of("bob")), asked.stream().map(PromptRequest::recipients).toList());
        JournalEvent.PromptEscalated esc = h.events(JournalEvent.PromptEscalated.class).get(0);
        assertEquals(List.of("bob"), esc.recipients());
        assertEquals(h.events(JournalEvent.PromptAsked.class).get(0).deadline().plus(Duration.ofMinutes(60)),
                esc.deadline());
        assertEquals(List.of("echo {value=approval rejected by bob}"), h.app.calls, "create never ran");
    }

    @Test
    void noAnswerFromAnyOwnerRejects() {
        outcomes.add(new PromptOutcome.TimedOut());
        outcomes.add(new PromptOutcome.TimedOut());
        h.run(YAML);
        assertEquals(List.of("echo {value=approval timed out: no owner answered within 1h after escalation to bob}"),
                h.app.calls);
    }

    @Test
    void readOnlyActionsAndOtherTypesNeedNoApproval() {
        h.run("""
                playbook: ro
                blocks:
                  e: { action: echo, app: test, parameters: { value: 1 } }
                edges: [start -> e, e -> end]
                """);
        assertEquals(List.of(), asked);
    }

    @Test
    void withNobodyToAskTheRunSuspends() {
        outcomes.add(new PromptOutcome.Unavailable());
        RunOutcome o = h.run(YAML);
        assertEquals(RunOutcome.Status.SUSPENDED, o.status());
        assertEquals(List.of("c"), o.waitingFor());
    }
}
