package dev.wisp.dsl.appspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.DataType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AppSpecReaderTest {
    private static final String SSH = """
            app: ssh
            name: SSH
            version: 2.4.10
            description: Run commands on a host over SSH.
            configuration:
              username: { type: string, required: true, description: The user }
              password: { type: password }
              port: { type: numeric, default: 22 }
            actions:
              execute program:
                identifier: ssh_execute_command
                type: generic
                read_only: false
                open_outputs: true
                parameters:
                  ip_hostname: { type: string, required: true, contains: [ip, host name] }
                  timeout: { type: numeric, default: 0 }
                outputs:
                  - { data_path: action_result.data.*.output, type: string }
                  - { data_path: action_result.summary.exit_status, type: numeric, examples: [0] }
              list processes:
                type: investigate
                read_only: true
            """;

    private static AppSpecReader.Result read(String yaml) {
        return new AppSpecReader().readString(yaml, "apps/ssh.yaml");
    }

    private static List<String> problems(String yaml) {
        return read(yaml).diagnostics().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void readsAHandWrittenSpecIntoTheSpiRecords() {
        AppSpecReader.Result r = read(SSH);
        assertEquals(List.of(), r.diagnostics());
        SpecOnlyApp app = r.app().orElseThrow();
        assertEquals("ssh", app.spec().id());
        assertEquals(Set.of("execute program"), app.openActions());
        var exec = app.spec().action("execute program").orElseThrow();
        assertEquals("ssh_execute_command", exec.identifier());
        assertEquals(DataType.STRING, exec.parameter("ip_hostname").orElseThrow().type());
        assertEquals(List.of("ip", "host name"), exec.parameter("ip_hostname").orElseThrow().contains());
        assertEquals(0L, exec.parameter("timeout").orElseThrow().defaultValue());
        assertEquals(false, exec.idempotent());
        var list = app.spec().action("list processes").orElseThrow();
        assertEquals(ActionType.INVESTIGATE, list.type());
        assertEquals("list_processes", list.identifier());
        assertTrue(list.idempotent(), "idempotent defaults to read_only");
        assertTrue(app.spec().configField("password").orElseThrow().secret(), "a password field is a secret");
    }

    @Test
    void whatTheWriterWritesReadsBackToTheSameApp() {
        SpecOnlyApp app = read(SSH).app().orElseThrow();
        String written = AppSpecWriter.write(app, List.of("converted by a test"));
        AppSpecReader.Result again = read(written);
        assertEquals(List.of(), again.diagnostics(), written);
        assertEquals(app, again.app().orElseThrow());
    }

    @Test
    void anAppWhoseActionsAreAllOpenIsWrittenOpenOnce() {
        SpecOnlyApp app = read(SSH.replace("    open_outputs: true\n", "").replace("version: 2.4.10",
                "version: 2.4.10\nopen_outputs: true")).app().orElseThrow();
        assertEquals(Set.of("execute program", "list processes"), app.openActions());
        String written = AppSpecWriter.write(app, List.of());
        assertTrue(written.contains("\nopen_outputs: true\n") && !written.contains("    open_outputs"), written);
        assertEquals(app, read(written).app().orElseThrow());
    }

    @Test
    void aTypoIsAnUnknownKeyWithASuggestionAtItsPlace() {
        assertEquals(List.of("apps/ssh.yaml:16:52: error[WSP074]: unknown key 'contain' in parameter 'ip_hostname' "
                        + "of action 'execute program'; did you mean 'contains'?"),
                problems(SSH.replace("contains: [ip", "contain: [ip")));
        assertEquals(List.of("apps/ssh.yaml:13:5: error[WSP074]: unknown key 'readonly' in action 'execute program'; "
                + "did you mean 'read_only'?"), problems(SSH.replace("read_only: false", "readonly: false")));
    }

    @Test
    void wrongValuesAndMissingKeysAreLocated() {
        assertEquals(List.of("apps/ssh.yaml:17:24: error[WSP075]: 'integer' is not allowed for 'type' of parameter "
                        + "'timeout' of action 'execute program'; use one of string, numeric, boolean, password, object, "
                        + "list, any"),
                problems(SSH.replace("timeout: { type: numeric", "timeout: { type: integer")));
        assertEquals(List.of("apps/ssh.yaml:19:22: error[WSP075]: output path 'data.*.output' must start with "
                + "action_result. (as in action_result.data.*.id)"),
                problems(SSH.replace("data_path: action_result.data.*.output", "data_path: data.*.output")));
        assertEquals(List.of("apps/ssh.yaml:1:1: error[WSP075]: the app spec needs 'version'"),
                problems(SSH.replace("version: 2.4.10\n", "")));
        assertEquals(List.of("apps/ssh.yaml:13:17: error[WSP075]: 'read_only' of action 'execute program' must be "
                + "a boolean, not the text \"no\""), problems(SSH.replace("read_only: false", "read_only: \"no\"")));
        assertEquals(List.of("apps/ssh.yaml:17:42: error[WSP075]: the default of parameter 'timeout' of action "
                + "'execute program' is \"soon\", which is not a numeric value"),
                problems(SSH.replace("default: 0", "default: soon")));
    }

    @Test
    void theExampleOfTheDocsIsAValidSpec() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("../docs/app-specs.md"));
        int start = doc.indexOf("```yaml\n") + "```yaml\n".length();
        String yaml = doc.substring(start, doc.indexOf("```", start));
        AppSpecReader.Result r = read(yaml);
        assertEquals(List.of(), r.diagnostics());
        assertEquals(Set.of("execute program"), r.app().orElseThrow().openActions());
        assertEquals("port", r.app().orElseThrow().spec().action("execute program").orElseThrow().parameter("port")
                .orElseThrow().assetDefault());
    }

    @Test
    void aSecretWithADefaultIsRefusedWithoutShowingIt() {
        List<String> p = problems(SSH.replace("password: { type: password }",
                "password: { type: password, default: fake-hunter2-secret }"));
        assertEquals(List.of("apps/ssh.yaml:7:40: error[WSP075]: configuration field 'password' is a secret and "
                + "cannot have a default in a spec file (its value is not shown here); give it in the assets file as "
                + "${env:NAME} or ${file:PATH}"), p);
        assertTrue(p.stream().noneMatch(l -> l.contains("hunter2")));
    }

    @Test
    void anOutputDeclaredTwiceAndADuplicateActionAreErrors() {
        assertTrue(problems(SSH.replace("type: numeric, examples: [0] }", "type: numeric, examples: [0] }\n"
                + "      - { data_path: action_result.data.*.output, type: string }")).get(0)
                .contains("error[WSP076]: action 'execute program' declares output action_result.data.*.output twice"));
        assertTrue(problems(SSH + "  list processes:\n    type: test\n").get(0).contains("error[WSP004]"));
    }
}
