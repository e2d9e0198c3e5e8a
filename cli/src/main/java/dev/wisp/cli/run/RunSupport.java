package dev.wisp.cli.run;

import dev.wisp.cli.UsageException;
import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.source.InputFiles;
import dev.wisp.engine.asset.Assets;
import dev.wisp.engine.asset.AssetsFile;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.AnswersPromptHandler;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.prompt.TerminalPromptHandler;
import dev.wisp.engine.prompt.UnavailablePromptHandler;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.engine.time.TimeSource;
import dev.wisp.spi.AppSimulator;
import dev.wisp.spi.AssetConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/** What {@code wisp run} and {@code wisp resume} share: assets, the simulator, prompts, events, inputs. */
public final class RunSupport {
    /** The largest event (or events) file or pipe read. */
    public static final long MAX_EVENT_BYTES = 256L * 1024 * 1024;

    private RunSupport() {
    }

    /** The assets of the file, or none. */
    public static Assets assets(Path file, PluginRegistry registry) {
        if (file == null) {
            return Assets.none();
        }
        if (!InputFiles.readable(file)) {
            throw new UsageException("assets file not found: " + file);
        }
        try {
            return Assets.load(file, registry.catalog());
        } catch (AssetsFile.AssetsException e) {
            throw new UsageException("the assets file has problems:\n" + e.getMessage());
        }
    }

    /** The simulations a run started, to stop when it ends. */
    public record Simulations(List<AppSimulator.Simulation> running) implements AutoCloseable {
        public List<String> describe() {
            return running.stream().map(AppSimulator.Simulation::describe).toList();
        }

        @Override
        public void close() {
            running.forEach(AppSimulator.Simulation::close);
        }
    }

    /**
     * Starts a simulator for each app of the playbook's assets that has one (one simulation per app) and points
     * those assets at it; assets of other apps keep their configuration. None at all is a usage error.
     */
    public static Simulations simulate(Playbook playbook, Assets assets) {
        Map<String, AppSimulator> simulators = new LinkedHashMap<>();
        ServiceLoader.load(AppSimulator.class, RunSupport.class.getClassLoader())
                .forEach(s -> simulators.putIfAbsent(s.app(), s));
        Map<String, AppSimulator.Simulation> started = new LinkedHashMap<>();
        for (Asset a : playbook.assets().values()) {
            AppSimulator sim = simulators.get(a.app());
            if (sim != null) {
                assets.configs().put(a.name(), started.computeIfAbsent(a.app(), app -> sim.start()).asset(a.name()));
            }
        }
        if (started.isEmpty()) {
            throw new UsageException("--simulate: none of the assets of playbook " + playbook.name() + " is of an app "
                    + "with a simulator (there is one for " + String.join(", ", simulators.keySet()) + ")");
        }
        return new Simulations(List.copyOf(started.values()));
    }

    /**
     * Answers given in advance: from {@code --answers FILE}, then {@code --answer} (which win).
     *
     * @param byBlock the answers by block
     * @param where   where each block's answer was given, for messages
     */
    public record GivenAnswers(Map<String, List<String>> byBlock, Map<String, String> where) {
    }

    /** Reads the answers of the options; bad syntax is a usage error. */
    public static GivenAnswers answers(List<String> answerArgs, Path answersFile) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        Map<String, String> where = new LinkedHashMap<>();
        try {
            if (answersFile != null) {
                if (!InputFiles.readable(answersFile)) {
                    throw new UsageException("answers file not found: " + answersFile);
                }
                Map<String, List<String>> fromFile = AnswersPromptHandler.parseFile(answersFile);
                answers.putAll(fromFile);
                fromFile.keySet().forEach(b -> where.put(b, answersFile.toString()));
            }
            Map<String, List<String>> fromArgs = AnswersPromptHandler.parseArguments(answerArgs);
            answers.putAll(fromArgs);
            fromArgs.keySet().forEach(b -> where.put(b, "--answer " + b));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new GivenAnswers(answers, where);
    }

    /**
     * Checks the given answers against the prompts of the playbook and its sub-playbooks (and the approvals its
     * assets ask for) before anything runs; every problem at once, as a usage error.
     */
    public static void checkAnswers(GivenAnswers given, Playbook playbook, RunRequest.SubPlaybookSource subs,
                                    Assets assets) {
        Set<String> approvals = new java.util.HashSet<>();
        playbook.blocks().values().forEach(b -> {
            if (b instanceof dev.wisp.dsl.model.Block.ActionBlock a && a.asset() != null
                    && assets.approvals().containsKey(a.asset())) {
                approvals.add(a.name());
            }
        });
        List<String> problems = dev.wisp.engine.prompt.AnswerCheck.of(playbook, subs, approvals)
                .problems(given.byBlock(), b -> given.where().getOrDefault(b, b));
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems) + "\nnothing was run");
        }
    }

    /** Answers given in advance, then the terminal if there is one, else suspension. */
    public static PromptHandler prompts(GivenAnswers given, TimeSource time, PrintWriter err) {
        PromptHandler last = System.console() != null
                ? new TerminalPromptHandler(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                err, time, r -> {
                    Thread t = new Thread(r, "wisp-prompt");
                    t.setDaemon(true);
                    t.start();
                }, System.getProperty("user.name"))
                : new UnavailablePromptHandler();
        return new AnswersPromptHandler(given.byBlock(), last, System.getProperty("user.name"));
    }

    /** {@code name=value} inputs; values that look like JSON numbers, booleans, lists or objects are parsed. */
    public static Map<String, Object> inputs(List<String> args) {
        return inputs(args, null);
    }

    /**
     * {@code NAME=VALUE} inputs, read as the playbook declares them: a {@code string} input takes the text as it is
     * (also when it starts with {@code {} or {@code [}); a {@code list} or {@code object} input takes JSON; an
     * {@code any} input takes JSON when the text is a JSON list or object, else the text. Numbers and booleans are
     * converted by the run's input check.
     */
    public static Map<String, Object> inputs(List<String> args, dev.wisp.dsl.model.Playbook playbook) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--input takes NAME=VALUE, not '" + a + "'");
            }
            String name = a.substring(0, eq);
            dev.wisp.dsl.model.Input declared = playbook == null ? null : playbook.inputs().get(name);
            out.put(name, parseValue(name, a.substring(eq + 1), declared == null ? null : declared.type()));
        }
        return out;
    }

    private static Object parseValue(String name, String v, dev.wisp.spi.DataType type) {
        String t = v.strip();
        boolean json = type == dev.wisp.spi.DataType.LIST || type == dev.wisp.spi.DataType.OBJECT
                || (type != dev.wisp.spi.DataType.STRING && (t.startsWith("[") || t.startsWith("{")));
        if (!json) {
            return v;
        }
        try {
            return JournalCodec.mapper().readValue(t, Object.class);
        } catch (IOException e) {
            String why = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            throw new UsageException("--input " + name + ": '" + v + "' is not JSON" + (type == null ? ""
                    : " (input " + name + " is a " + type.id() + ")") + ": " + why);
        }
    }

    /** The event of {@code --event FILE}, or none; a bad event is a usage error naming the file, line and column. */
    public static Events.Event eventFile(Path file) {
        return eventFile(file, InputFiles.PIPE_TIMEOUT);
    }

    /** The event in a file or a pipe, which must be written within {@code timeout}. */
    public static Events.Event eventFile(Path file, Duration timeout) {
        if (file == null) {
            return Events.Event.none();
        }
        String text;
        try {
            text = new String(InputFiles.read(file, MAX_EVENT_BYTES, timeout), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException("cannot read event " + file + ": " + e.getMessage());
        }
        try {
            return Events.parse(text, file.toString());
        } catch (Events.EventException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** The lines of an events file (or pipe), with the limit of one event file. */
    public static List<String> eventLines(Path file) {
        try {
            return new String(InputFiles.read(file, MAX_EVENT_BYTES), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UsageException("cannot read events " + file + ": " + e.getMessage());
        }
    }
}
