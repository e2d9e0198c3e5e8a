package dev.wisp.soar;

import dev.wisp.http.HttpSettings;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.ArrayList;
import java.util.List;

/** The {@code soar} app's metadata: the actions SOAR playbooks take on their case, and the optional server asset. */
final class SoarSpec {
    static final String ID = "soar";

    private SoarSpec() {
    }

    static AppSpec spec() {
        List<ConfigField> config = new ArrayList<>();
        config.add(ConfigField.optional("base_url", DataType.STRING, null, "The Splunk SOAR server, e.g. "
                + "https://soar.example.com; without it the actions are only recorded in the run report"));
        config.add(new ConfigField("token", DataType.PASSWORD, false, null, true,
                "An automation user's REST token, sent as ph-auth-token; required with base_url"));
        config.addAll(HttpSettings.configFields());
        return new AppSpec(ID, "1.0.0", "SOAR case", "What playbooks do to the event's case: comments, notes, "
                + "status, severity, pins, tags, artifacts and workbook tasks. Recorded in the run report's case "
                + "activity; with an asset that has base_url and token, also sent to Splunk SOAR's REST API for the "
                + "run's event (container:id).", config, List.of(
                        addComment(), addNote(), setStatus(), setSeverity(), pin(), addTag(), createArtifact(),
                        updateWorkbookTask()));
    }

    private static ParameterSpec text(String name, String description, Object example) {
        return ParameterSpec.builder(name, DataType.STRING).description(description).example(example).build();
    }

    private static ParameterSpec required(String name, String description, Object example) {
        return ParameterSpec.builder(name, DataType.STRING).required().description(description).example(example)
                .build();
    }

    private static List<OutputSpec> outputs(String summary, Object example, OutputSpec... more) {
        List<OutputSpec> out = new ArrayList<>(List.of(more));
        out.add(OutputSpec.of("action_result.summary." + summary, DataType.STRING, example));
        out.add(OutputSpec.of("action_result.summary.sent", DataType.BOOLEAN, false));
        out.add(OutputSpec.of("action_result.status", DataType.STRING, "success"));
        out.add(OutputSpec.of("action_result.message", DataType.STRING, "recorded in the run report"));
        return out;
    }

    private static OutputSpec id(String what) {
        return OutputSpec.of("action_result.data.*.id", DataType.NUMERIC, 41, "soar " + what + " id");
    }

    private static ActionSpec addComment() {
        return new ActionSpec("add comment", "add_comment", ActionType.GENERIC, "Adds a comment to the case. With "
                + "a server: POST /rest/container_comment.", false, false,
                List.of(required("comment", "The comment", "Investigating the sender")),
                outputs("comment", "Investigating the sender", id("comment")));
    }

    private static ActionSpec addNote() {
        return new ActionSpec("add note", "add_note", ActionType.GENERIC, "Adds a note to the case. With a server: "
                + "POST /rest/note.", false, false, List.of(
                        required("title", "The note's title", "Triage"),
                        text("content", "The note's text", "Two hosts affected"),
                        ParameterSpec.builder("note_format", DataType.STRING).defaultValue("markdown")
                                .valueList("markdown", "html", "text").description("How the content is written")
                                .build(),
                        ParameterSpec.builder("note_type", DataType.STRING).defaultValue("general")
                                .description("SOAR's note type").build()),
                outputs("title", "Triage", id("note")));
    }

    private static ActionSpec setStatus() {
        return new ActionSpec("set status", "set_status", ActionType.GENERIC, "Sets the case's status (new, open, "
                + "closed or a custom status). With a server: POST /rest/container/<id>.", false, true,
                List.of(required("status", "The new status", "open")), outputs("status", "open"));
    }

    private static ActionSpec setSeverity() {
        return new ActionSpec("set severity", "set_severity", ActionType.GENERIC, "Sets the case's severity (high, "
                + "medium, low or a custom severity). With a server: POST /rest/container/<id>.", false, true,
                List.of(required("severity", "The new severity", "high")), outputs("severity", "high"));
    }

    private static ActionSpec pin() {
        return new ActionSpec("pin", "pin", ActionType.GENERIC, "Pins a value to the case's HUD. With a server: "
                + "POST /rest/container_pin.", false, false, List.of(
                        required("data", "The pinned value", "3 hosts"),
                        text("message", "The text shown above the value", "Affected hosts"),
                        ParameterSpec.builder("pin_type", DataType.STRING).defaultValue("card")
                                .description("SOAR's pin type").build(),
                        ParameterSpec.builder("pin_style", DataType.STRING).defaultValue("grey")
                                .description("SOAR's pin colour: grey, blue or red").build(),
                        text("name", "A name to find the pin by", "affected_hosts")),
                outputs("data", "3 hosts", id("pin")));
    }

    private static ActionSpec addTag() {
        return new ActionSpec("add tag", "add_tag", ActionType.GENERIC, "Tags the case, or an indicator when "
                + "indicator is given. With a server: the case's tags through GET and POST /rest/container/<id>, an "
                + "indicator's through GET /rest/indicator_by_value and POST /rest/indicator/<id>.", false, true,
                List.of(ParameterSpec.builder("tags", DataType.ANY).required()
                                .description("The tags: a comma-separated text or a list").example("phishing, vip")
                                .build(),
                        text("indicator", "An indicator value to tag instead of the case", "198.51.100.7"),
                        ParameterSpec.builder("overwrite", DataType.BOOLEAN).defaultValue(false)
                                .description("Replace the existing tags instead of adding to them").build()),
                outputs("tags", "phishing, vip", OutputSpec.of("action_result.data.*.tags", DataType.LIST,
                        List.of("phishing", "vip"))));
    }

    private static ActionSpec createArtifact() {
        return new ActionSpec("create artifact", "create_artifact", ActionType.GENERIC, "Adds an artifact to the "
                + "case. With a server: POST /rest/artifact.", false, false, List.of(
                        text("name", "The artifact's name", "suspicious sender"),
                        text("label", "Its label", "event"),
                        text("severity", "Its severity", "medium"),
                        ParameterSpec.builder("cef", DataType.OBJECT).description("Its CEF fields")
                                .example(java.util.Map.of("fromEmail", "eve@example.com")).build(),
                        text("cef_field", "One more CEF field's name", "sourceAddress"),
                        text("cef_value", "That field's value", "198.51.100.7"),
                        text("cef_data_type", "That field's contains type", "ip"),
                        ParameterSpec.builder("run_automation", DataType.BOOLEAN).defaultValue(false)
                                .description("Whether SOAR runs its active playbooks on the new artifact").build(),
                        text("input_json", "A JSON object of more artifact fields", "{\"description\": \"x\"}")),
                outputs("name", "suspicious sender", id("artifact")));
    }

    private static ActionSpec updateWorkbookTask() {
        return new ActionSpec("update workbook task", "update_workbook_task", ActionType.GENERIC, "Updates a task "
                + "of the case's workbook (its status, owner) and can add a note to it. With a server: GET and POST "
                + "/rest/workbook_task, POST /rest/note.", false, false, List.of(
                        required("task_name", "The task's name", "Contain"),
                        text("note_title", "A note to add to the task: its title", "Contained"),
                        text("note_content", "The note's text", "Host isolated"),
                        ParameterSpec.builder("status", DataType.STRING)
                                .valueList("incomplete", "in progress", "complete")
                                .description("The task's new status").build(),
                        text("owner", "The task's new owner (a user name)", "analyst")),
                outputs("task_name", "Contain", id("workbook task")));
    }
}
