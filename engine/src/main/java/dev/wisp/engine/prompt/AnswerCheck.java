package dev.wisp.engine.prompt;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.engine.run.RunRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks answers given in advance against the playbook before anything runs: every answer names a prompt of the
 * playbook or of its sub-playbooks (or an action block that may need approval), gives no more answers than the
 * prompt has questions, and fits each question (yes/no, one of the options). A typo is found at once, with a
 * suggestion, instead of a prompt that fails or a run that suspends halfway.
 */
public final class AnswerCheck {
    private final Map<String, List<PromptResponse>> questions = new LinkedHashMap<>();

    private AnswerCheck() {
    }

    /**
     * The questions a run may ask: the playbook's prompts, its sub-playbooks' prompts, and a yes/no approval for
     * each action block in {@code approvals}.
     */
    public static AnswerCheck of(Playbook playbook, RunRequest.SubPlaybookSource subs, Set<String> approvals) {
        AnswerCheck check = new AnswerCheck();
        check.collect(playbook, subs, approvals, new LinkedHashSet<>());
        return check;
    }

    private void collect(Playbook pb, RunRequest.SubPlaybookSource subs, Set<String> approvals, Set<String> seen) {
        if (!seen.add(pb.file())) {
            return;
        }
        for (Block b : pb.blocks().values()) {
            if (b instanceof Block.PromptBlock p) {
                questions.putIfAbsent(p.name(), p.responses());
            } else if (b instanceof Block.ActionBlock a && approvals.contains(a.name())) {
                questions.putIfAbsent(a.name(), List.of(new PromptResponse("Approve", PromptResponse.Type.YES_NO,
                        List.of(), a.location())));
            } else if (b instanceof Block.PlaybookBlock sub && subs != null) {
                try {
                    collect(subs.load(pb, sub.playbook()), subs, approvals, seen);
                } catch (RuntimeException e) {
                    // an unloadable sub-playbook is reported when it runs; its prompts are not known here
                }
            }
        }
    }

    /**
     * The problems of the given answers; {@code where} names each block's answer for messages (the option, or a
     * file location).
     */
    public List<String> problems(Map<String, List<String>> answers, Function<String, String> where) {
        List<String> out = new ArrayList<>();
        answers.forEach((block, values) -> {
            List<PromptResponse> qs = questions.get(block);
            if (qs == null) {
                out.add(where.apply(block) + ": '" + block + "' is not a prompt of this playbook"
                        + hint(block) + (questions.isEmpty() ? " (it asks nothing)"
                        : "; its prompts: " + String.join(", ", questions.keySet())));
                return;
            }
            if (values.size() > Math.max(qs.size(), 1)) {
                out.add(where.apply(block) + ": " + block + " asks " + qs.size() + " question"
                        + (qs.size() == 1 ? "" : "s") + " but " + values.size() + " answers were given");
                return;
            }
            for (int i = 0; i < Math.min(values.size(), qs.size()); i++) {
                try {
                    Answers.normalise(qs.get(i), values.get(i));
                } catch (IllegalArgumentException e) {
                    out.add(where.apply(block) + (qs.size() > 1 ? " (question " + i + ")" : "") + ": "
                            + e.getMessage());
                }
            }
        });
        return out;
    }

    private String hint(String block) {
        return dev.wisp.dsl.check.Suggest.closest(block, questions.keySet()).map(b -> " (did you mean '" + b + "'?)")
                .orElse("");
    }
}
