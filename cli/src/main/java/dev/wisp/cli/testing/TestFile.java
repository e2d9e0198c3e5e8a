package dev.wisp.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.parse.Durations;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.dsl.source.YamlReader;
import dev.wisp.engine.asset.ApprovalPolicy;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.run.Events;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A playbook test file ({@code *.test.yaml}, see docs/testing.md): the playbook it tests and its test cases.
 * Every problem is reported at its line and column; {@link TestChecks} adds the problems that need the playbook.
 *
 * @param file     the test file
 * @param playbook the playbook file, resolved against the test file's folder
 * @param cases    the test cases, in written order
 * @param doc      the file as read, for locating problems
 */
public record TestFile(Path file, Path playbook, List<TestCase> cases, SourceDocument doc) {
    static final Set<String> CASE_KEYS = Set.of("description", "rule", "event", "inputs", "answers", "mocks",
            "expect", "assets", "resume");

    /**
     * How a prompt is answered in a test.
     *
     * @param values     one answer per question
     * @param respondent who answers (recorded in the journal), or null
     * @param after      how long after the prompt was first asked the answer comes (virtual time), or null: at once
     * @param timeout    nobody answers: the prompt runs out of time
     */
    public record Answer(List<String> values, String respondent, Duration after, boolean timeout) {
        public Answer {
            values = List.copyOf(values);
        }
    }

    /**
     * A resume of the run after it suspended.
     *
     * @param after   virtual time that passes while the run is suspended
     * @param answers the answers given to {@code wisp resume}
     */
    public record Resume(Duration after, Map<String, Answer> answers) {
    }

    /**
     * One test case.
     *
     * @param name      its name
     * @param pointer   its JSON Pointer in the file, for locating problems
     * @param rule      the rule of docs/playbook-format.md it pins (conformance cases), or null
     * @param container the event's container
     * @param artifacts the event's artifacts
     * @param inputs    playbook inputs
     * @param answers   prompt answers by block
     * @param mocks     results by block name or "app:action", one per execution (the last repeats)
     * @param expect    what must have happened
     * @param assets    non-secret asset configuration by asset name (defaults such as default_bucket)
     * @param approvals approval policies by asset name
     * @param resume    a resume after the run suspended, or null
     */
    public record TestCase(String name, String pointer, String rule, Map<String, Object> container,
                           List<Object> artifacts, Map<String, Object> inputs, Map<String, Answer> answers,
                           Map<String, List<Map<String, Object>>> mocks, Map<String, Object> expect,
                           Map<String, Map<String, Object>> assets, Map<String, ApprovalPolicy> approvals,
                           Resume resume) {
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
        if (!root.isObject()) {
            throw new InvalidTestFile(List.of(doc.valueLocation("") + ": a test file is a mapping with playbook "
                    + "and tests"));
        }
        JsonNode pbNode = root.get("playbook");
        String playbook = pbNode != null && pbNode.isTextual() && !pbNode.asText().isBlank()
                && pbNode.asText().indexOf('\0') < 0 ? pbNode.asText() : null;
        if (playbook == null) {
            problems.add(doc.valueLocation(pbNode == null ? "" : "/playbook") + ": a test file names the playbook it "
                    + "tests: 'playbook: x.yaml'");
        }
        JsonNode tests = root.path("tests");
        if (!tests.isObject() || tests.isEmpty()) {
            problems.add(doc.valueLocation("/tests") + ": a test file has 'tests:', a mapping of test name to test");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!k.equals("playbook") && !k.equals("tests")) {
                problems.add(doc.keyLocation("/" + SourceDocument.escape(k)) + ": unknown key '" + k
                        + "'; a test file has playbook and tests");
            }
        }
        List<TestCase> cases = new ArrayList<>();
        if (tests.isObject()) {
            tests.fields().forEachRemaining(e -> {
                TestCase c = new CaseReader(doc, file, problems).read(e.getKey(), e.getValue(),
                        "/tests/" + SourceDocument.escape(e.getKey()));
                if (c != null) {
                    cases.add(c);
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new InvalidTestFile(problems);
        }
        return new TestFile(file, file.toAbsolutePath().getParent().resolve(playbook).normalize(), cases, doc);
    }

    /** Reads one test case, adding located problems. */
    private record CaseReader(SourceDocument doc, Path file, List<String> problems) {

        @SuppressWarnings("unchecked")
        TestCase read(String name, JsonNode node, String p) {
            if (!node.isObject()) {
                problems.add(doc.valueLocation(p) + ": test '" + name + "' must be a mapping");
                return null;
            }
            node.fieldNames().forEachRemaining(k -> {
                if (!CASE_KEYS.contains(k)) {
                    problems.add(doc.keyLocation(p + "/" + SourceDocument.escape(k)) + ": unknown key '" + k
                            + "' in test '" + name + "'; allowed: " + String.join(", ",
                            new java.util.TreeSet<>(CASE_KEYS)));
                }
            });
            Events.Event event = event(node.get("event"), p + "/event");
            Map<String, Answer> answers = answers(node.get("answers"), p + "/answers");
            Map<String, List<Map<String, Object>>> mocks = mocks(node.get("mocks"), p + "/mocks");
            Map<String, Object> expect = Map.of();
            if (node.has("expect")) {
                if (!node.get("expect").isObject()) {
                    problems.add(doc.valueLocation(p + "/expect") + ": expect is a mapping of status, message, "
                            + "error, blocks, values, journal");
                } else {
                    ExpectShape.check(node.get("expect"), p + "/expect", doc, problems);
                    expect = JournalCodec.mapper().convertValue(node.get("expect"), Map.class);
                }
            }
            Map<String, Object> inputs = mapping(node, "inputs", p);
            Map<String, Map<String, Object>> assets = new LinkedHashMap<>();
            Map<String, ApprovalPolicy> approvals = new LinkedHashMap<>();
            assets(node.get("assets"), p + "/assets", assets, approvals);
            Resume resume = null;
            JsonNode rn = node.get("resume");
            if (rn != null) {
                if (!rn.isObject()) {
                    problems.add(doc.valueLocation(p + "/resume") + ": resume is a mapping { after: DURATION, "
                            + "answers: {...} }");
                } else {
                    for (Iterator<String> it = rn.fieldNames(); it.hasNext(); ) {
                        String k = it.next();
                        if (!k.equals("after") && !k.equals("answers")) {
                            problems.add(doc.keyLocation(p + "/resume/" + SourceDocument.escape(k))
                                    + ": unknown key '" + k + "' in resume; allowed: after, answers");
                        }
                    }
                    resume = new Resume(duration(rn.get("after"), p + "/resume/after"),
                            answers(rn.get("answers"), p + "/resume/answers"));
                }
            }
            JsonNode rule = node.get("rule");
            if (rule != null && !rule.isTextual()) {
                problems.add(doc.valueLocation(p + "/rule") + ": rule is the name of a rule in the docs");
            }
            return new TestCase(name, p, rule == null ? null : rule.asText(), event.container(), event.artifacts(),
                    inputs, answers, mocks, expect, assets, approvals, resume);
        }

        private Events.Event event(JsonNode ev, String p) {
            if (ev == null) {
                return Events.Event.none();
            }
            try {
                if (ev.isTextual()) {
                    try {
                        Path f = file.toAbsolutePath().getParent().resolve(ev.asText());
                        return Events.parse(Files.readString(f), f.toString());
                    } catch (IOException | java.nio.file.InvalidPathException e) {
                        problems.add(doc.valueLocation(p) + ": cannot read event file " + ev.asText() + ": "
                                + e.getMessage());
                        return Events.Event.none();
                    }
                }
                return Events.of(JournalCodec.mapper().convertValue(ev, Object.class),
                        ptr -> doc.keyLocation(p + ptr).toString());
            } catch (Events.EventException e) {
                problems.add(e.getMessage());
                return Events.Event.none();
            }
        }

        private Map<String, Answer> answers(JsonNode node, String p) {
            Map<String, Answer> out = new LinkedHashMap<>();
            if (node == null) {
                return out;
            }
            if (!node.isObject()) {
                problems.add(doc.valueLocation(p) + ": answers is a mapping of prompt block to answer");
                return out;
            }
            node.fields().forEachRemaining(e -> {
                String at = p + "/" + SourceDocument.escape(e.getKey());
                JsonNode v = e.getValue();
                if (v.isArray()) {
                    out.put(e.getKey(), new Answer(texts(v, at), null, null, false));
                } else if (v.isValueNode() && !v.isNull()) {
                    out.put(e.getKey(), new Answer(List.of(v.asText()), null, null, false));
                } else if (v.isObject()) {
                    for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
                        String k = it.next();
                        if (!Set.of("answer", "respondent", "after", "timeout").contains(k)) {
                            problems.add(doc.keyLocation(at + "/" + SourceDocument.escape(k)) + ": unknown key '" + k
                                    + "' in an answer; allowed: answer, respondent, after, timeout");
                        }
                    }
                    JsonNode a = v.get("answer");
                    List<String> values = a == null ? List.of() : a.isArray() ? texts(a, at + "/answer")
                            : List.of(a.asText());
                    boolean timeout = v.path("timeout").asBoolean(false);
                    if (a == null && !timeout) {
                        problems.add(doc.valueLocation(at) + ": an answer has 'answer: VALUE' (or a list), or "
                                + "'timeout: true' for a prompt nobody answers");
                    }
                    out.put(e.getKey(), new Answer(values, v.path("respondent").asText(null),
                            duration(v.get("after"), at + "/after"), timeout));
                } else {
                    problems.add(doc.valueLocation(at) + ": the answer to " + e.getKey() + " must be a value, a list "
                            + "of values, or { answer, respondent, after, timeout }");
                }
            });
            return out;
        }

        private List<String> texts(JsonNode array, String p) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < array.size(); i++) {
                if (!array.get(i).isValueNode() || array.get(i).isNull()) {
                    problems.add(doc.valueLocation(p + "/" + i) + ": an answer is a value");
                } else {
                    values.add(array.get(i).asText());
                }
            }
            return values;
        }

        private Duration duration(JsonNode n, String p) {
            if (n == null) {
                return null;
            }
            Duration d = n.isTextual() ? Durations.parse(n.asText()) : null;
            if (d == null) {
                problems.add(doc.valueLocation(p) + ": a duration such as 30s, 90m or 2h");
            }
            return d;
        }

        @SuppressWarnings("unchecked")
        private Map<String, List<Map<String, Object>>> mocks(JsonNode node, String p) {
            Map<String, List<Map<String, Object>>> mocks = new LinkedHashMap<>();
            if (node == null) {
                return mocks;
            }
            if (!node.isObject()) {
                problems.add(doc.valueLocation(p) + ": mocks is a mapping of block name (or app:action) to result");
                return mocks;
            }
            node.fields().forEachRemaining(e -> {
                List<Map<String, Object>> results = new ArrayList<>();
                String at = p + "/" + SourceDocument.escape(e.getKey());
                if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                    for (int i = 0; i < e.getValue().size(); i++) {
                        if (e.getValue().get(i).isObject()) {
                            results.add(JournalCodec.mapper().convertValue(e.getValue().get(i), Map.class));
                        } else {
                            problems.add(doc.valueLocation(at + "/" + i) + ": a mock result is a mapping {status, "
                                    + "message, data, summary}");
                        }
                    }
                } else if (e.getValue().isObject()) {
                    results.add(JournalCodec.mapper().convertValue(e.getValue(), Map.class));
                } else {
                    problems.add(doc.valueLocation(at) + ": a mock is a result {status, message, data, summary} or "
                            + "a list of them");
                }
                mocks.put(e.getKey(), results);
            });
            return mocks;
        }

        @SuppressWarnings("unchecked")
        private void assets(JsonNode node, String p, Map<String, Map<String, Object>> configs,
                            Map<String, ApprovalPolicy> approvals) {
            if (node == null) {
                return;
            }
            if (!node.isObject()) {
                problems.add(doc.valueLocation(p) + ": assets is a mapping of asset name to configuration");
                return;
            }
            node.fields().forEachRemaining(e -> {
                String at = p + "/" + SourceDocument.escape(e.getKey());
                JsonNode a = e.getValue();
                if (!a.isObject()) {
                    problems.add(doc.valueLocation(at) + ": an asset's test configuration is a mapping");
                    return;
                }
                if (a.has("approval") || a.has("owners") || a.has("config")) {
                    // the assets file's form: config, owners, approval
                    configs.put(e.getKey(), a.has("config") ? JournalCodec.mapper().convertValue(a.get("config"),
                            Map.class) : Map.of());
                    ApprovalPolicy policy = ApprovalPolicy.from(a, at, doc, problems);
                    if (policy != null) {
                        approvals.put(e.getKey(), policy);
                    }
                } else {
                    configs.put(e.getKey(), JournalCodec.mapper().convertValue(a, Map.class));
                }
            });
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> mapping(JsonNode node, String key, String p) {
            JsonNode n = node.get(key);
            if (n == null) {
                return Map.of();
            }
            if (!n.isObject()) {
                problems.add(doc.valueLocation(p + "/" + key) + ": " + key + " is a mapping");
                return Map.of();
            }
            return JournalCodec.mapper().convertValue(n, Map.class);
        }
    }
}
