package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ActionsCommandTest {

    @Test
    void listsTheInstalledApps() {
        CliRun r = CliRun.of("actions");
        assertEquals(ExitCodes.OK, r.exit());
        assertTrue(r.out().contains("cado_response") && r.out().contains("core"), r.out());
    }

    @Test
    void describesAnAppsActions() {
        CliRun r = CliRun.of("actions", "cado_response");
        assertEquals(ExitCodes.OK, r.exit());
        Goldens.assertMatches("actions-cado_response.txt", r.out());
    }

    /** The app references in docs/apps are generated from the apps' metadata; this fails when one is stale. */
    @Test
    void theGeneratedAppReferencesAreUpToDate() throws IOException {
        for (String app : new String[] {"cado_response", "core", "http", "soar"}) {
            CliRun r = CliRun.of("actions", app, "--format", "markdown");
            Path doc = Path.of("../docs/apps/" + app + ".md");
            if (Boolean.getBoolean("golden.update")) {
                Files.writeString(doc, r.out());
            }
            assertEquals(Files.exists(doc) ? Files.readString(doc) : "", r.out(), "docs/apps/" + app + ".md is stale: "
                    + "regenerate it with './wisp actions " + app + " --format markdown > docs/apps/" + app + ".md'");
        }
    }

    @Test
    void wispWithoutACommandShowsTheUsageAndExits2() {
        CliRun r = CliRun.of();
        assertEquals(ExitCodes.USAGE, r.exit());
        assertTrue(r.err().contains("Usage: wisp") && r.err().contains("validate") && r.err().contains("Exit codes:"),
                r.err());
        assertEquals(ExitCodes.OK, CliRun.of("--version").exit());
    }

    @Test
    void anUnknownAppIsAUsageError() {
        CliRun r = CliRun.of("actions", "nope");
        assertEquals(ExitCodes.USAGE, r.exit());
        assertEquals("wisp: no app 'nope'; installed: cado_response, core, http, soar\n", r.err());
    }

    @Test
    void schemaPrintsThePlaybookSchema() throws IOException {
        CliRun r = CliRun.of("schema");
        assertEquals(ExitCodes.OK, r.exit());
        assertEquals(Files.readString(Path.of("../schema/playbook.schema.json")), r.out());
    }
}
