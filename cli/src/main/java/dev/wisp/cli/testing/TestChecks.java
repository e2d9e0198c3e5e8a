package dev.wisp.cli.testing;

import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.engine.prompt.AnswerCheck;
import dev.wisp.engine.run.RunRequest;
import dev.wisp.spi.ActionSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a test file that need its playbook: expectations name blocks that exist, mocks name action blocks
 * (or {@code app:action}) and fit the action's declared outputs, answers fit the prompts. A mock that does not fit is
 * an error of the test file, never a failed block that a test expecting {@code failed} would accept.
 */
public final class TestChecks {
    private TestChecks() {
    }

    public static List<String> problems(TestFile tf, Playbook pb, dev.wisp.dsl.AppCatalog catalog,
                                        RunRequest.SubPlaybookSource subs) {
        List<String> out = new ArrayList<>();
        SourceDocument doc = tf.doc();
        for (TestFile.TestCase c : tf.cases()) {
            if (c.expect().get("blocks") instanceof Map<?, ?> blocks) {
                for (Object name : blocks.keySet()) {
                    if (!pb.blocks().containsKey(String.valueOf(name))) {
                        out.add(doc.keyLocation(c.pointer() + "/expect/blocks/" + SourceDocument.escape(
                                String.valueOf(name))) + ": playbook " + pb.name() + " has no block '" + name + "'"
                                + ExpectShape.hint(String.valueOf(name), pb.blocks().keySet()));
                    }
                }
            }
            c.mocks().forEach((key, results) -> mock(c, key, results, pb, catalog, doc, out));
            Set<String> approvals = new HashSet<>();
            pb.blocks().values().forEach(b -> {
                if (b instanceof Block.ActionBlock a && a.asset() != null && c.approvals().containsKey(a.asset())) {
                    approvals.add(a.name());
                }
            });
            AnswerCheck check = AnswerCheck.of(pb, subs, approvals);
            answers(check, c.answers(), c.pointer() + "/answers", doc, out);
            if (c.resume() != null) {
                answers(check, c.resume().answers(), c.pointer() + "/resume/answers", doc, out);
            }
        }
        return out;
    }

    private static void answers(AnswerCheck check, Map<String, TestFile.Answer> answers, String p,
                                SourceDocument doc, List<String> out) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        answers.forEach((block, a) -> values.put(block, a.timeout() ? List.of() : a.values()));
        out.addAll(check.problems(values, block -> doc.keyLocation(p + "/" + SourceDocument.escape(block))
                .toString()));
    }

    private static void mock(TestFile.TestCase c, String key, List<Map<String, Object>> results, Playbook pb,
                             dev.wisp.dsl.AppCatalog catalog, SourceDocument doc, List<String> out) {
        String at = c.pointer() + "/mocks/" + SourceDocument.escape(key);
        Optional<ActionSpec> spec;
        String specApp = null;
        if (pb.blocks().get(key) instanceof Block.ActionBlock a) {
            String appId = pb.appOf(a);
            spec = appId == null ? Optional.empty() : catalog.app(appId).flatMap(app -> app.action(a.action()));
            specApp = appId;
        } else if (pb.blocks().get(key) instanceof Block.CodeBlock code) {
            spec = Optional.of(dev.wisp.engine.code.CodeApp.spec(code));
        } else if (pb.blocks().containsKey(key)) {
            out.add(doc.keyLocation(at) + ": block '" + key + "' is not an action or code block; only those are "
                    + "mocked");
            return;
        } else if (key.contains(":")) {
            String appId = key.substring(0, key.indexOf(':'));
            String action = key.substring(key.indexOf(':') + 1);
            Optional<dev.wisp.spi.AppSpec> app = catalog.app(appId);
            spec = app.flatMap(x -> x.action(action));
            if (spec.isEmpty()) {
                out.add(doc.keyLocation(at) + ": no action '" + action + "' in app '" + appId + "'"
                        + (app.isEmpty() ? " (no such app installed, nor an app spec)" : ""));
                return;
            }
            specApp = appId;
        } else {
            out.add(doc.keyLocation(at) + ": playbook " + pb.name() + " has no block '" + key + "'"
                    + ExpectShape.hint(key, pb.blocks().keySet()) + "; mock a block by its name or an action as "
                    + "\"app:action name\"");
            return;
        }
        if (spec.isEmpty()) {
            return; // the playbook's own diagnostics name the unknown app or action
        }
        boolean open = specApp != null && catalog.openOutputs(specApp, spec.get().name());
        for (int i = 0; i < results.size(); i++) {
            for (String problem : MockCheck.problems(spec.get(), results.get(i), open)) {
                out.add(doc.valueLocation(results.size() == 1 ? at : at + "/" + i) + ": mock for " + key
                        + " does not fit '" + spec.get().name() + "': " + problem);
            }
        }
    }
}
