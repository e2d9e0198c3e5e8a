package dev.wisp.dsl.check;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.ConfigField;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.List;

/**
 * App specs for the check tests: {@code forensics} mirrors the shape of the Cado Response app (a configured app
 * whose outputs declare contains types), {@code util} is an app without configuration.
 */
final class TestApps {
    private TestApps() {
    }

    static AppCatalog catalog() {
        return AppCatalog.of(List.of(forensics(), util()));
    }

    private static ParameterSpec projectId() {
        return ParameterSpec.builder("project_id", DataType.NUMERIC).required().contains("cado project id")
                .assetDefault("default_project").build();
    }

    static AppSpec forensics() {
        ActionSpec create = new ActionSpec("create project", "create_project", ActionType.GENERIC, "", false, false,
                List.of(ParameterSpec.builder("project_name", DataType.STRING).required().build()),
                List.of(OutputSpec.of("action_result.data.*.id", DataType.NUMERIC, 1, "cado project id"),
                        OutputSpec.of("action_result.data.*.msg", DataType.STRING, "Created"),
                        OutputSpec.of("action_result.parameter.project_name", DataType.STRING, "x")));
        ActionSpec list = new ActionSpec("list instances", "list_instances", ActionType.INVESTIGATE, "", true, true,
                List.of(projectId(), ParameterSpec.builder("region", DataType.STRING).build()),
                List.of(OutputSpec.of("action_result.data.*.*.id", DataType.STRING, "i-1", "aws instance id"),
                        OutputSpec.of("action_result.data.*.*._state", DataType.STRING, "running"),
                        OutputSpec.of("action_result.data.*.*.region", DataType.STRING, "us-east-1", "aws region"),
                        OutputSpec.of("action_result.data.*.*.running", DataType.BOOLEAN, true)));
        ActionSpec capture = new ActionSpec("capture instance", "capture_instance", ActionType.CORRECT, "", false,
                false, List.of(projectId(),
                ParameterSpec.builder("instance_id", DataType.STRING).required().contains("aws instance id").build(),
                ParameterSpec.builder("region", DataType.STRING).required().assetDefault("default_region").build(),
                ParameterSpec.builder("mode", DataType.STRING).valueList("fast", "full").build(),
                ParameterSpec.builder("bucket", DataType.STRING).required().assetDefault("default_bucket").build()),
                List.of(OutputSpec.of("action_result.data.*.pipeline_id", DataType.NUMERIC, 6, "cado pipeline id"),
                        OutputSpec.of("action_result.data.*.name", DataType.STRING, "Acquiring i-1",
                                "cado pipeline name"),
                        OutputSpec.of("action_result.summary.pipeline_id", DataType.NUMERIC, 6, "cado pipeline id")));
        ActionSpec loop = new ActionSpec("loop pipeline", "loop_pipeline", ActionType.INVESTIGATE, "", true, true,
                List.of(ParameterSpec.builder("pipeline_id", DataType.NUMERIC).required().contains("cado pipeline id")
                        .build()),
                List.of(OutputSpec.of("action_result.data.*.terminated", DataType.BOOLEAN, true)));
        ActionSpec pipelines = new ActionSpec("list pipelines", "list_pipelines", ActionType.INVESTIGATE, "", true,
                true, List.of(projectId()),
                List.of(OutputSpec.of("action_result.data.*.pipelines.*.pipeline_id", DataType.NUMERIC, 6,
                                "cado pipeline id"),
                        OutputSpec.of("action_result.data.*.pipelines.*.name", DataType.STRING, "Acquiring i-1",
                                "cado pipeline name")));
        return new AppSpec("forensics", "1.0", null, null,
                List.of(ConfigField.required("base_url", DataType.STRING, ""), ConfigField.secret("token", "")),
                List.of(create, list, capture, loop, pipelines));
    }

    static AppSpec util() {
        ActionSpec echo = new ActionSpec("echo", "echo", ActionType.GENERIC, "", true, true,
                List.of(ParameterSpec.builder("value", DataType.ANY).required().build(),
                        ParameterSpec.builder("count", DataType.NUMERIC).defaultValue(1).build()),
                List.of(OutputSpec.of("action_result.data.*.value", DataType.ANY, "x")));
        return new AppSpec("util", "1.0", null, null, List.of(), List.of(echo));
    }
}
