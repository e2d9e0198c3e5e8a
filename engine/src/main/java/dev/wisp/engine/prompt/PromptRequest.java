package dev.wisp.engine.prompt;

import dev.wisp.dsl.model.PromptResponse;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A question to a person: a prompt block, or an approval before an action runs.
 *
 * @param runId      the run asking
 * @param block      the block asking
 * @param message    the message with placeholders filled in
 * @param questions  the questions; empty for an acknowledgement
 * @param recipients who should answer (approver, or asset owners)
 * @param deadline   when the question times out
 * @param approval   whether this is an approval (a yes/no before an action)
 */
public record PromptRequest(String runId, String block, String message, List<PromptResponse> questions,
                            List<String> recipients, Instant deadline, boolean approval) {
    public PromptRequest {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(block, "block");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(deadline, "deadline");
        questions = List.copyOf(questions);
        recipients = List.copyOf(recipients);
    }
}
