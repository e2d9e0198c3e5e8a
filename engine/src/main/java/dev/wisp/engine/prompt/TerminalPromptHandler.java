package dev.wisp.engine.prompt;

import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.engine.time.TimeSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * Asks on a terminal: the message, then each question with its choices, again until the answer fits. One prompt at
 * a time (prompts from parallel branches queue). Past the deadline the prompt times out. I/O is given, so tests
 * drive it with strings.
 */
public final class TerminalPromptHandler implements PromptHandler {
    private final BufferedReader in;
    private final PrintWriter out;
    private final TimeSource time;
    private final Executor reader;
    private final String user;

    public TerminalPromptHandler(BufferedReader in, PrintWriter out, TimeSource time, Executor reader, String user) {
        this.in = in;
        this.out = out;
        this.time = time;
        this.reader = reader;
        this.user = user;
    }

    @Override
    public CompletionStage<PromptOutcome> ask(PromptRequest request) {
        CompletableFuture<PromptOutcome> result = new CompletableFuture<>();
        Duration left = Duration.between(time.clock().instant(), request.deadline());
        time.delay(left.isNegative() ? Duration.ZERO : left).thenRun(() -> {
            if (result.complete(new PromptOutcome.TimedOut())) {
                synchronized (out) {
                    out.println("\n(no answer to " + request.block() + " in time; the prompt failed)");
                    out.flush();
                }
            }
        });
        reader.execute(() -> {
            try {
                List<String> answers = converse(request, result);
                if (answers == null) {
                    result.complete(new PromptOutcome.Unavailable());
                } else {
                    result.complete(new PromptOutcome.Answered(answers, user, "terminal"));
                }
            } catch (IOException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private synchronized List<String> converse(PromptRequest request, CompletableFuture<PromptOutcome> done)
            throws IOException {
        synchronized (out) {
            out.println();
            out.println("[" + request.block() + "] " + request.message()
                    + (request.recipients().isEmpty() ? "" : "  (for " + String.join(", ", request.recipients()) + ")"));
            out.flush();
        }
        List<String> answers = new ArrayList<>();
        if (request.questions().isEmpty()) {
            prompt("Press Enter to acknowledge: ");
            return in.readLine() == null ? null : answers;
        }
        for (PromptResponse q : request.questions()) {
            while (!done.isDone()) {
                prompt(q.prompt() + hint(q) + ": ");
                String line = in.readLine();
                if (line == null) {
                    return null;
                }
                try {
                    answers.add(Answers.normalise(q, line));
                    break;
                } catch (IllegalArgumentException e) {
                    prompt(e.getMessage() + "\n");
                }
            }
        }
        return answers;
    }

    private void prompt(String text) {
        synchronized (out) {
            out.print(text);
            out.flush();
        }
    }

    private static String hint(PromptResponse q) {
        return switch (q.type()) {
            case TEXT -> "";
            case YES_NO -> " [yes/no]";
            case LIST -> {
                StringBuilder b = new StringBuilder(" [");
                for (int i = 0; i < q.options().size(); i++) {
                    b.append(i == 0 ? "" : ", ").append(i + 1).append('=').append(q.options().get(i));
                }
                yield b.append(']').toString();
            }
        };
    }
}
