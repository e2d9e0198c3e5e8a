package dev.wisp.cado;

import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import dev.wisp.spi.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code cado_response} app's metadata: the actions of the Cado Response app for Phantom, with the output data
 * paths its documentation gives, corrected where the API reference shows the documentation is wrong (list pipelines
 * takes project_id; capture instance returns pipeline_id and sends bucket).
 */
final class CadoSpec {
    static final String APP_ID = "cado_response";
    static final String PROJECT = "cado project id";
    static final String PIPELINE = "cado pipeline id";
    static final String PIPELINE_NAME = "cado pipeline name";
    static final String INSTANCE = "aws instance id";
    static final String REGION = "aws region";
    static final String BUCKET = "aws s3 bucket";

    private CadoSpec() {
    }

    static AppSpec spec() {
        return new AppSpec(APP_ID, "1.0.0", "Cado Response",
                "Cloud forensics with Cado Response: projects, EC2 and S3 capture, processing pipelines (API v2).",
                configuration(), List.of(testConnectivity(), listProjects().withViews(
                        table("Projects", "action_result.data.*.*", col("ID", "id"), col("Name", "case_name")),
                        total("Projects", "action_result.summary.total_projects")),
                createProject().withViews(summary("Project", field("ID", "action_result.summary.project_id"),
                        field("Result", "action_result.data.*.msg"))),
                listInstances().withViews(table("Instances", "action_result.data.*.*", col("ID", "id"),
                                col("Name", "instance_name"), col("Type", "instance_type"), col("Region", "region"),
                                state("State", "_state"), col("Zone", "_placement"), col("IP", "ip_address")),
                        total("Instances", "action_result.summary.total_instances")),
                listBuckets().withViews(table("Buckets", "action_result.data.*.*", col("Bucket", "bucket_name")),
                        total("Buckets", "action_result.summary.total_buckets")),
                listPipelines().withViews(table("Pipelines", "action_result.data.*.pipelines.*",
                                col("ID", "pipeline_id"), col("Name", "name"), col("Type", "pipeline_type"),
                                col("Evidence", "evidence_id"), col("Terminated", "terminated")),
                        total("Pipelines", "action_result.summary.total_pipelines")),
                getPipeline().withViews(summary("Pipeline", field("ID", "action_result.data.*.pipeline_id"),
                                field("Name", "action_result.data.*.name"),
                                new View.Field("State", "action_result.summary.state", View.Format.STATE)),
                        new View.Progress("Subtasks done", "action_result.data.*.summary.success",
                                "action_result.data.*.summary.total"),
                        table("Subtasks", "action_result.data.*.subtasks.*", col("Subtask", "name"),
                                state("State", "state"), new View.Column("Started", "start_time", View.Format.TIME),
                                new View.Column("Took", "execution_duration", View.Format.SECONDS))),
                loopPipeline().withViews(summary("Pipeline", field("ID", "action_result.summary.pipeline_id"),
                                new View.Field("State", "action_result.summary.state", View.Format.STATE),
                                field("Polls", "action_result.summary.polls")),
                        new View.Progress("Subtasks done", "action_result.summary.subtasks_done",
                                "action_result.summary.subtasks_total")),
                captureInstance().withViews(summary("Capture", field("Pipeline", "action_result.summary.pipeline_id"),
                        field("Name", "action_result.data.*.name"), field("Type", "action_result.data.*.pipeline_type"),
                        field("Project", "action_result.data.*.project_id"),
                        field("Evidence", "action_result.data.*.evidence_id"))),
                captureBucket().withViews(table("Pipelines", "action_result.data.*.*",
                                col("Pipeline", "pipelines.pipeline_id"), col("Type", "pipelines.pipeline_type"),
                                col("Evidence", "pipelines.evidence_id"), col("Project", "pipelines.project_id")),
                        total("Pipelines", "action_result.summary.total_pipelines"))));
    }

    private static View table(String title, String rows, View.Column... columns) {
        return new View.Table(title, rows, List.of(columns));
    }

    private static View.Column col(String header, String field) {
        return new View.Column(header, field, View.Format.TEXT);
    }

    private static View.Column state(String header, String field) {
        return new View.Column(header, field, View.Format.STATE);
    }

    private static View summary(String title, View.Field... fields) {
        return new View.Summary(title, List.of(fields));
    }

    private static View.Field field(String label, String path) {
        return new View.Field(label, path, View.Format.TEXT);
    }

    private static View total(String what, String path) {
        return summary("Totals", new View.Field(what, path, View.Format.NUMBER));
    }

    private static List<ConfigField> configuration() {
        return List.of(
                ConfigField.required("base_url", DataType.STRING,
                        "URL of the Cado Response API, ending in /api/v2, e.g. https://cado.example.com/api/v2"),
                ConfigField.secret("access_token", "API secret key (Settings > API); sent as a Bearer token"),
                ConfigField.optional("default_project", DataType.NUMERIC, null,
                        "Project id used when an action leaves project_id out"),
                ConfigField.optional("default_bucket", DataType.STRING, null,
                        "S3 bucket used when an action leaves bucket out"),
                ConfigField.optional("default_region", DataType.STRING, null,
                        "AWS region used when an action leaves region out, e.g. us-east-1"),
                ConfigField.optional("verify_server_cert", DataType.BOOLEAN, true,
                        "Verify the server's TLS certificate (turn off only for test setups)"),
                ConfigField.optional("connect_timeout", DataType.NUMERIC, 10, "Seconds to wait for a connection"),
                ConfigField.optional("read_timeout", DataType.NUMERIC, 60, "Seconds to wait for an answer"),
                ConfigField.optional("ca_bundle", DataType.STRING, null,
                        "A PEM file of CA certificates to trust instead of the system's (a private CA)"),
                ConfigField.optional("proxy", DataType.STRING, null, "An HTTP proxy, e.g. http://proxy.example:3128"),
                ConfigField.optional("poll_interval", DataType.NUMERIC, 60,
                        "Seconds between polls of loop pipeline"),
                ConfigField.optional("max_wait", DataType.NUMERIC, 86_400,
                        "Seconds loop pipeline waits at most for a pipeline to finish"),
                ConfigField.optional("max_poll_failures", DataType.NUMERIC, PipelineLoop.MAX_POLL_FAILURES,
                        "Polls in a row of loop pipeline that may fail (5xx, 429, timeouts, lost connections) "
                                + "before it gives up; the pipeline keeps running on the server meanwhile"),
                ConfigField.optional("max_connections", DataType.NUMERIC, 32,
                        "Connections to the server at most (fan-out runs many executions at once)"));
    }

    private static ParameterSpec projectId() {
        return ParameterSpec.builder("project_id", DataType.NUMERIC).required().contains(PROJECT)
                .assetDefault("default_project").example(1)
                .description("Project identifier as listed in the output of \"list projects\"").build();
    }

    private static ParameterSpec pipelineId() {
        return ParameterSpec.builder("pipeline_id", DataType.NUMERIC).required().contains(PIPELINE).example(6)
                .description("Pipeline identifier as listed in the output of \"list pipelines\"").build();
    }

    private static ParameterSpec bucket(boolean required) {
        var b = ParameterSpec.builder("bucket", DataType.STRING).contains(BUCKET).assetDefault("default_bucket")
                .example("test-bucket").description("S3 bucket name as listed in the output of \"list buckets\"");
        return (required ? b.required() : b).build();
    }

    private static ParameterSpec region(boolean required) {
        var b = ParameterSpec.builder("region", DataType.STRING).contains(REGION).assetDefault("default_region")
                .example("us-east-1").description("AWS region as listed in the output of \"list instances\"");
        return (required ? b.required() : b).build();
    }

    /** Builds an action spec; adds the status, message and parameter outputs every action has. */
    private static ActionSpec action(String name, ActionType type, String description, boolean readOnly,
                                     List<ParameterSpec> params, OutputSpec... outputs) {
        List<OutputSpec> all = new ArrayList<>(List.of(outputs));
        for (ParameterSpec p : params) {
            all.add(new OutputSpec("action_result.parameter." + p.name(), p.type(), p.contains(),
                    p.example() == null ? List.of() : List.of(p.example())));
        }
        all.add(OutputSpec.of("action_result.status", DataType.STRING, "success"));
        all.add(OutputSpec.of("action_result.message", DataType.STRING, null));
        // GETs are safe to repeat; POSTs create things on the server and are not
        return new ActionSpec(name, name.replace(' ', '_'), type, description, readOnly, readOnly, params, all);
    }

    private static ActionSpec testConnectivity() {
        return action("test connectivity", ActionType.TEST,
                "Checks that the Cado Response API answers and accepts the access token.", true, List.of(),
                OutputSpec.of("action_result.data.*.status", DataType.STRING, "Running"));
    }

    private static ActionSpec listProjects() {
        return action("list projects", ActionType.INVESTIGATE,
                "List projects that are currently active on the Cado Response platform.", true, List.of(),
                OutputSpec.of("action_result.data.*.*.id", DataType.NUMERIC, 1, PROJECT),
                OutputSpec.of("action_result.data.*.*.case_name", DataType.STRING, "My First Project"),
                OutputSpec.of("action_result.summary.total_projects", DataType.NUMERIC, 3));
    }

    private static ActionSpec createProject() {
        return action("create project", ActionType.GENERIC, "Create a project on the Cado Response platform.", false,
                List.of(ParameterSpec.builder("project_name", DataType.STRING).required().example("My First Project")
                        .description("User provided project name (at most 80 characters)").build()),
                OutputSpec.of("action_result.data.*.id", DataType.NUMERIC, 1, PROJECT),
                OutputSpec.of("action_result.data.*.msg", DataType.STRING, "Created"),
                OutputSpec.of("action_result.summary.project_id", DataType.NUMERIC, 1, PROJECT));
    }

    private static ActionSpec listInstances() {
        return action("list instances", ActionType.INVESTIGATE,
                "List EC2 instances that are currently visible to the Cado Response platform.", true,
                List.of(projectId(), ParameterSpec.builder("region", DataType.STRING).contains(REGION)
                        .example("us-east-1").description("Only instances of this AWS region (default: all)").build()),
                OutputSpec.of("action_result.data.*.*.region", DataType.STRING, "us-east-1", REGION),
                OutputSpec.of("action_result.data.*.*.id", DataType.STRING, "i-1234567890abcdef0", INSTANCE),
                OutputSpec.of("action_result.data.*.*.instance_name", DataType.STRING, "CadoResponse-Test"),
                OutputSpec.of("action_result.data.*.*.instance_type", DataType.STRING, "t3a.2xlarge"),
                OutputSpec.of("action_result.data.*.*._state", DataType.STRING, "running"),
                OutputSpec.of("action_result.data.*.*._placement", DataType.STRING, "us-east-1a"),
                OutputSpec.of("action_result.data.*.*.ip_address", DataType.STRING, "203.0.113.7", "ip"),
                OutputSpec.of("action_result.summary.total_instances", DataType.NUMERIC, 2));
    }

    private static ActionSpec listBuckets() {
        return action("list buckets", ActionType.INVESTIGATE,
                "List S3 buckets that are currently visible to the Cado Response platform.", true,
                List.of(projectId()),
                OutputSpec.of("action_result.data.*.*.bucket_name", DataType.STRING, "test-bucket", BUCKET),
                OutputSpec.of("action_result.summary.total_buckets", DataType.NUMERIC, 2));
    }

    private static List<OutputSpec> pipelineSummary(String prefix) {
        // one consistent example: a pipeline part-way through, 12 + 1 + 5 of its 18 subtasks
        Map<String, Integer> example = new LinkedHashMap<>();
        example.put("total", 18);
        example.put("failure", 0);
        example.put("pending", 5);
        example.put("running", 1);
        example.put("success", 12);
        example.put("cancelled", 0);
        List<OutputSpec> out = new ArrayList<>();
        example.forEach((k, n) -> out.add(OutputSpec.of(prefix + ".summary." + k, DataType.NUMERIC, n)));
        return out;
    }

    private static ActionSpec listPipelines() {
        List<OutputSpec> outs = new ArrayList<>(List.of(
                OutputSpec.of("action_result.data.*.pipelines.*.pipeline_id", DataType.NUMERIC, 6, PIPELINE),
                OutputSpec.of("action_result.data.*.pipelines.*.name", DataType.STRING,
                        "Acquiring i-1234567890abcdef0", PIPELINE_NAME),
                OutputSpec.of("action_result.data.*.pipelines.*.pipeline_type", DataType.STRING, "acquisition"),
                OutputSpec.of("action_result.data.*.pipelines.*.evidence_id", DataType.NUMERIC, 4),
                OutputSpec.of("action_result.data.*.pipelines.*.project_id", DataType.NUMERIC, 1, PROJECT),
                OutputSpec.of("action_result.data.*.pipelines.*.terminated", DataType.BOOLEAN, true)));
        outs.addAll(pipelineSummary("action_result.data.*.pipelines.*"));
        outs.add(OutputSpec.of("action_result.summary.total_pipelines", DataType.NUMERIC, 4));
        return action("list pipelines", ActionType.INVESTIGATE,
                "List pipelines of a project on the Cado Response platform.", true, List.of(projectId()),
                outs.toArray(OutputSpec[]::new));
    }

    private static List<OutputSpec> pipelineOutputs() {
        List<OutputSpec> outs = new ArrayList<>(List.of(
                OutputSpec.of("action_result.data.*.pipeline_id", DataType.NUMERIC, 6, PIPELINE),
                OutputSpec.of("action_result.data.*.name", DataType.STRING, "Acquiring i-1234567890abcdef0",
                        PIPELINE_NAME),
                OutputSpec.of("action_result.data.*.pipeline_type", DataType.STRING, "acquisition"),
                OutputSpec.of("action_result.data.*.terminated", DataType.BOOLEAN, true),
                OutputSpec.of("action_result.data.*.subtasks.*.name", DataType.STRING,
                        "Acquisition: Create a processing pipeline for each copied EC2 volume"),
                OutputSpec.of("action_result.data.*.subtasks.*.start_time", DataType.NUMERIC, 1633025565.147805),
                OutputSpec.of("action_result.data.*.subtasks.*.finish_time", DataType.NUMERIC, 1633031638.334756),
                OutputSpec.of("action_result.data.*.subtasks.*.execution_duration", DataType.NUMERIC, 6073),
                OutputSpec.of("action_result.data.*.subtasks.*.state", DataType.STRING, "SUCCESS"),
                OutputSpec.of("action_result.data.*.subtasks.*.progress_text", DataType.LIST, List.of())));
        outs.addAll(pipelineSummary("action_result.data.*"));
        return outs;
    }

    private static ActionSpec getPipeline() {
        List<OutputSpec> outs = pipelineOutputs();
        outs.add(OutputSpec.of("action_result.summary.state", DataType.STRING, "running"));
        return action("get pipeline", ActionType.INVESTIGATE,
                "Get the details of a pipeline on the Cado Response platform.", true, List.of(pipelineId()),
                outs.toArray(OutputSpec[]::new));
    }

    private static ActionSpec loopPipeline() {
        List<OutputSpec> outs = pipelineOutputs();
        outs.add(OutputSpec.of("action_result.summary.pipeline_id", DataType.NUMERIC, 6, PIPELINE));
        outs.add(OutputSpec.of("action_result.summary.terminated", DataType.BOOLEAN, true));
        outs.add(OutputSpec.of("action_result.summary.state", DataType.STRING, "succeeded"));
        outs.add(OutputSpec.of("action_result.summary.polls", DataType.NUMERIC, 12));
        outs.add(OutputSpec.of("action_result.summary.subtasks_done", DataType.NUMERIC, 18));
        outs.add(OutputSpec.of("action_result.summary.subtasks_total", DataType.NUMERIC, 18));
        return action("loop pipeline", ActionType.INVESTIGATE,
                "Get a pipeline every 60 seconds (configurable) until it has terminated; fails when the pipeline "
                        + "failed or was cancelled, when it is still running after max_wait, or when more polls in a "
                        + "row than max_poll_failures fail.", true,
                List.of(pipelineId(),
                        ParameterSpec.builder("interval", DataType.NUMERIC).example(60)
                                .description("Seconds between polls (default: the asset's poll_interval, 60)").build(),
                        ParameterSpec.builder("max_wait", DataType.NUMERIC).example(86_400)
                                .description("Seconds to wait at most (default: the asset's max_wait, 24h)").build()),
                outs.toArray(OutputSpec[]::new)).continuing(); // one poll a step: the engine waits between them
    }

    private static ActionSpec captureInstance() {
        return action("capture instance", ActionType.CORRECT,
                "Capture an EC2 instance for processing and analysis on the Cado Response platform.", false,
                List.of(bucket(true), region(true), projectId(),
                        ParameterSpec.builder("instance_id", DataType.STRING).required().contains(INSTANCE)
                                .example("i-1234567890abcdef0")
                                .description("AWS instance id as listed in the output of \"list instances\"").build(),
                        flag("compress", true), flag("include_disks", true), flag("include_hash", false),
                        flag("include_logs", true), flag("include_screenshot", true)),
                OutputSpec.of("action_result.data.*.pipeline_id", DataType.NUMERIC, 6, PIPELINE),
                OutputSpec.of("action_result.data.*.name", DataType.STRING, "Acquiring i-1234567890abcdef0",
                        PIPELINE_NAME),
                OutputSpec.of("action_result.data.*.pipeline_type", DataType.STRING, "acquisition"),
                OutputSpec.of("action_result.data.*.project_id", DataType.NUMERIC, 1, PROJECT),
                OutputSpec.of("action_result.data.*.evidence_id", DataType.NUMERIC, 0),
                OutputSpec.of("action_result.summary.pipeline_id", DataType.NUMERIC, 6, PIPELINE));
    }

    private static ParameterSpec flag(String name, boolean dflt) {
        return ParameterSpec.builder(name, DataType.BOOLEAN).defaultValue(dflt)
                .description("Capture option " + name + " (default " + dflt + ")").build();
    }

    private static ActionSpec captureBucket() {
        return action("capture bucket", ActionType.CORRECT,
                "Capture the contents of an S3 bucket for processing and analysis on the Cado Response platform.",
                false, List.of(bucket(true), projectId(),
                        ParameterSpec.builder("file_name", DataType.STRING).example("folderA/disk.dd")
                                .description("Capture only this object (default: every object, each as its own "
                                        + "evidence)").build()),
                OutputSpec.of("action_result.data.*.*.pipelines.pipeline_id", DataType.NUMERIC, 6, PIPELINE),
                OutputSpec.of("action_result.data.*.*.pipelines.project_id", DataType.NUMERIC, 1, PROJECT),
                OutputSpec.of("action_result.data.*.*.pipelines.evidence_id", DataType.NUMERIC, 4),
                OutputSpec.of("action_result.data.*.*.pipelines.pipeline_type", DataType.STRING, "processing"),
                OutputSpec.of("action_result.summary.total_pipelines", DataType.NUMERIC, 3));
    }
}
