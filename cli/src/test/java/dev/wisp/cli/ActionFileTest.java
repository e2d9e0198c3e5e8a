package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.init.Scaffold;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The GitHub Action (action.yml at the repository root) is what the README, docs/release.md, the workflow wisp
 * init writes and this repository's workflow say: a composite Action whose inputs are the ones they use.
 */
class ActionFileTest {
    private static final Path ROOT = Path.of("..");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    }

    @SuppressWarnings("unchecked")
    private static Set<String> inputs() throws IOException {
        return ((Map<String, Object>) yaml(ROOT.resolve("action.yml")).get("inputs")).keySet();
    }

    /** The with: keys of every step that uses the Action (uses: ./ or uses: REPOSITORY@v...). */
    @SuppressWarnings("unchecked")
    private static List<Set<String>> usesOfTheAction(Map<String, Object> workflow) {
        return ((Map<String, Map<String, Object>>) workflow.get("jobs")).values().stream()
                .flatMap(job -> ((List<Map<String, Object>>) job.get("steps")).stream())
                .filter(step -> step.get("uses") instanceof String u
                        && (u.equals("./") || u.startsWith(Scaffold.ACTION_REPOSITORY + "@")))
                .map(step -> ((Map<String, Object>) step.getOrDefault("with", Map.of())).keySet())
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void isACompositeActionWhoseInstallerIsInTheRepository() throws IOException {
        Map<String, Object> runs = (Map<String, Object>) yaml(ROOT.resolve("action.yml")).get("runs");
        assertEquals("composite", runs.get("using"));
        String text = Files.readString(ROOT.resolve("action.yml"));
        assertTrue(text.contains("bash \"$GITHUB_ACTION_PATH/action/install.sh\""), "the installer step");
        assertTrue(Files.isExecutable(ROOT.resolve("action/install.sh")));
        assertTrue(text.contains("wisp validate --format github") && text.contains("wisp test --junit")
                && text.contains("github/codeql-action/upload-sarif"), text);
        assertEquals(Set.of("version", "path", "strict", "sarif", "junit", "archive"), inputs());
    }

    @Test
    void theWorkflowsUseOnlyItsInputs() throws IOException {
        List<Set<String>> own = usesOfTheAction(yaml(ROOT.resolve(".github/workflows/playbooks.yml")));
        assertEquals(1, own.size(), "this repository's workflow uses the Action once");
        assertTrue(inputs().containsAll(own.get(0)), own.toString());

        String template = Scaffold.files("1.2.3").stream().filter(f -> f.path().equals(".github/workflows/wisp.yml"))
                .findFirst().orElseThrow().text();
        List<Set<String>> scaffolded = usesOfTheAction(new Yaml(new SafeConstructor(new LoaderOptions())).load(template));
        assertEquals(1, scaffolded.size());
        assertTrue(inputs().containsAll(scaffolded.get(0)), scaffolded.toString());
    }

    @Test
    void theDocsShowItsThreeLinesWithRealInputs() throws IOException {
        Pattern snippet = Pattern.compile("```yaml\\n {6}- uses: " + Pattern.quote(Scaffold.ACTION_REPOSITORY)
                + "@v[0-9.]+\\n {8}with:\\n((?: {10}\\w+: .*\\n)+)```");
        for (String doc : List.of("README.md", "docs/release.md")) {
            Matcher m = snippet.matcher(Files.readString(ROOT.resolve(doc)));
            assertTrue(m.find(), doc + " shows the Action's lines");
            for (String line : m.group(1).split("\n")) {
                String key = line.strip().substring(0, line.strip().indexOf(':'));
                assertTrue(inputs().contains(key), doc + ": " + key + " is not an input of action.yml");
            }
        }
    }
}
