package dev.wisp.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.dsl.source.YamlReader;
import dev.wisp.engine.journal.JournalCodec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A playbook test file ({@code *.test.yaml}, see docs/testing.md): the playbook it tests and its test cases.
 * Problems are reported at their line and column.
 *
 * @param file     the test file
 * @param playbook the playbook file, resolved against the test file's folder
 * @param cases    the test cases, in written order
 */
public record TestFile(Path file, Path playbook, List<TestCase> cases) {
    private static final Set<String> CASE_KEYS = Set.of("description", "event", "inputs", "answers", "mocks", "expect",
            "assets");

    /**
     * One test case.
     *
     * @param name      its name
     * @param container the event's container
     * @param artifacts the event's artifacts
     * @param inputs    playbook inputs
     * @param answers   prompt answers by block
     * @param mocks     results by block name or "app:action", one per execution (the last repeats)
     * @param expect    what must have happened
     * @param assets    non-secret asset configuration by asset name (defaults such as default_bucket)
     */
    public record TestCase(String name, Map<String, Object> container, List<Object> artifacts,
                           Map<String, Object> inputs, Map<String, List<String>> answers,
                           Map<String, List<Map<String, Object>>> mocks, Map<String, Object> expect,
                           Map<String, Map<String, Object>> assets) {
    }

    /** A test file that cannot be used, with located problems. */
    public static final class InvalidTestFile extends RuntimeException {
        public InvalidTestFile(List<String> problems) {
            super(String.join("\n", problems));
        }
    }

    public static TestFile read(Path file, String display) {
        YamlReader.Result r = new YamlReader().read(file, display);
        if (r.document() == null || !r.diagnostics().isEmpty()) {
            throw new InvalidTestFile(r.diagnostics().stream().map(Diagnostic::toString).toList());
        }
        SourceDocument doc = r.document();
        List<String> problems = new ArrayList<>();
        JsonNode root = doc.root();
        String playbook = root.path("playbook").asText(null);
        if (playbook == null) {
            problems.add(doc.valueLocation("") + ": a test file names the playbook it tests: 'playbook: x.yaml'");
        }
        JsonNode tests = root.path("tests");
        if (!tests.isObject() || tests.isEmpty()) {
            problems.add(doc.valueLocation("/tests") + ": a test file has 'tests:', a mapping of test name to test");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("playbook") && !k.equals("tests")) {
                problems.add(doc.keyLocation("/" + k) + ": unknown key '" + k + "'; a test file has playbook and tests");
            }
        }
        List<TestCase> cases = new ArrayList<>();
        if (tests.isObject()) {
            tests.fields().forEachRemaining(e -> {
                TestCase c = testCase(e.getKey(), e.getValue(), "/tests/" + SourceDocument.escape(e.getKey()), doc,
                        file, problems);
                if (c != null) {
                    cases.add(c);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidTestFile(problems);
        }
        return new TestFile(file, file.toAbsolutePath().getParent().resolve(playbook).normalize(), cases);
    }

    @SuppressWarnings("unchecked")
    private static TestCase testCase(String name, JsonNode node, String p, SourceDocument doc, Path file,
                                     List<String> problems) {
        if (!node.isObject()) {
            problems.add(doc.valueLocation(p) + ": test '" + name + "' must be a mapping");
            return null;
        }
        node.fieldNames().forEachRemaining(k -> {
            if (!CASE_KEYS.contains(k)) {
                problems.add(doc.keyLocation(p + "/" + k) + ": unknown key '" + k + "' in test '" + name
                        + "'; allowed: " + String.join(", ", new java.util.TreeSet<>(CASE_KEYS)));
            }
        });
        Map<String, Object> event = Map.of();
        JsonNode ev = node.get("event");
        if (ev != null && ev.isTextual()) {
            try {
                event = JournalCodec.mapper().readValue(file.toAbsolutePath().getParent().resolve(ev.asText()).toFile(),
                        Map.class);
            } catch (java.io.IOException e) {
                problems.add(doc.valueLocation(p + "/event") + ": cannot read event file " + ev.asText() + ": "
                        + e.getMessage());
            }
        } else if (ev != null) {
            event = JournalCodec.mapper().convertValue(ev, Map.class);
        }
        Map<String, List<String>> answers = new LinkedHashMap<>();
        node.path("answers").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else {
                values.add(e.getValue().asText());
            }
            answers.put(e.getKey(), values);
        });
        Map<String, List<Map<String, Object>>> mocks = new LinkedHashMap<>();
        node.path("mocks").fields().forEachRemaining(e -> {
            List<Map<String, Object>> results = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> results.add(JournalCodec.mapper().convertValue(v, Map.class)));
            } else if (e.getValue().isObject()) {
                results.add(JournalCodec.mapper().convertValue(e.getValue(), Map.class));
            } else {
                problems.add(doc.valueLocation(p + "/mocks/" + SourceDocument.escape(e.getKey())) + ": a mock is a "
                        + "result {status, message, data, summary} or a list of them");
            }
            mocks.put(e.getKey(), results);
        });
        Map<String, Object> expect = node.has("expect")
                ? JournalCodec.mapper().convertValue(node.get("expect"), Map.class) : Map.of();
        Map<String, Object> container = event.get("container") instanceof Map<?, ?> c
                ? (Map<String, Object>) c : Map.of();
        List<Object> artifacts = event.get("artifacts") instanceof List<?> a ? (List<Object>) a : List.of();
        Map<String, Object> inputs = node.has("inputs") ? JournalCodec.mapper().convertValue(node.get("inputs"),
                Map.class) : Map.of();
        Map<String, Map<String, Object>> assets = node.has("assets")
                ? JournalCodec.mapper().convertValue(node.get("assets"), Map.class) : Map.of();
        return new TestCase(name, container, artifacts, inputs, answers, mocks, expect, assets);
    }
}
