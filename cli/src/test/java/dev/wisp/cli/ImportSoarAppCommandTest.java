package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wisp import soar-app, in process: the specs it writes are what validate then checks playbooks against. */
class ImportSoarAppCommandTest {
    static final String APP = """
            {
              "appid": "00000000-1111-2222-3333-444444444444", "name": "Box Shell", "app_version": "1.0.0",
              "configuration": { "password": { "data_type": "password", "default": "fake-hunter2-default-secret" } },
              "actions": [
                { "action": "execute program", "identifier": "box_execute", "type": "generic", "read_only": false,
                  "parameters": { "host": { "data_type": "string", "required": true } },
                  "output": [ { "data_path": "action_result.data.*.output", "data_type": "string" } ] }
              ]
            }
            """;

    @TempDir
    Path dir;

    @Test
    void writesSpecsThatValidateUsesAndReportsBadFiles() throws IOException {
        Path json = dir.resolve("box.json");
        Files.writeString(json, APP);
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{ \"coa\": {} }");
        Path out = dir.resolve("pb/apps");
        CliRun r = CliRun.of("import", "soar-app", json.toString(), bad.toString(), "-o", out.toString());
        assertEquals(3, r.exit(), r.err());
        assertTrue(r.err().contains("bad.json:1:1: error[WSP151]: this is not a SOAR app JSON"), r.err());
        assertTrue(r.err().contains("warning[WSP161]: configuration field 'password' is a secret with a default "
                + "value: left out"), r.err());
        assertTrue(r.err().contains("1 of 2 app JSONs converted (1 actions): 1 errors, 1 warnings"), r.err());
        assertTrue(!r.err().contains("hunter2") && !Files.readString(out.resolve("box_shell.yaml")).contains("hunter2"));

        Files.writeString(dir.resolve("pb/run_box.yaml"), """
                playbook: run_box
                assets: { box: { app: box_shell } }
                blocks:
                  go:
                    action: execute program
                    asset: box
                    parameters: { hots: 10.0.0.1 }
                edges: [start -> go, go -> end]
                """);
        CliRun v = CliRun.of("validate", dir.resolve("pb").toString());
        assertEquals(3, v.exit(), v.err());
        assertTrue(v.err().contains("error[WSP033]: action 'execute program' has no parameter 'hots'; did you mean "
                + "'host'?"), v.err());

        CliRun again = CliRun.of("import", "soar-app", json.toString(), "-o", out.toString());
        assertEquals(3, again.exit(), again.err());
        assertTrue(again.err().contains("already exists; pass --force to replace it"), again.err());
        assertEquals(0, CliRun.of("import", "soar-app", json.toString(), "-o", out.toString(), "--force").exit());
    }
}
