package dev.wisp.engine.run;

import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.journal.Journal;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.time.TimeSource;
import dev.wisp.spi.AssetConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one run needs. Runs share nothing mutable, so many may run at once in one engine.
 *
 * @param runId          the run's id
 * @param playbook       the playbook
 * @param inputs         input values given by the user (checked against the declared inputs)
 * @param container      the event's container, or empty
 * @param artifacts      the event's artifacts, or empty
 * @param assets         asset name to configuration
 * @param prompts        who answers prompts
 * @param journal        where events go
 * @param time           clock and timers
 * @param maxConcurrency executions at once across the run
 * @param prior          an earlier journal of this run to continue from (resume), or empty
 * @param subPlaybooks   loads sub-playbooks
 * @param retryInDoubt   blocks whose in-doubt executions (started before a crash, never finished, not safe to
 *                       repeat, their effect not found or unknowable) the user asked to run again
 * @param code           whether and how code blocks run (off unless allowed)
 */
public record RunRequest(String runId, Playbook playbook, Map<String, Object> inputs, Map<String, Object> container,
                         List<Object> artifacts, AssetProvider assets, PromptHandler prompts, Journal journal,
                         TimeSource time, int maxConcurrency, List<JournalEvent> prior, SubPlaybookSource subPlaybooks,
                         java.util.Set<String> retryInDoubt, dev.wisp.engine.code.CodeSettings code) {
    /** A request in which code blocks may not run. */
    public RunRequest(String runId, Playbook playbook, Map<String, Object> inputs, Map<String, Object> container,
                      List<Object> artifacts, AssetProvider assets, PromptHandler prompts, Journal journal,
                      TimeSource time, int maxConcurrency, List<JournalEvent> prior, SubPlaybookSource subPlaybooks,
                      java.util.Set<String> retryInDoubt) {
        this(runId, playbook, inputs, container, artifacts, assets, prompts, journal, time, maxConcurrency, prior,
                subPlaybooks, retryInDoubt, dev.wisp.engine.code.CodeSettings.off());
    }

    /** A request that runs nothing in doubt again. */
    public RunRequest(String runId, Playbook playbook, Map<String, Object> inputs, Map<String, Object> container,
                      List<Object> artifacts, AssetProvider assets, PromptHandler prompts, Journal journal,
                      TimeSource time, int maxConcurrency, List<JournalEvent> prior, SubPlaybookSource subPlaybooks) {
        this(runId, playbook, inputs, container, artifacts, assets, prompts, journal, time, maxConcurrency, prior,
                subPlaybooks, java.util.Set.of());
    }

    public RunRequest {
        retryInDoubt = java.util.Set.copyOf(retryInDoubt);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(playbook, "playbook");
        inputs = Map.copyOf(inputs);
        container = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(container));
        artifacts = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(artifacts));
        Objects.requireNonNull(assets, "assets");
        Objects.requireNonNull(prompts, "prompts");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(time, "time");
        prior = List.copyOf(prior);
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be at least 1");
        }
    }

    /** Where asset configurations, and who approves actions on them, come from. */
    public interface AssetProvider {
        Optional<AssetConfig> asset(String name);

        /** The asset's approval policy (owners, SLA, action types needing approval), if it has one. */
        default Optional<dev.wisp.engine.asset.ApprovalPolicy> approval(String name) {
            return Optional.empty();
        }
    }

    /** Loads a sub-playbook named by a playbook block, relative to its parent. */
    public interface SubPlaybookSource {
        Playbook load(Playbook parent, String relativePath);
    }
}
