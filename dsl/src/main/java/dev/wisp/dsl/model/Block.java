package dev.wisp.dsl.model;

import dev.wisp.dsl.diag.Location;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A block of a playbook. {@code start} and {@code end} are implicit and not blocks. */
public sealed interface Block {

    BlockInfo info();

    default String name() {
        return info().name();
    }

    default Location location() {
        return info().location();
    }

    /** The output ports edges may leave from; the empty string stands for the default (unported) output. */
    List<String> ports();

    /** The kinds of block; a switch over them without {@code default} must handle every kind. */
    enum Kind {
        ACTION("action"), PROMPT("prompt"), FILTER("filter"), DECISION("decision"), FORMAT("format"),
        PLAYBOOK("playbook"), CODE("code");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        /** The kind as written in YAML. */
        public String id() {
            return id;
        }
    }

    /** The block's kind (each block type names its own, so a new type cannot be forgotten). */
    Kind type();

    /** The kind as written in YAML: action, prompt, filter, decision, format, playbook or code. */
    default String kind() {
        return type().id();
    }

    /**
     * Runs an app action once per input row.
     *
     * @param action         the action's name ({@code create project})
     * @param actionLocation where the action name is written
     * @param asset          the asset it runs on, or {@code null} when {@code app} names an app without configuration
     * @param app            the app id, when given directly instead of an asset, or {@code null}
     * @param parameters     parameter name to value, in written order
     * @param combine        how values from different sources combine, or {@code null} when not written
     * @param maxConcurrency the most executions at once, or {@code null} for the run's default
     * @param timeout        the longest one attempt may take, or {@code null}
     * @param retry          retry policy, or {@code null}
     * @param repeat         loop policy, or {@code null}
     * @param onFailure      what a failed execution does when no {@code .failure} edge exists
     */
    record ActionBlock(BlockInfo info, String action, Location actionLocation, String asset, String app,
                       Map<String, Value> parameters, Combine combine, Integer maxConcurrency, Duration timeout,
                       Retry retry, Repeat repeat, OnFailure onFailure) implements Block {
        @Override
        public Kind type() {
            return Kind.ACTION;
        }

        public ActionBlock {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(action, "action");
            Objects.requireNonNull(actionLocation, "actionLocation");
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            onFailure = onFailure == null ? OnFailure.CONTINUE : onFailure;
        }

        @Override
        public List<String> ports() {
            return List.of("", "success", "failure");
        }
    }

    /**
     * Asks a person, on the terminal, from an answers file, or later through {@code wisp resume}.
     *
     * @param message    the message, with {@code {0}}, {@code {1}} placeholders
     * @param parameters the values of the placeholders
     * @param responses  the questions; empty for a plain acknowledgement
     * @param approver   who should answer (a user or role name), or {@code null}
     * @param timeout    how long to wait; past it the prompt fails and the run goes on
     */
    record PromptBlock(BlockInfo info, String message, List<Value> parameters, List<PromptResponse> responses,
                       String approver, Duration timeout) implements Block {
        @Override
        public Kind type() {
            return Kind.PROMPT;
        }

        public PromptBlock {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(message, "message");
            parameters = List.copyOf(parameters);
            responses = List.copyOf(responses);
        }

        @Override
        public List<String> ports() {
            return List.of("", "success", "failure");
        }
    }

    /**
     * Independent named conditions; each that matches something fires its own port, and downstream
     * {@code filtered-data:} paths see only the matching items.
     */
    record FilterBlock(BlockInfo info, List<Condition> conditions) implements Block {
        @Override
        public Kind type() {
            return Kind.FILTER;
        }

        public FilterBlock {
            Objects.requireNonNull(info, "info");
            conditions = List.copyOf(conditions);
        }

        @Override
        public List<String> ports() {
            return conditions.stream().map(Condition::name).toList();
        }
    }

    /** The first branch whose condition holds, else {@code else}; no match and no else edge ends the branch. */
    record DecisionBlock(BlockInfo info, List<Condition> branches) implements Block {
        @Override
        public Kind type() {
            return Kind.DECISION;
        }

        public static final String ELSE = "else";

        public DecisionBlock {
            Objects.requireNonNull(info, "info");
            branches = List.copyOf(branches);
        }

        @Override
        public List<String> ports() {
            List<String> ports = new java.util.ArrayList<>(branches.stream().map(Condition::name).toList());
            ports.add(ELSE);
            return List.copyOf(ports);
        }
    }

    /**
     * Renders a template; {@code <block>:formatted_data} is the whole text with list values joined by
     * {@code separator} and each {@code %%...%%} row section repeated once per row, {@code <block>:formatted_data.*}
     * one text per row. With {@code dropNone}, null values are removed from each parameter's list first (SOAR's
     * {@code drop_none}).
     */
    record FormatBlock(BlockInfo info, String template, Location templateLocation, List<Value> parameters,
                       String separator, boolean dropNone) implements Block {
        @Override
        public Kind type() {
            return Kind.FORMAT;
        }

        public FormatBlock {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(templateLocation, "templateLocation");
            parameters = List.copyOf(parameters);
            separator = separator == null ? ", " : separator;
        }

        @Override
        public List<String> ports() {
            return List.of("");
        }
    }

    /**
     * Runs another playbook file and waits for it; its declared outputs are read as
     * {@code <block>:playbook_output:<name>}.
     *
     * @param playbook         the path of the sub-playbook, relative to this playbook's file
     * @param playbookLocation where the path is written
     * @param inputs           input name to value
     */
    record PlaybookBlock(BlockInfo info, String playbook, Location playbookLocation, Map<String, Value> inputs)
            implements Block {
        @Override
        public Kind type() {
            return Kind.PLAYBOOK;
        }

        public PlaybookBlock {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(playbook, "playbook");
            Objects.requireNonNull(playbookLocation, "playbookLocation");
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }

        @Override
        public List<String> ports() {
            return List.of("", "success", "failure");
        }
    }

    /**
     * Runs Python once with its declared inputs and checks its declared outputs, read downstream as
     * {@code <block>:custom_function:<name>}. See docs/code-blocks.md for the contract.
     *
     * @param code        the Python source: written inline, or read from {@code file}
     * @param codeStart   where the source's first line is (for Python line numbers in diagnostics): inside the
     *                    playbook for inline code, line 1 of the file otherwise
     * @param file        the file the code was read from, relative to the playbook, or {@code null} when inline
     * @param inputs      input name to value: a data path gives the list of its values, a literal itself
     * @param outputs     output name to its declared type, in written order
     * @param env         names of environment variables passed through to Python (all others are scrubbed)
     * @param timeout     the longest it may run, or {@code null} for the engine's default
     * @param onFailure   what a failure does when no {@code .failure} edge exists
     */
    record CodeBlock(BlockInfo info, String code, Location codeStart, String file, Map<String, Value> inputs,
                     Map<String, CodeOutput> outputs, List<String> env, Duration timeout, OnFailure onFailure)
            implements Block {
        @Override
        public Kind type() {
            return Kind.CODE;
        }

        public CodeBlock {
            Objects.requireNonNull(info, "info");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(codeStart, "codeStart");
            inputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
            outputs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
            env = List.copyOf(env);
            onFailure = onFailure == null ? OnFailure.CONTINUE : onFailure;
        }

        /**
         * Where line {@code line} (1-based) and column {@code column} (1-based) of the Python source are: in the
         * code file, or in the playbook (the lines of an inline block scalar follow its first line).
         */
        public Location pythonLocation(int line, int column) {
            if (codeStart.line() == 0) {
                return codeStart;
            }
            return new Location(codeStart.file(), codeStart.line() + Math.max(line, 1) - 1,
                    codeStart.column() + Math.max(column, 1) - 1);
        }

        @Override
        public List<String> ports() {
            return List.of("", "success", "failure");
        }
    }
}
