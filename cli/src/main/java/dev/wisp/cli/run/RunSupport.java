package dev.wisp.cli.run;

import dev.wisp.cli.UsageException;
import dev.wisp.cado.sim.CadoSimulator;
import dev.wisp.cado.sim.SimulatorOptions;
import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.asset.AssetsFile;
import dev.wisp.engine.run.Events;
import dev.wisp.engine.run.RunRequest;
import java.util.Optional;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.plugin.PluginRegistry;
import dev.wisp.engine.prompt.AnswersPromptHandler;
import dev.wisp.engine.prompt.PromptHandler;
import dev.wisp.engine.prompt.TerminalPromptHandler;
import dev.wisp.engine.prompt.UnavailablePromptHandler;
import dev.wisp.engine.time.TimeSource;
import dev.wisp.spi.AssetConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.wisp.dsl.source.InputFiles;
import java.time.Duration;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@code wisp run} and {@code wisp resume} share: assets, the simulator, prompts, events, inputs. */
public final class RunSupport {
    /** The largest event (or events) file or pipe read. */
    public static final long MAX_EVENT_BYTES = 256L * 1024 * 1024;

    private RunSupport() {
    }

    /**
     * The configured assets of a run.
     *
     * @param configs   asset name to configuration (mutable: --simulate adds to it)
     * @param approvals asset name to approval policy
     */
    public record Assets(Map<String, AssetConfig> configs, Map<String, ApprovalPolicy> approvals)
            implements RunRequest.AssetProvider {
        @Override
        public Optional<AssetConfig> asset(String name) {
            return Optional.ofNullable(configs.get(name));
        }

        @Override
        public Optional<ApprovalPolicy> approval(String name) {
            return Optional.ofNullable(approvals.get(name));
        }
    }

    /** The assets of the file, or none. */
    public static Assets assets(Path file, PluginRegistry registry) {
        Map<String, AssetConfig> configs = new LinkedHashMap<>();
        Map<String, ApprovalPolicy> approvals = new LinkedHashMap<>();
        if (file != null) {
            if (!InputFiles.readable(file)) {
                throw new UsageException("assets file not found: " + file);
            }
            try {
                AssetsFile.load(file, registry.catalog()).forEach((k, v) -> {
                    configs.put(k, v.config());
                    if (v.approval() != null) {
                        approvals.put(k, v.approval());
                    }
                });
            } catch (AssetsFile.AssetsException e) {
                throw new UsageException("the assets file has problems:\n" + e.getMessage());
            }
        }
        return new Assets(configs, approvals);
    }

    /**
     * Starts a Cado Response simulator and points the playbook's cado_response assets at it (with a fresh random
     * token, and polls every second so demos are quick).
     */
    public static CadoSimulator simulate(Playbook playbook, Map<String, AssetConfig> assets) {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        CadoSimulator sim = CadoSimulator.start(SimulatorOptions.defaults(token).withSteps(6, 2));
        for (Asset a : playbook.assets().values()) {
            if (a.app().equals("cado_response")) {
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("base_url", sim.baseUrl());
                values.put("access_token", token);
                values.put("default_bucket", "evidence-bucket");
                values.put("default_region", "us-east-1");
                values.put("verify_server_cert", true);
                values.put("poll_interval", 1);
                values.put("max_wait", 600);
                values.put("connect_timeout", 5);
                values.put("read_timeout", 30);
                values.put("max_connections", 32);
                assets.put(a.name(), new AssetConfig(a.name(), a.app(), values, Set.of("access_token")));
            }
        }
        return sim;
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
