package dev.wisp.cli.code;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wisp.cli.UsageException;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.source.SourceDocument;
import dev.wisp.dsl.source.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code wisp-project.yaml} beside a playbook: the settings of the playbooks in that folder. Only the playbook's own
 * folder counts (not its parents), so a playbook copied in from elsewhere is not trusted by a folder above it.
 *
 * <pre>
 * code:
 *   allow: true        # code blocks of the playbooks here may run Python
 *   python: python3.12 # the interpreter (default python3 on the PATH; WISP_PYTHON overrides)
 * </pre>
 *
 * @param allowCode whether code blocks may run
 * @param python    the interpreter named, or null
 * @param file      the file read, or null when there is none
 */
public record ProjectFile(boolean allowCode, String python, Path file) {
    /** The file's name. */
    public static final String NAME = "wisp-project.yaml";
    private static final Set<String> ROOT = Set.of("code");
    private static final Set<String> CODE = Set.of("allow", "python");

    /** The settings beside {@code playbook}; no file means nothing allowed. Bad content is a located usage error. */
    public static ProjectFile beside(Path playbook) {
        Path dir = playbook.toAbsolutePath().normalize().getParent();
        Path file = dir == null ? null : dir.resolve(NAME);
        if (file == null || !Files.isRegularFile(file)) {
            return new ProjectFile(false, null, null);
        }
        String name = Validator.display(file);
        YamlReader.Result read = new YamlReader().read(file, name);
        List<String> problems = new ArrayList<>(read.diagnostics().stream().map(Diagnostic::toString).toList());
        SourceDocument doc = read.document();
        boolean allow = false;
        String python = null;
        if (doc != null) {
            JsonNode root = doc.root();
            if (!root.isObject()) {
                problems.add(doc.valueLocation("") + ": " + NAME + " is a mapping, such as 'code: {allow: true}'");
            } else {
                unknown(doc, root, "", ROOT, problems);
                JsonNode code = root.get("code");
                if (code != null && !code.isObject()) {
                    problems.add(doc.valueLocation("/code") + ": 'code' is a mapping with allow and python");
                } else if (code != null) {
                    unknown(doc, code, "/code", CODE, problems);
                    JsonNode a = code.get("allow");
                    if (a != null && !a.isBoolean()) {
                        problems.add(doc.valueLocation("/code/allow") + ": 'allow' is true or false, not " + a);
                    }
                    allow = a != null && a.asBoolean(false) && a.isBoolean();
                    JsonNode p = code.get("python");
                    if (p != null && (!p.isTextual() || p.textValue().isBlank())) {
                        problems.add(doc.valueLocation("/code/python") + ": 'python' is the interpreter's name or "
                                + "path, such as python3");
                    }
                    python = p != null && p.isTextual() && !p.textValue().isBlank() ? p.textValue() : null;
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new UsageException(String.join("\n", problems));
        }
        return new ProjectFile(allow, python, file);
    }

    private static void unknown(SourceDocument doc, JsonNode node, String pointer, Set<String> allowed,
                                List<String> problems) {
        node.fieldNames().forEachRemaining(k -> {
            if (!allowed.contains(k)) {
                problems.add(doc.keyLocation(pointer + "/" + SourceDocument.escape(k)) + ": unknown key '" + k
                        + "' in " + NAME + (pointer.isEmpty() ? "" : " under " + pointer.substring(1))
                        + "; allowed keys are " + String.join(", ", allowed.stream().sorted().toList()));
            }
        });
    }
}
