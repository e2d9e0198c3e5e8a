package dev.wisp.engine.runs;

import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.run.RunRequest;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to run, as the caller has read and checked it: the playbook, its inputs and event, the assets, who answers
 * prompts, and where it all came from (kept in {@code run.json} so that a later resume can find it again).
 *
 * @param playbook       the playbook, validated
 * @param inputs         the inputs given
 * @param event          the event (container and artifacts), or {@link Events.Event#none()}
 * @param assets         the assets
 * @param prompts        who answers prompts
 * @param subPlaybooks   loads sub-playbooks
 * @param maxConcurrency executions at once across the run
 * @param retryInDoubt   on a resume: blocks whose in-doubt executions run again without looking for their effect
 *                       ({@code block}, or {@code block/child_block} inside a sub-playbook)
 * @param origin         where the playbook, event and assets were read from
 * @param code           whether and how code blocks run (they run in {@code code/} of the run's directory)
 */
public record RunSpec(Playbook playbook, Map<String, Object> inputs, Events.Event event, Assets assets,
                      PromptHandler prompts, RunRequest.SubPlaybookSource subPlaybooks, int maxConcurrency,
                      Set<String> retryInDoubt, Origin origin, dev.wisp.engine.code.CodeSettings code) {
    /** A run in which code blocks may not run. */
    public RunSpec(Playbook playbook, Map<String, Object> inputs, Events.Event event, Assets assets,
                   PromptHandler prompts, RunRequest.SubPlaybookSource subPlaybooks, int maxConcurrency,
                   Set<String> retryInDoubt, Origin origin) {
        this(playbook, inputs, event, assets, prompts, subPlaybooks, maxConcurrency, retryInDoubt, origin,
                dev.wisp.engine.code.CodeSettings.off());
    }

    public RunSpec {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(playbook, "playbook");
        inputs = Map.copyOf(inputs);
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(prompts, "prompts");
        retryInDoubt = Set.copyOf(retryInDoubt);
        Objects.requireNonNull(origin, "origin");
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("max concurrency must be at least 1");
        }
    }

    /**
     * Where a run's parts came from.
     *
     * @param playbook  the playbook file
     * @param event     the event file, or null
     * @param assets    the assets file, or null
     * @param simulated whether its assets pointed at simulators that live only as long as the process
     */
    public record Origin(Path playbook, Path event, Path assets, boolean simulated) {
        public Origin {
            Objects.requireNonNull(playbook, "playbook");
        }
    }
}
