package dev.wisp.importer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.DataType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A small app JSON of our own in SOAR's format (reference section 7.2), and broken variants of it. */
class SoarAppConverterTest {
    static final String APP = """
            {
              "appid": "00000000-1111-2222-3333-444444444444",
              "name": "Box Shell",
              "app_version": "1.2.3",
              "description": "Runs commands on a box.",
              "configuration": {
                "username": { "data_type": "string", "order": 0, "required": true, "description": "User" },
                "password": { "data_type": "password", "order": 1, "description": "Password" },
                "gap": { "data_type": "ph", "order": 2 },
                "zone": { "data_type": "timezone", "order": 3, "description": "Zone" }
              },
              "actions": [
                {
                  "action": "execute program", "identifier": "box_execute", "description": "Runs a command",
                  "type": "generic", "read_only": false, "undo": "kill program",
                  "lock": { "enabled": true, "data_path": "parameters.host" },
                  "parameters": {
                    "host": { "data_type": "string", "order": 0, "required": true, "primary": true,
                              "contains": ["ip", "host name"], "allow_list": true, "description": "Host" },
                    "timeout": { "data_type": "numeric", "order": 1, "default": "" },
                    "ph_0": { "data_type": "ph", "order": 2 }
                  },
                  "output": [
                    { "data_path": "action_result.status", "data_type": "string", "example_values": ["success"] },
                    { "data_path": "action_result.data.0.output", "data_type": "string", "column_name": "Out" },
                    { "data_path": "action_result.data.*.output", "data_type": "string" },
                    { "data_path": "action_result.data.*.", "data_type": "string" },
                    { "data_path": "summary.total_objects", "data_type": "numeric" },
                    { "data_path": "summary.message", "data_type": "string" },
                    { "data_path": "action_result.summary.exit_status", "data_type": "numeric", "example_values": [0] }
                  ],
                  "render": { "type": "custom" }, "versions": "EQ(*)"
                },
                { "action": "on poll", "identifier": "on_poll", "type": "ingest", "read_only": true,
                  "parameters": {}, "output": [] }
              ]
            }
            """;

    private static SoarAppConverter.Conversion convert(String json) {
        LocatedJson.Result r = LocatedJson.parse(json.getBytes(StandardCharsets.UTF_8), "box.json");
        if (r.document() == null) {
            return new SoarAppConverter.Conversion(java.util.Optional.empty(), List.of(r.problem()));
        }
        return SoarAppConverter.convert(r.document(), "apps/box_shell.yaml");
    }

    private static List<String> report(String json) {
        return convert(json).report().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void convertsTheAppWithEveryLossReportedWhereItIs() {
        SoarAppConverter.Conversion c = convert(APP);
        assertEquals(List.of(
                "box.json:9:27: warning[WSP156]: configuration field 'gap' is a 'ph' placeholder (a gap in SOAR's "
                        + "form, no value): not converted",
                "box.json:10:28: warning[WSP157]: configuration field 'zone' is a 'timezone' in SOAR: converted as "
                        + "a string",
                "box.json:16:15: warning[WSP159]: action 'execute program' has a SOAR lock (SOAR runs it one at a "
                        + "time per value of host); Wisp does not serialise it: set max_concurrency: 1 on blocks that "
                        + "need it",
                "box.json:19:66: warning[WSP160]: parameter 'host' of action 'execute program' accepts a "
                        + "comma-separated list in SOAR (allow_list); Wisp passes the text to the app as it is",
                "box.json:20:69: warning[WSP161]: the default of parameter 'timeout' of action 'execute program' is "
                        + "\"\", which is not a numeric value: left out",
                "box.json:21:32: warning[WSP156]: parameter 'ph_0' of action 'execute program' is a 'ph' placeholder "
                        + "(a gap in SOAR's form, no value): not converted",
                "box.json:27:24: warning[WSP158]: action 'execute program' declares the malformed path "
                        + "'action_result.data.*.' (an empty segment): not converted",
                "box.json:29:24: warning[WSP158]: action 'execute program' declares summary.message, which is not "
                        + "under action_result (Wisp's block summary has only total_objects and "
                        + "total_objects_successful): not converted",
                "box.json:34:61: warning[WSP155]: action 'on poll' is of type 'ingest' (SOAR's polling, which "
                        + "playbooks do not call): converted as generic"),
                c.report().stream().map(Diagnostic::toString).toList());
        SpecOnlyApp app = c.app().orElseThrow();
        assertEquals("box_shell", app.spec().id(), "the id is SoarNames.appId of the name");
        assertEquals("1.2.3", app.spec().version());
        assertEquals(List.of("username", "password", "zone"), app.spec().configuration().stream()
                .map(f -> f.name()).toList());
        assertTrue(app.spec().configField("password").orElseThrow().secret());
        assertEquals(DataType.STRING, app.spec().configField("zone").orElseThrow().type());
        ActionSpec exec = app.spec().action("execute program").orElseThrow();
        assertEquals("box_execute", exec.identifier());
        assertEquals(false, exec.idempotent(), "idempotent is read_only");
        assertEquals("Runs a command Undone by 'kill program'.", exec.description());
        assertEquals(List.of("host", "timeout"), exec.parameters().stream().map(p -> p.name()).toList());
        assertEquals(null, exec.parameter("timeout").orElseThrow().defaultValue());
        assertEquals(List.of("action_result.status", "action_result.data.*.output",
                "action_result.summary.exit_status"), exec.outputs().stream().map(o -> o.dataPath()).toList(),
                "indices become *, duplicates merge, summary.total_objects is Wisp's own");
        assertEquals(List.of(0L), exec.output("action_result.summary.exit_status").orElseThrow().examples());
        assertEquals(ActionType.GENERIC, app.spec().action("on poll").orElseThrow().type());
        assertEquals(true, app.spec().action("on poll").orElseThrow().idempotent());
        assertTrue(app.openOutputs("execute program") && app.openOutputs("on poll"), "every action is open");
    }

    @Test
    void malformedJsonIsLocated() {
        assertEquals(List.of("box.json:4:3: error[WSP150]: not valid JSON: Unexpected character ('\"' (code 34)): "
                + "was expecting comma to separate Object entries"), report(APP.replace("\"Box Shell\",",
                "\"Box Shell\"")));
    }

    @Test
    void aPlaybookExportIsNotAnApp() {
        assertEquals(List.of("box.json:1:1: error[WSP151]: this is not a SOAR app JSON (it has no appid, name and "
                + "actions); it looks like a playbook export: use 'wisp import soar'"),
                report("{\"coa\": {\"data\": {}}, \"platform_version\": \"6.2\"}"));
        assertEquals(List.of("box.json:1:1: error[WSP151]: this is not a SOAR app JSON (it has no appid, name and "
                + "actions)"), report("[1, 2]"));
    }

    @Test
    void missingKeysAreErrorsAtTheirObject() {
        assertEquals(List.of("box.json:1:1: error[WSP152]: missing 'name' in the app"),
                report(APP.replace("\"name\": \"Box Shell\",", "")));
        List<String> r = report(APP.replace("\"action\": \"execute program\", ", ""));
        assertTrue(r.contains("box.json:13:5: error[WSP152]: missing 'action' in action 0"), r.toString());
        r = report(APP.replace("{ \"data_path\": \"action_result.status\", \"data_type\": \"string\",",
                "{ \"data_path\": \"action_result.status\","));
        assertTrue(r.stream().anyMatch(l -> l.startsWith("box.json:24:9: error[WSP152]: output action_result.status "
                + "of action 'execute program' needs a 'data_type'")), r.toString());
    }

    @Test
    void aDuplicateActionNameIsAnError() {
        List<String> r = report(APP.replace("\"action\": \"on poll\"", "\"action\": \"execute program\""));
        assertTrue(r.contains("box.json:34:17: error[WSP153]: action 'execute program' is defined twice (first at "
                + "line 13); a playbook could not say which it means"), r.toString());
    }

    @Test
    void anUnknownDataTypeIsAnError() {
        List<String> r = report(APP.replace("\"data_type\": \"numeric\", \"order\": 1, \"default\": \"\"",
                "\"data_type\": \"integer\", \"order\": 1"));
        assertTrue(r.contains("box.json:20:35: error[WSP154]: parameter 'timeout' of action 'execute program' has "
                + "data_type 'integer', which Wisp does not know (string, numeric, boolean, password, ph, timezone, "
                + "file)"), r.toString());
        assertTrue(convert(APP.replace("\"type\": \"ingest\"", "\"type\": \"destroy\"")).app().isEmpty());
    }

    @Test
    void aSecretDefaultIsLeftOutAndNeverShown() {
        SoarAppConverter.Conversion c = convert(APP.replace("\"data_type\": \"password\", \"order\": 1,",
                "\"data_type\": \"password\", \"order\": 1, \"default\": \"hunter2-secret\","));
        assertTrue(c.report().stream().anyMatch(d -> d.code() == dev.wisp.dsl.diag.Code.WSP161
                && d.message().contains("is a secret with a default value: left out")), c.report().toString());
        assertTrue(c.report().stream().noneMatch(d -> d.message().contains("hunter2")));
        assertEquals(null, c.app().orElseThrow().spec().configField("password").orElseThrow().defaultValue());
        String yaml = dev.wisp.dsl.appspec.AppSpecWriter.write(c.app().orElseThrow(), List.of());
        assertTrue(!yaml.contains("hunter2"), yaml);
    }

    @Test
    void aKeyTwiceInOneObjectIsAnError() {
        assertEquals(List.of("box.json:4:27: error[WSP150]: key 'app_version' appears twice in one object (first at "
                + "line 4); keep one"), report(APP.replace("\"app_version\": \"1.2.3\",",
                "\"app_version\": \"1.2.3\", \"app_version\": \"1.2.4\",")));
    }
}
