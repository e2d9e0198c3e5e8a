package dev.wisp.cli.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wisp.engine.plugin.PluginRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation fuzzer: mutates the example playbooks, playbook tests, assets, answers, events and a playbook that
 * runs offline (run by {@code wisp run}, whose report must survive whole), and checks every
 * mutant against {@link Targets}' properties. It runs in the normal build for a bounded time with a fixed seed, so a
 * build is reproducible; run it longer with {@code -Dwisp.fuzz.seconds=600} (and another {@code -Dwisp.fuzz.seed},
 * or a cap {@code -Dwisp.fuzz.cases}). Each failing input is written to {@code target/fuzz-findings/}; keep it under
 * {@code src/test/resources/fuzz/regressions/<kind>/} and it is checked in every build from then on.
 */
class MutationFuzzTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Path REGRESSIONS = Path.of("src/test/resources/fuzz/regressions");
    private static final Path FINDINGS = Path.of("target/fuzz-findings");
    private static final long SEED = Long.decode(System.getProperty("wisp.fuzz.seed", "0x12F022"));
    private static final double SECONDS = Double.parseDouble(System.getProperty("wisp.fuzz.seconds", "20"));
    private static final long MAX_CASES = Long.getLong("wisp.fuzz.cases", Long.MAX_VALUE);
    /** One mutated playbook in this many also goes through {@code wisp validate} itself, next to a valid one. */
    private static final int CLI_EVERY = 20;
    /**
     * Internal errors of {@code wisp test} on broken test files fail the build like every other finding (issue 12's
     * item 3 is fixed); {@code -Dwisp.fuzz.strictTests=false} only counts and lists them.
     */
    private static final boolean STRICT_TESTS = Boolean.parseBoolean(System.getProperty("wisp.fuzz.strictTests",
            "true"));

    @Test
    void mutatedInputsNeverCrashLoseReportsOrLeaveDiagnosticsUnlocated(@TempDir Path dir) throws IOException {
        Path ws = workspace(dir);
        Targets targets = targets(ws);
        Map<Targets.Kind, List<String>> seeds = seeds(ws);
        Random random = new Random(SEED);
        Mutator mutator = new Mutator(random);
        Map<Targets.Kind, Integer> tried = new EnumMap<>(Targets.Kind.class);
        Map<String, String> findings = new LinkedHashMap<>();
        Map<String, String> known = new LinkedHashMap<>();
        long started = System.nanoTime();
        long deadline = started + (long) (SECONDS * 1e9);
        long cases = 0;
        while (cases < MAX_CASES && System.nanoTime() < deadline) {
            Targets.Kind kind = pickKind(random);
            List<String> texts = seeds.get(kind);
            byte[] input = mutator.bytes(mutator.mutate(texts.get(random.nextInt(texts.size()))));
            Path file = ws.resolve(caseName(kind));
            Files.write(file, input);
            Optional<String> problem = targets.check(kind, file, kind == Targets.Kind.PLAYBOOK
                    && cases % CLI_EVERY == 0);
            tried.merge(kind, 1, Integer::sum);
            cases++;
            if (problem.isPresent()) {
                String key = kind + ": " + problem.get().lines().findFirst().orElse("").replaceAll("\\d+", "N");
                Map<String, String> into = kind == Targets.Kind.TEST && !STRICT_TESTS ? known : findings;
                if (!into.containsKey(key)) {
                    Files.createDirectories(FINDINGS);
                    Path kept = FINDINGS.resolve(kind.name().toLowerCase(Locale.ROOT) + "-" + cases + "-"
                            + caseName(kind) + ".finding"); // not *.test.yaml: wisp test . must not pick it up
                    Files.write(kept, input);
                    into.put(key, problem.get() + "\n    input: " + kept.toAbsolutePath());
                }
            }
        }
        String summary = String.format(Locale.ROOT, "fuzz seed %#x: %d cases in %.1f s %s, %d distinct failures, "
                + "%d known wisp test failures (item 3)%n", SEED, cases, (System.nanoTime() - started) / 1e9, tried, findings.size(), known.size());
        Files.createDirectories(Path.of("target"));
        // as bytes: a message may quote a mutated input's split surrogate, which a UTF-8 writer refuses
        Files.write(Path.of("target/fuzz-summary.txt"), (summary + String.join("\n", findings.values())
                + "\nknown (item 3):\n" + String.join("\n", known.values()) + "\n").getBytes(UTF_8));
        System.out.print(summary);
        if (!findings.isEmpty()) {
            fail(summary + String.join("\n", findings.values()));
        }
        assertTrue(cases >= tried.size(), "the fuzzer ran " + cases + " cases");
    }

    /** Every input the fuzzer ever found failing, kept so that it stays fixed. */
    @TestFactory
    Stream<DynamicTest> everyKeptFindingKeepsTheProperties(@TempDir Path dir) throws IOException {
        Path ws = workspace(dir);
        Targets targets = targets(ws);
        List<DynamicTest> tests = new ArrayList<>();
        for (Targets.Kind kind : Targets.Kind.values()) {
            Path kindDir = REGRESSIONS.resolve(kind.name().toLowerCase(Locale.ROOT));
            if (!Files.isDirectory(kindDir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(kindDir)) {
                files.sorted().forEach(f -> tests.add(DynamicTest.dynamicTest(kind + " " + f.getFileName(), () -> {
                    Path file = ws.resolve(caseName(kind));
                    Files.copy(f, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    targets.check(kind, file, true).ifPresent(p -> fail(f + ": " + p));
                })));
            }
        }
        assertTrue(!tests.isEmpty(), "no kept findings under " + REGRESSIONS.toAbsolutePath());
        return tests.stream();
    }

    private static Targets.Kind pickKind(Random random) {
        int r = random.nextInt(100);
        return r < 45 ? Targets.Kind.PLAYBOOK : r < 55 ? Targets.Kind.TEST : r < 70 ? Targets.Kind.ASSETS
                : r < 80 ? Targets.Kind.ANSWERS : r < 90 ? Targets.Kind.EVENT : Targets.Kind.RUN;
    }

    private static String caseName(Targets.Kind kind) {
        return switch (kind) {
            case PLAYBOOK -> "fuzz-case.yaml";
            case TEST -> "fuzz-case.test.yaml";
            case ASSETS -> "fuzz-assets.yaml";
            case ANSWERS -> "fuzz-answers.yaml";
            case EVENT -> "fuzz-event.json";
            case RUN -> "fuzz-run.yaml";
        };
    }

    /** The examples, copied so that test files find their playbooks and events by the same relative paths. */
    private static Path workspace(Path dir) throws IOException {
        Path ws = dir.resolve("ws");
        copyTree(REPO.resolve("playbooks"), ws);
        copyTree(Path.of("src/test/resources/fuzz/seeds"), ws.resolve("seeds"));
        copyTree(Path.of("src/test/resources/fuzz/run"), ws.resolve("run"));
        Files.writeString(ws.resolve("fuzz-run-event.json"), "{\"container\": {\"severity\": \"high\"}}");
        Files.copy(REPO.resolve("examples/assets.example.yaml"), ws.resolve("assets.example.yaml"));
        Files.copy(REPO.resolve("examples/capture_ec2_instance.answers.yaml"), ws.resolve("answers.example.yaml"));
        Files.writeString(ws.resolve("token.txt"), Targets.SECRET + "\n");
        return ws;
    }

    private static Targets targets(Path ws) {
        PluginRegistry registry = PluginRegistry.load(MutationFuzzTest.class.getClassLoader(), Optional.empty());
        return new Targets(registry.catalog(), ws.resolve("capture_s3_bucket.yaml"));
    }

    private static Map<Targets.Kind, List<String>> seeds(Path ws) throws IOException {
        Map<Targets.Kind, List<String>> out = new EnumMap<>(Targets.Kind.class);
        for (Targets.Kind k : Targets.Kind.values()) {
            out.put(k, new ArrayList<>());
        }
        try (Stream<Path> files = Files.walk(ws)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String n = f.getFileName().toString();
                Targets.Kind kind = f.getParent().endsWith("run") ? Targets.Kind.RUN : n.endsWith(".test.yaml") ? Targets.Kind.TEST : n.startsWith("assets")
                        ? Targets.Kind.ASSETS : n.startsWith("answers") ? Targets.Kind.ANSWERS : n.endsWith(".json")
                        ? Targets.Kind.EVENT : n.endsWith(".yaml") ? Targets.Kind.PLAYBOOK : null;
                if (kind != null) {
                    out.get(kind).add(Files.readString(f));
                }
            }
        }
        out.get(Targets.Kind.ASSETS).add("assets:\n  cado:\n    app: cado_response\n    config:\n"
                + "      base_url: https://cado.example.com/api/v2\n      access_token: ${file:token.txt}\n");
        out.forEach((k, v) -> assertTrue(!v.isEmpty(), "no seed for " + k));
        return out;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
