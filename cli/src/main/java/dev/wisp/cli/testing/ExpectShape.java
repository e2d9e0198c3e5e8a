package dev.wisp.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.dsl.source.SourceDocument;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Checks the shape of a test's {@code expect:} before anything runs, so a misspelt key or status is an error of the
 * test file at its line and column, never a test that passes because it checked nothing.
 */
final class ExpectShape {
    static final Set<String> KEYS = Set.of("status", "message", "error", "blocks", "values", "journal");
    static final Set<String> RUN_STATUSES = Set.of("success", "failed", "cancelled", "suspended");
    static final Set<String> BLOCK_KEYS = Set.of("status", "executions", "calls", "reason", "skipped_rows",
            "defaults", "output", "prompt");
    static final Set<String> BLOCK_STATUSES = Set.of("success", "failed", "partial", "skipped", "running", "pending",
            "cancelled");

    private ExpectShape() {
    }

    static void check(JsonNode expect, String p, SourceDocument doc, List<String> problems) {
        unknownKeys(expect, p, KEYS, "expect", doc, problems);
        JsonNode status = expect.get("status");
        if (status != null && !(status.isTextual() && RUN_STATUSES.contains(status.asText()))) {
            problems.add(doc.valueLocation(p + "/status") + ": expected run status '" + status.asText() + "' is not "
                    + "one of " + String.join(", ", new java.util.TreeSet<>(RUN_STATUSES)) + hint(status.asText(),
                    RUN_STATUSES));
        }
        for (String k : List.of("message", "error")) {
            if (expect.has(k) && !expect.get(k).isTextual()) {
                problems.add(doc.valueLocation(p + "/" + k) + ": " + k + " is a text the run's " + k
                        + " must contain");
            }
        }
        JsonNode blocks = expect.get("blocks");
        if (blocks != null && !blocks.isObject()) {
            problems.add(doc.valueLocation(p + "/blocks") + ": blocks is a mapping of block name to its expected "
                    + "status or { status, executions, calls, reason, skipped_rows, defaults, output, prompt }");
        } else if (blocks != null) {
            blocks.fields().forEachRemaining(e -> block(e.getValue(), p + "/blocks/" + SourceDocument.escape(e.getKey()),
                    doc, problems));
        }
        JsonNode values = expect.get("values");
        if (values != null && !values.isObject()) {
            problems.add(doc.valueLocation(p + "/values") + ": values is a mapping of data path to its values");
        }
        JsonNode journal = expect.get("journal");
        if (journal != null) {
            if (!journal.isArray()) {
                problems.add(doc.valueLocation(p + "/journal") + ": journal is a list of events ({type, ...}) that "
                        + "must appear in this order");
            } else {
                for (int i = 0; i < journal.size(); i++) {
                    if (!journal.get(i).isObject() || !journal.get(i).path("type").isTextual()) {
                        problems.add(doc.valueLocation(p + "/journal/" + i) + ": a journal event to find is a mapping "
                                + "with its type, e.g. { type: prompt_escalated, block: approve_1 }");
                    }
                }
            }
        }
    }

    private static void block(JsonNode b, String p, SourceDocument doc, List<String> problems) {
        if (b.isTextual()) {
            status(b, p, doc, problems);
            return;
        }
        if (!b.isObject()) {
            problems.add(doc.valueLocation(p) + ": a block's expectation is its status or a mapping");
            return;
        }
        unknownKeys(b, p, BLOCK_KEYS, "a block's expectation", doc, problems);
        if (b.has("status")) {
            status(b.get("status"), p + "/status", doc, problems);
        }
        for (String k : List.of("executions", "skipped_rows")) {
            if (b.has(k) && !(b.get(k).isIntegralNumber() && b.get(k).asLong() >= 0)) {
                problems.add(doc.valueLocation(p + "/" + k) + ": " + k + " is a count (0, 1, 2, ...)");
            }
        }
        for (String k : List.of("calls", "defaults")) {
            JsonNode list = b.get(k);
            if (list == null) {
                continue;
            }
            if (!list.isArray()) {
                problems.add(doc.valueLocation(p + "/" + k) + ": " + k + " is a list of mappings");
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                if (!list.get(i).isObject()) {
                    problems.add(doc.valueLocation(p + "/" + k + "/" + i) + ": each of " + k + " is a mapping"
                            + (k.equals("calls") ? " of parameter to value, e.g. { project_id: 7 }"
                            : " { parameter, value, source }"));
                }
            }
        }
        for (String k : List.of("output", "prompt")) {
            if (b.has(k) && !b.get(k).isObject()) {
                problems.add(doc.valueLocation(p + "/" + k) + ": " + k + " is a mapping of what the report must hold");
            }
        }
        if (b.has("reason") && !b.get("reason").isTextual()) {
            problems.add(doc.valueLocation(p + "/reason") + ": reason is a text the block's reason must contain");
        }
    }

    private static void status(JsonNode s, String p, SourceDocument doc, List<String> problems) {
        if (!s.isTextual() || !BLOCK_STATUSES.contains(s.asText())) {
            problems.add(doc.valueLocation(p) + ": block status '" + s.asText() + "' is not one of "
                    + String.join(", ", new java.util.TreeSet<>(BLOCK_STATUSES)) + hint(s.asText(), BLOCK_STATUSES));
        }
    }

    private static void unknownKeys(JsonNode node, String p, Set<String> allowed, String what, SourceDocument doc,
                                    List<String> problems) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) {
                problems.add(doc.keyLocation(p + "/" + SourceDocument.escape(k)) + ": unknown key '" + k + "' in "
                        + what + hint(k, allowed) + "; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
            }
        }
    }

    static String hint(String word, Set<String> candidates) {
        return dev.wisp.dsl.check.Suggest.closest(word, candidates).map(c -> " (did you mean '" + c + "'?)")
                .orElse("");
    }
}
