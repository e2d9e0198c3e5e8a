package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.testing.TestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The conformance suite: every case passes, names its rule, and every rule in the docs links its cases. */
class ConformanceTest {
    private static final Path SUITE = Path.of("../conformance");
    private static final Path DOCS = Path.of("../docs/playbook-format.md");

    private static boolean python() {
        return dev.wisp.engine.code.Python.find(dev.wisp.engine.code.CodeSettings.DEFAULT_PYTHON, System.getenv())
                .isPresent();
    }

    @Test
    void everyCasePasses() throws IOException {
        List<String> args = new ArrayList<>(List.of("test"));
        if (python()) {
            args.add(SUITE.toString());
        } else {
            // the code cases need python3; codeCasesPass says they were skipped
            try (Stream<Path> rules = Files.list(SUITE)) {
                rules.filter(Files::isDirectory).filter(d -> !d.endsWith("code")).sorted()
                        .forEach(d -> args.add(d.toString()));
            }
        }
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Matcher m = Pattern.compile("(\\d+) passed, 0 failed\\n$").matcher(r.err());
        assertTrue(m.find(), r.err());
        assertTrue(Integer.parseInt(m.group(1)) >= 80, "the suite has at least 80 cases: " + m.group(1));
    }

    @Test
    void codeCasesPass() {
        Assumptions.assumeTrue(python(), "python3 is not on the PATH: the conformance cases of code blocks skipped");
        CliRun r = CliRun.of("test", SUITE.resolve("code").toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
    }

    @Test
    void everyCaseNamesTheRuleOfItsFolderAndEveryRuleLinksItsCases() throws IOException {
        String docs = Files.readString(DOCS);
        List<String> problems = new ArrayList<>();
        TreeSet<String> rules = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SUITE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".test.yaml")).sorted().toList()) {
                String rule = f.getParent().getFileName().toString();
                rules.add(rule);
                for (TestFile.TestCase c : TestFile.read(f, f.toString()).cases()) {
                    if (!rule.equals(c.rule())) {
                        problems.add(f + " > " + c.name() + ": rule is " + c.rule() + ", but the case is in " + rule);
                    }
                }
            }
        }
        for (String rule : rules) {
            if (!docs.contains("](../conformance/" + rule + "/)")) {
                problems.add("docs/playbook-format.md does not link the cases of rule " + rule
                        + " ([cases](../conformance/" + rule + "/))");
            }
        }
        Matcher links = Pattern.compile("\\]\\(\\.\\./conformance/([a-z-]+)/\\)").matcher(docs);
        while (links.find()) {
            if (!Files.isDirectory(SUITE.resolve(links.group(1)))) {
                problems.add("docs/playbook-format.md links conformance/" + links.group(1) + "/, which does not exist");
            }
        }
        assertEquals(List.of(), problems);
    }
}
