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
    /** Lines typed, read by one thread for the handler's life, so a question that timed out takes no line. */
    private final java.util.concurrent.BlockingDeque<java.util.Optional<String>> lines =
            new java.util.concurrent.LinkedBlockingDeque<>();
    private boolean reading;

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

    /** The next line typed, or empty at end of input, or null when the question ended (timed out) first. */
    private java.util.Optional<String> nextLine(CompletableFuture<PromptOutcome> done) throws IOException {
        synchronized (lines) {
            if (!reading) {
                reading = true;
                Thread t = new Thread(() -> {
                    try {
                        String line;
                        while ((line = in.readLine()) != null) {
                            lines.add(java.util.Optional.of(line));
                        }
                    } catch (IOException e) {
                        // the terminal is gone: the same as the end of input
                    }
                    lines.add(java.util.Optional.empty());
                }, "wisp-terminal");
                t.setDaemon(true);
                t.start();
            }
        }
        while (!done.isDone()) {
            try {
                java.util.Optional<String> line = lines.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (line != null && done.isDone()) {
                    lines.addFirst(line); // typed after this question ended: it belongs to the next one
                    return null;
                }
                if (line != null) {
                    if (line.isEmpty()) {
                        lines.add(line); // the end of input stays the end for later questions
                    }
                    return line;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for an answer", e);
            }
        }
        return null;
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
            java.util.Optional<String> line = nextLine(done);
            return line == null || line.isEmpty() ? null : answers;
        }
        for (PromptResponse q : request.questions()) {
            while (!done.isDone()) {
                prompt(q.prompt() + hint(q) + ": ");
                java.util.Optional<String> typed = nextLine(done);
                if (typed == null) {
                    return answers; // timed out: the outcome is already decided, and no line was taken
                }
                if (typed.isEmpty()) {
                    return null;
                }
                String line = typed.get();
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
