package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.init.Scaffold;
import dev.wisp.dsl.schema.SchemaCheck;
import dev.wisp.engine.asset.AssetsFile;
import dev.wisp.engine.plugin.PluginRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** wisp init: what it writes (golden), that the result validates and its tests pass, and that it never overwrites. */
class InitCommandTest {
    @TempDir
    Path tmp;

    private CliRun init(Path dir) {
        CliRun r = CliRun.of("init", dir.toString());
        return new CliRun(r.exit(), r.out(), r.err().replace(dir.toString(), "DIR"));
    }

    /** Every file under dir, path then content, the schema only by name (SchemaCheck's own tests pin it). */
    private static String tree(Path dir) throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(f).toString().replace('\\', '/');
                out.append("=== ").append(rel).append('\n');
                out.append(rel.equals(Scaffold.SCHEMA) ? "(the playbook schema)\n" : Files.readString(f));
            }
        }
        return out.toString();
    }

    @Test
    void writesAPlaybookRepositoryThatValidatesAndWhoseTestsPass() throws IOException {
        Path dir = tmp.resolve("team-playbooks");
        CliRun r = init(dir);
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals("", r.out(), "human text goes to stderr");
        String note = "note: this is a development build (" + Main.VERSION + "); the workflow uses release v"
                + BuildInfo.CURRENT.releaseVersion() + " of the Action\n";
        assertEquals(Main.VERSION.endsWith("-SNAPSHOT"), r.err().contains(note), r.err());
        // the golden holds RELEASE for the version, so that a release does not change it
        Goldens.assertMatches("init.txt", ("$ wisp init DIR\n" + r.err().replace(note, "") + "\n" + tree(dir))
                .replace(BuildInfo.CURRENT.releaseVersion(), "RELEASE"));
        assertEquals(SchemaCheck.text(), Files.readString(dir.resolve(Scaffold.SCHEMA)));

        CliRun validate = CliRun.of("validate", "--strict", dir.resolve("playbooks").toString());
        assertEquals(ExitCodes.OK, validate.exit(), validate.err());
        CliRun test = CliRun.of("test", dir.resolve("playbooks").toString());
        assertEquals(ExitCodes.OK, test.exit(), test.err());
        assertTrue(test.err().contains("2 passed, 0 failed"), test.err());
    }

    @Test
    void theExamplePlaybookPointsEditorsAtTheSchemaItWrote() throws IOException {
        Path dir = tmp.resolve("repo");
        init(dir);
        String playbook = Files.readString(dir.resolve("playbooks/triage_alert.yaml"));
        String line = playbook.lines().findFirst().orElseThrow();
        assertEquals("# yaml-language-server: $schema=../schema/playbook.schema.json", line);
        Path schema = dir.resolve("playbooks").resolve(line.substring(line.indexOf('=') + 1)).normalize();
        assertTrue(Files.isRegularFile(schema), schema.toString());
        String vscode = Files.readString(dir.resolve(".vscode/settings.json"));
        assertTrue(vscode.contains("\"./" + Scaffold.SCHEMA + "\""), vscode);
        assertTrue(vscode.contains("\"!playbooks/**/*.test.yaml\""), "test files are not playbooks: " + vscode);
    }

    @Test
    void theAssetsTemplateLoadsWithItsSecretFromTheEnvironment() {
        Path dir = tmp.resolve("repo");
        init(dir);
        var catalog = PluginRegistry.load(Main.class.getClassLoader(), Optional.empty()).catalog();
        Map<String, AssetsFile.Entry> assets = AssetsFile.load(dir.resolve("assets.example.yaml"), catalog,
                Map.of("CADO_ACCESS_TOKEN", "fake-token-0123456789")::get);
        assertEquals(List.of("util", "cado"), List.copyOf(assets.keySet()));
        assertTrue(Files.exists(dir.resolve("assets.example.yaml")));
    }

    @Test
    void theWorkflowUsesTheActionOfThisRelease() throws IOException {
        Path dir = tmp.resolve("repo");
        init(dir);
        String text = Files.readString(dir.resolve(".github/workflows/wisp.yml"));
        Map<String, Object> workflow = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> steps = (List<Map<String, Object>>) ((Map<String, Map<String, Object>>)
                workflow.get("jobs")).get("wisp").get("steps");
        assertEquals(Scaffold.ACTION_REPOSITORY + "@v" + BuildInfo.CURRENT.releaseVersion(), steps.get(1).get("uses"));
        assertEquals(Map.of("path", "playbooks", "sarif", true), steps.get(1).get("with"));
    }

    @Test
    void neverOverwritesAndNamesWhatItSkipped() throws IOException {
        Path dir = tmp.resolve("repo");
        Files.createDirectories(dir.resolve("playbooks"));
        Files.writeString(dir.resolve("playbooks/triage_alert.yaml"), "mine\n");
        Files.writeString(dir.resolve(".gitignore"), "target/\n");
        CliRun first = init(dir);
        assertEquals(ExitCodes.OK, first.exit(), first.err());
        assertTrue(first.err().contains("skipped DIR/playbooks/triage_alert.yaml: it exists\n"), first.err());
        assertTrue(first.err().contains("skipped DIR/.gitignore: it exists (add a line .wisp/ to it: runs are "
                + "recorded there)\n"), first.err());
        assertTrue(first.err().contains("created 6 files"), first.err());
        assertEquals("mine\n", Files.readString(dir.resolve("playbooks/triage_alert.yaml")));
        assertEquals("target/\n", Files.readString(dir.resolve(".gitignore")));

        String before = tree(dir);
        CliRun again = init(dir);
        assertEquals(ExitCodes.OK, again.exit(), again.err());
        assertEquals(before, tree(dir));
        assertEquals(Scaffold.files("1.0.0").size(), again.err().lines().filter(l -> l.startsWith("skipped ")).count(),
                again.err());
        assertTrue(again.err().contains("nothing to create"), again.err());
    }

    @Test
    void anExistingGitignoreThatIgnoresRunsIsSaidToBeEnough() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("repo"));
        Files.writeString(dir.resolve(".gitignore"), "target/\n  /.wisp  \n");
        CliRun r = init(dir);
        assertTrue(r.err().contains("skipped DIR/.gitignore: it exists (it already ignores .wisp/)\n"), r.err());
    }

    @Test
    void aFileWhereTheDirectoryShouldBeIsAClearError() throws IOException {
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        CliRun r = init(file);
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("wisp: DIR is not a directory\n", r.err());

        Path dir = tmp.resolve("repo");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("playbooks"), "a file, not a folder");
        CliRun blocked = init(dir);
        assertEquals(ExitCodes.USAGE, blocked.exit());
        assertTrue(blocked.err().contains("wisp: cannot create DIR/playbooks/triage_alert.yaml: DIR/playbooks exists "
                + "and is not a directory"), blocked.err());
        assertFalse(Files.exists(dir.resolve("schema")), "it stops at the first file it cannot write");
    }
}
