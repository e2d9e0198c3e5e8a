package dev.wisp.cli.testing;

import dev.wisp.engine.prompt.Answers;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.prompt.PromptOutcome;
import dev.wisp.engine.prompt.PromptRequest;
import dev.wisp.engine.time.TimeSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a test's prompts in virtual time: at once, {@code after} a while (measured from when the prompt was first
 * asked, so an escalated approval gets the answer if it comes before the escalation's deadline), or never
 * ({@code timeout: true}: the prompt runs out of time). A prompt the test does not answer makes the run suspend.
 */
final class TestPrompts implements PromptHandler {
    private final Map<String, TestFile.Answer> answers;
    private final TimeSource time;
    private final Map<String, Instant> firstAsked = new ConcurrentHashMap<>();

    TestPrompts(Map<String, TestFile.Answer> answers, TimeSource time) {
        this.answers = answers;
        this.time = time;
    }

    @Override
    public CompletionStage<PromptOutcome> ask(PromptRequest request) {
        TestFile.Answer a = answers.get(request.block());
        if (a == null) {
            return CompletableFuture.completedFuture(new PromptOutcome.Unavailable());
        }
        Instant now = time.clock().instant();
        Instant asked = firstAsked.computeIfAbsent(request.block(), k -> now);
        Instant due = a.timeout() ? null : a.after() == null ? now : asked.plus(a.after());
        if (due == null || !due.isBefore(request.deadline())) {
            return wait(request.deadline(), now).thenApply(x -> new PromptOutcome.TimedOut());
        }
        return wait(due, now).thenApply(x -> new PromptOutcome.Answered(
                Answers.normalise(request.questions(), a.values(), request.block()), a.respondent(), "test"));
    }

    private CompletionStage<Void> wait(Instant until, Instant now) {
        Duration d = Duration.between(now, until);
        return d.isNegative() || d.isZero() ? CompletableFuture.completedFuture(null) : time.delay(d);
    }
}
