package dev.wisp.cli.run;

import dev.wisp.cli.UsageException;
import dev.wisp.cado.sim.CadoSimulator;
import dev.wisp.cado.sim.SimulatorOptions;
import dev.wisp.dsl.model.Asset;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.asset.AssetsFile;
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

    /** Answers from arguments and a file, then the terminal if there is one, else suspension. */
    public static PromptHandler prompts(List<String> answerArgs, Path answersFile, TimeSource time, PrintWriter err) {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        try {
            if (answersFile != null) {
                if (!InputFiles.readable(answersFile)) {
                    throw new UsageException("answers file not found: " + answersFile);
                }
                answers.putAll(AnswersPromptHandler.parseFile(answersFile));
            }
            answers.putAll(AnswersPromptHandler.parseArguments(answerArgs));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        PromptHandler last = System.console() != null
                ? new TerminalPromptHandler(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
                err, time, r -> {
                    Thread t = new Thread(r, "wisp-prompt");
                    t.setDaemon(true);
                    t.start();
                }, System.getProperty("user.name"))
                : new UnavailablePromptHandler();
        return new AnswersPromptHandler(answers, last);
    }

    /** {@code name=value} inputs; values that look like JSON numbers, booleans, lists or objects are parsed. */
    public static Map<String, Object> inputs(List<String> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("--input takes NAME=VALUE, not '" + a + "'");
            }
            out.put(a.substring(0, eq), parseValue(a.substring(eq + 1)));
        }
        return out;
    }

    private static Object parseValue(String v) {
        String t = v.strip();
        if (t.startsWith("[") || t.startsWith("{")) {
            try {
                return JournalCodec.mapper().readValue(t, Object.class);
            } catch (IOException e) {
                throw new UsageException("input value '" + v + "' looks like JSON but is not: " + e.getMessage());
            }
        }
        return v;
    }

    /**
     * An event: a container and its artifacts.
     *
     * @param container the container fields
     * @param artifacts the artifacts
     */
    public record Event(Map<String, Object> container, List<Object> artifacts) {
        public static Event none() {
            return new Event(Map.of(), List.of());
        }
    }

    @SuppressWarnings("unchecked")
    public static Event event(Object json, String where) {
        if (!(json instanceof Map<?, ?> m)) {
            throw new UsageException(where + ": an event is a JSON object with container and artifacts");
        }
        Object c = m.get("container");
        Object a = m.get("artifacts");
        if ((c != null && !(c instanceof Map)) || (a != null && !(a instanceof List))) {
            throw new UsageException(where + ": container must be an object and artifacts a list");
        }
        return new Event(c == null ? Map.of() : (Map<String, Object>) c, a == null ? List.of() : (List<Object>) a);
    }

    public static Event eventFile(Path file) {
        return eventFile(file, InputFiles.PIPE_TIMEOUT);
    }

    /** The event in a file or a pipe, which must be written within {@code timeout}. */
    public static Event eventFile(Path file, Duration timeout) {
        if (file == null) {
            return Event.none();
        }
        try {
            return event(JournalCodec.mapper().readValue(InputFiles.read(file, MAX_EVENT_BYTES, timeout),
                    Object.class), file.toString());
        } catch (IOException e) {
            throw new UsageException("cannot read event " + file + ": " + e.getMessage());
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
