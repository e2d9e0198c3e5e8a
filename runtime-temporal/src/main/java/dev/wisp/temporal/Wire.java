package dev.wisp.temporal;

import java.util.List;
import java.util.Map;

/**
 * What crosses between the client, the workflow and its activities, and so what Temporal's history records: names,
 * playbook text, inputs, parameters and results, never an asset's configuration (workers read that from their own
 * assets file when an activity runs). Plain records of JSON-like values, so the history reads as JSON.
 */
public final class Wire {
    private Wire() {
    }

    /**
     * A run to start.
     *
     * @param runId          the run's id (the workflow id)
     * @param playbookFile   the playbook's file as the user named it (for messages and sub-playbook paths)
     * @param playbookText   the playbook's text: a worker parses it, so every replay sees the playbook it started with
     * @param subPlaybooks   the text of every sub-playbook it may call, by its path (see {@link RunInputs#childPath})
     * @param inputs         the playbook's inputs (no password input: those are refused before a run starts)
     * @param container      the event's container
     * @param artifacts      the event's artifacts
     * @param maxConcurrency executions at once across the run
     * @param chain          the playbook files of the parents of a sub-playbook run, outermost first
     * @param wispVersion    the Wisp version of the client that started it
     * @param codeFiles      the text of every code file its code blocks (and its sub-playbooks') name, by its path
     *                       beside its playbook (see {@link dev.wisp.dsl.parse.PlaybookLoader#codeFileKey}); null in
     *                       histories of older versions (none then)
     * @param prior          the journal of the run before it suspended (masked lines), when this workflow resumes it;
     *                       null or empty for a new run. The workflow's own journal holds only what follows
     */
    public record RunInput(String runId, String playbookFile, String playbookText, Map<String, String> subPlaybooks,
                           Map<String, Object> inputs, Map<String, Object> container, List<Object> artifacts,
                           int maxConcurrency, List<String> chain, String wispVersion, Map<String, String> codeFiles,
                           List<String> prior) {
        /** The code files (never null). */
        public Map<String, String> codeFilesOrNone() {
            return codeFiles == null ? Map.of() : codeFiles;
        }

        /** The journal before a resume (never null). */
        public List<String> priorOrNone() {
            return prior == null ? List.of() : prior;
        }

        /** The same run, resuming after {@code journal}, as run {@code id}. */
        public RunInput resumed(String id, List<String> journal) {
            return new RunInput(id, playbookFile, playbookText, subPlaybooks, inputs, container, artifacts,
                    maxConcurrency, chain, wispVersion, codeFiles, List.copyOf(journal));
        }
    }

    /**
     * One execution of a code block, as its activity's input: the execution and what the worker needs to run the
     * block's Python with the engine's code app.
     *
     * @param execution    the execution (its parameters are the block's inputs)
     * @param playbookFile the block's playbook, as named in the run
     * @param playbookText its text
     * @param codeFiles    the text of the code files its code blocks name
     * @param container    the event's container ({@code phantom.get_container()})
     * @param runData      what the run's earlier code blocks saved ({@code save_run_data})
     * @param formats      the texts they made with {@code phantom.format(name=...)}
     */
    public record CodeRun(Execution execution, String playbookFile, String playbookText, Map<String, String> codeFiles,
                          Map<String, Object> container, Map<String, Object> runData, Map<String, Object> formats) {
    }

    /**
     * How a run ended, with its whole journal (masked lines of docs/journal.md).
     *
     * @param status     success, failed, cancelled or suspended
     * @param message    why
     * @param outputs    the playbook's outputs
     * @param waitingFor the blocks a suspended run waits for
     * @param journal    the run's journal, one JSON line an event
     */
    public record RunEnd(String status, String message, Map<String, Object> outputs, List<String> waitingFor,
                         List<String> journal) {
    }

    /**
     * One execution of an action, as an activity's input.
     *
     * @param runId      the run
     * @param block      the block
     * @param appId      the app of the block's asset
     * @param asset      the asset's name (the worker looks up its configuration)
     * @param action     the action
     * @param index      the execution's row
     * @param iteration  the repeat iteration
     * @param attempt    the attempt (1 for the first)
     * @param parameters the parameters
     * @param step       the step (0 for the first; a later one follows a step that continued)
     * @param state      what the step before handed on (empty for the first step)
     */
    public record Execution(String runId, String block, String appId, String asset, String action, int index,
                            int iteration, int attempt, Map<String, Object> parameters, int step,
                            Map<String, Object> state) {
        public Execution {
            state = state == null ? Map.of() : state; // histories written before steps have none
        }

        /** The first step of an execution. */
        public Execution(String runId, String block, String appId, String asset, String action, int index,
                         int iteration, int attempt, Map<String, Object> parameters) {
            this(runId, block, appId, asset, action, index, iteration, attempt, parameters, 0, Map.of());
        }
    }

    /**
     * What an execution returned: its result (in the journal's form) and what the app logged while it ran.
     *
     * @param result the result
     * @param notes  the app's log lines and progress, in order
     */
    public record Executed(Map<String, Object> result, List<Note> notes) {
    }

    /**
     * A line an app logged, or progress it reported, while it ran.
     *
     * @param epochMillis when
     * @param message     the line, or the progress's detail
     * @param done        progress done, or -1 for a log line
     * @param total       progress total
     */
    public record Note(long epochMillis, String message, long done, long total) {
    }

    /**
     * Looking for the effect of an execution that was lost.
     *
     * @param execution       the execution
     * @param startedAtMillis when it started, by the workflow's clock
     */
    public record Reconciling(Execution execution, long startedAtMillis) {
    }

    /**
     * What an app found of an execution's effect.
     *
     * @param outcome found, not_found or unknown
     * @param detail  what it found
     * @param result  the result it found (found only), in the journal's form
     */
    public record Found(String outcome, String detail, Map<String, Object> result) {
    }

    /**
     * What the workflow may know of an asset on the workers: that it exists, its app, its values that are not
     * secret (parameter defaults), and who approves actions on it.
     *
     * @param name         the asset's name
     * @param configured   whether the workers' assets file has it
     * @param values       its configuration values, secret fields left out
     * @param approval     who approves actions on it, or null
     */
    public record AssetInfo(String name, boolean configured, Map<String, Object> values, Approval approval) {
    }

    /**
     * An asset's approval policy.
     *
     * @param primary     the primary owners
     * @param secondary   the secondary owners
     * @param requiredFor the action types that need approval
     * @param slaMillis   how long before an unanswered approval goes to the secondary owners
     */
    public record Approval(List<String> primary, List<String> secondary, List<String> requiredFor, long slaMillis) {
    }

    /**
     * A question the run waits on.
     *
     * @param id         its id, for the answer
     * @param block      the block asking
     * @param message    the message
     * @param questions  the questions (empty: an acknowledgement)
     * @param recipients who should answer
     * @param deadline   when it times out (ISO-8601)
     * @param approval   whether it is an approval
     */
    public record Question(long id, String block, String message, List<Ask> questions, List<String> recipients,
                           String deadline, boolean approval) {
    }

    /**
     * One question of a prompt.
     *
     * @param prompt  the question
     * @param type    text, yes/no or list
     * @param options the choices of a list
     */
    public record Ask(String prompt, String type, List<String> options) {
    }

    /**
     * An answer to a question.
     *
     * @param id         the question's id
     * @param responses  one response a question ("yes"/"no" for an approval; none for an acknowledgement)
     * @param respondent who answered
     * @param nobody     nobody can answer it: the run suspends (as an embedded run with no one to ask)
     */
    public record Answer(long id, List<String> responses, String respondent, boolean nobody) {
        /** An answer. */
        public static Answer of(long id, List<String> responses, String respondent) {
            return new Answer(id, responses, respondent, false);
        }
    }
}
