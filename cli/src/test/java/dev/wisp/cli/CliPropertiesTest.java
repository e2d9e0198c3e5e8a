package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a user types, {@code wisp} answers with a documented exit code (0, 1, 2, 3 or 4) and never an internal
 * error: generated command lines over the real commands, files that exist and files that do not.
 */
class CliPropertiesTest {
    private static final Set<Integer> DOCUMENTED = Set.of(0, 1, 2, 3, 4);
    private static Path runs;

    @BeforeContainer
    static void runsDir() throws Exception {
        runs = Files.createTempDirectory("wisp-cli-properties");
    }

    @AfterContainer
    static void cleanUp() throws Exception {
        try (var files = Files.walk(runs)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 80, seed = "20261201")
    void everyCommandLineEndsWithADocumentedExitCodeAndNoInternalError(@ForAll("commandLines") List<String> args) {
        List<String> all = new ArrayList<>(args);
        if (Set.of("run", "resume").contains(args.get(0))) {
            all.addAll(List.of("--runs-dir", runs.toString()));
        }
        CliRun r = CliRun.of(all.toArray(String[]::new));
        assertTrue(DOCUMENTED.contains(r.exit()), () -> all + " exited " + r.exit() + ": " + r.err());
        assertFalse(r.err().contains("wisp: internal error"), () -> all + ": " + r.err());
    }

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> file = Arbitraries.of("../playbooks/triage_ec2_alert.yaml",
                "../playbooks/capture_s3_bucket.yaml", "../playbooks/triage_ec2_alert.test.yaml",
                "../playbooks/events/ec2_alert.json", "../examples/assets.example.yaml",
                "../examples/capture_ec2_instance.answers.yaml", "../playbooks", "missing.yaml", "", "-", ".",
                "src/test/resources/fuzz/regressions/playbook/nan-operator.yaml", "/dev/null");
        Arbitrary<String> value = Arbitraries.oneOf(file, Arbitraries.of("x", "x=1", "bucket=b", "ask=yes",
                "Set_Project_Name.0=p", "={", "a=[1", "0", "-1", "99999999999", "json", "sarif", "dot", "text",
                "cado", "core", "20261201"), Arbitraries.strings().all().ofMaxLength(6));
        Arbitrary<String> option = Arbitraries.of("--format", "--strict", "--assets", "--input", "--event",
                "--answer", "--answers", "--output", "--max-concurrency", "--parallel", "--junit", "--run",
                "--verbose", "--plugin-path", "--help", "--bogus");
        Arbitrary<List<String>> tail = Arbitraries.oneOf(file.map(List::of), option.map(List::of),
                Combinators.combine(option, value).as(List::of)).list().ofMaxSize(4)
                .map(l -> l.stream().flatMap(List::stream).toList());
        Arbitrary<List<String>> command = Arbitraries.of(List.of("validate"), List.of("run"), List.of("resume"),
                List.of("test"), List.of("graph"), List.of("actions"), List.of("schema"), List.of("asset", "test"),
                List.of("help"), List.of("--version"), List.of("nonsense"));
        return Combinators.combine(command, tail).as((c, t) -> {
            List<String> all = new ArrayList<>(c);
            all.addAll(t);
            return all;
        });
    }
}
