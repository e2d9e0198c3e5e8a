package dev.wisp.cado;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The actions, each one request (loop pipeline is in {@link PipelineLoop}). Data items are shaped as the Phantom
 * app shaped them, so the documented data paths hold: list actions add one item that is itself a list.
 */
final class CadoActions {
    private final CadoHttp http;
    private final CadoSettings settings;

    CadoActions(CadoHttp http, CadoSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    static Object param(ActionContext ctx, String name) {
        Object v = ctx.parameters().get(name);
        return v == null || v.toString().isBlank() ? null : v;
    }

    long projectId(ActionContext ctx) {
        Object v = param(ctx, "project_id");
        return Ids.id("project_id", v != null ? v : settings.defaultProject().orElse(null));
    }

    String text(ActionContext ctx, String name, Optional<String> fallback) {
        Object v = param(ctx, name);
        String s = v != null ? v.toString() : fallback.orElse(null);
        if (s == null) {
            throw new IllegalArgumentException(name + " is required (or set default_" + name + " on the asset)");
        }
        return s;
    }

    static Map<String, Object> params(ActionContext ctx, Object... overrides) {
        Map<String, Object> p = new LinkedHashMap<>(ctx.parameters());
        for (int i = 0; i < overrides.length; i += 2) {
            p.put((String) overrides[i], overrides[i + 1]);
        }
        return p;
    }

    CompletionStage<ActionResult> testConnectivity(ActionContext ctx) {
        return http.get(ctx, "/system/status", Map.of()).thenApply(r -> {
            Object body = Responses.json(r, "no Cado Response v2 API answers at " + settings.baseUrl()
                    + "; is base_url right? it must end in /api/v2");
            if (!(body instanceof Map<?, ?> m) || m.get("status") == null) {
                throw new CadoException(r.status(), settings.baseUrl() + " answered, but not like a Cado Response v2 "
                        + "API (no 'status' in /system/status); is base_url right?");
            }
            String status = m.get("status").toString();
            Map<String, Object> item = Map.of("status", status);
            if (!status.equals("Running")) {
                return new ActionResult(ActionResult.Status.FAILED, "Cado Response at " + settings.baseUrl()
                        + " answers but reports status '" + status + "', not Running", Map.of(), List.of(item), Map.of());
            }
            return ActionResult.success(Map.of(), List.of(item), Map.of(),
                    "connected to Cado Response at " + settings.baseUrl() + ": Running, access token accepted");
        });
    }

    CompletionStage<ActionResult> listProjects(ActionContext ctx) {
        return http.get(ctx, "/projects", Map.of()).thenApply(r -> {
            List<?> projects = Responses.as(Responses.json(r, "no project list at " + settings.baseUrl()),
                    List.class, "the project list");
            List<Object> rows = new ArrayList<>();
            for (Object o : projects) {
                Map<?, ?> p = Responses.as(o, Map.class, "a project");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", p.get("id"));
                row.put("case_name", p.get("caseName"));
                rows.add(row);
            }
            return ActionResult.success(params(ctx), List.of(rows), Map.of("total_projects", (long) rows.size()),
                    rows.size() + " projects");
        });
    }

    CompletionStage<ActionResult> createProject(ActionContext ctx) {
        String name = text(ctx, "project_name", Optional.empty());
        return http.post(ctx, "/projects", http.body("caseName", name)).thenApply(r -> {
            if (r.status() == 409) {
                throw new CadoException(409, "a project named '" + name + "' already exists (HTTP 409: "
                        + Responses.message(r) + "); choose another name");
            }
            Map<?, ?> body = Responses.as(Responses.json(r, "cannot create projects at " + settings.baseUrl()),
                    Map.class, "the answer");
            Object id = body.get("id");
            if (id == null) {
                throw new CadoException(r.status(), "Cado Response created no project: its answer has no 'id'");
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", id);
            item.put("msg", body.get("msg"));
            return ActionResult.success(params(ctx), List.of(item), Map.of("project_id", id),
                    "created project " + id + " '" + name + "'");
        });
    }

    CompletionStage<ActionResult> listInstances(ActionContext ctx) {
        long project = projectId(ctx);
        Object region = param(ctx, "region");
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("region", region);
        return http.get(ctx, CadoHttp.path("projects", project, "imports", "ec2"), query).thenApply(r -> {
            List<?> instances = Responses.field("instances", List.class).apply(Responses.json(r,
                    "project " + project + " not found"));
            List<Object> rows = new ArrayList<>();
            for (Object o : instances) {
                Map<?, ?> i = Responses.as(o, Map.class, "an instance");
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", i.get("id"));
                row.put("instance_name", i.get("instance_name"));
                row.put("instance_type", i.get("instance_type"));
                row.put("region", i.get("region") instanceof Map<?, ?> reg ? reg.get("name") : i.get("region"));
                row.put("_state", i.get("_state"));
                row.put("_placement", i.get("_placement"));
                row.put("ip_address", "null".equals(i.get("ip_address")) ? null : i.get("ip_address"));
                rows.add(row);
            }
            return ActionResult.success(params(ctx, "project_id", project), List.of(rows),
                    Map.of("total_instances", (long) rows.size()), rows.size() + " instances in project " + project);
        });
    }

    CompletionStage<ActionResult> listBuckets(ActionContext ctx) {
        long project = projectId(ctx);
        return http.get(ctx, CadoHttp.path("projects", project, "imports", "s3"), Map.of()).thenApply(r -> {
            List<?> buckets = Responses.field("buckets", List.class).apply(Responses.json(r,
                    "project " + project + " not found"));
            List<Object> rows = new ArrayList<>();
            for (Object b : buckets) {
                rows.add(Map.of("bucket_name", b instanceof Map<?, ?> m ? m.get("name") : String.valueOf(b)));
            }
            return ActionResult.success(params(ctx, "project_id", project), List.of(rows),
                    Map.of("total_buckets", (long) rows.size()), rows.size() + " buckets");
        });
    }

    CompletionStage<ActionResult> listPipelines(ActionContext ctx) {
        long project = projectId(ctx);
        return http.get(ctx, "/tasks/pipelines", Map.of("project_id", project)).thenApply(r -> {
            Map<?, ?> body = Responses.as(Responses.json(r, "project " + project + " not found"), Map.class,
                    "the answer");
            List<?> pipelines = Responses.as(body.get("pipelines"), List.class, "'pipelines'");
            return ActionResult.success(params(ctx, "project_id", project), List.of(body),
                    Map.of("total_pipelines", (long) pipelines.size()),
                    pipelines.size() + " pipelines in project " + project);
        });
    }

    /** One snapshot of a pipeline; accepts the bare object and the {pipelines: [...]} form. */
    CompletionStage<Map<String, Object>> fetchPipeline(ActionContext ctx, long pipeline) {
        return http.get(ctx, "/tasks/pipelines", Map.of("pipeline_id", pipeline)).thenApply(r -> {
            Map<?, ?> body = Responses.as(Responses.json(r, "pipeline " + pipeline + " not found"), Map.class,
                    "the answer");
            Object found = body;
            if (body.get("pipelines") instanceof List<?> list) {
                found = list.stream().filter(p -> p instanceof Map<?, ?> m && m.get("pipeline_id") != null
                        && Ids.text(m.get("pipeline_id")).equals(Long.toString(pipeline))).findFirst()
                        .orElseThrow(() -> new CadoException(200, "pipeline " + pipeline + " not found in the answer"));
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> p = (Map<String, Object>) found;
            return p;
        });
    }

    CompletionStage<ActionResult> getPipeline(ActionContext ctx) {
        long pipeline = Ids.id("pipeline_id", param(ctx, "pipeline_id"));
        return fetchPipeline(ctx, pipeline).thenApply(p -> {
            PipelineState s = PipelineState.of(p);
            return ActionResult.success(params(ctx, "pipeline_id", pipeline), List.of(p),
                    Map.of("state", s.name), "pipeline " + pipeline + ": " + s.describe());
        });
    }

    CompletionStage<ActionResult> captureInstance(ActionContext ctx) {
        long project = projectId(ctx);
        String instance = text(ctx, "instance_id", Optional.empty());
        String region = text(ctx, "region", settings.defaultRegion());
        String bucket = text(ctx, "bucket", settings.defaultBucket());
        Map<String, Object> body = http.body("instance_id", instance, "region", region, "bucket", bucket,
                "compress", flag(ctx, "compress", true), "include_disks", flag(ctx, "include_disks", true),
                "include_hash", flag(ctx, "include_hash", false), "include_logs", flag(ctx, "include_logs", true),
                "include_screenshot", flag(ctx, "include_screenshot", true));
        return http.post(ctx, CadoHttp.path("projects", project, "imports", "ec2"), body).thenApply(r -> {
            Map<?, ?> stub = Responses.as(Responses.json(r, "project " + project + " or instance " + instance
                    + " not found"), Map.class, "the answer");
            Object id = stub.get("pipeline_id");
            if (id == null) {
                throw new CadoException(r.status(), "Cado Response started no pipeline: its answer has no pipeline_id");
            }
            return ActionResult.success(params(ctx, "project_id", project, "region", region, "bucket", bucket),
                    List.of(stub), Map.of("pipeline_id", id), "capture of " + instance + " started: pipeline " + id);
        });
    }

    private static boolean flag(ActionContext ctx, String name, boolean fallback) {
        Object v = param(ctx, name);
        return v == null ? fallback : v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString().strip());
    }

    CompletionStage<ActionResult> captureBucket(ActionContext ctx) {
        long project = projectId(ctx);
        String bucket = text(ctx, "bucket", settings.defaultBucket());
        Object file = param(ctx, "file_name");
        Map<String, Object> body = file != null ? http.body("bucket", bucket, "file_name", file.toString())
                : http.body("bucket", bucket, "as_single_items", "yes");
        return http.post(ctx, CadoHttp.path("projects", project, "imports", "s3"), body).thenApply(r -> {
            List<?> pipelines = Responses.field("pipelines", List.class).apply(Responses.json(r,
                    "project " + project + " or bucket " + bucket + " not found"));
            List<Object> rows = new ArrayList<>();
            pipelines.forEach(p -> rows.add(Map.of("pipelines", p)));
            return ActionResult.success(params(ctx, "project_id", project, "bucket", bucket), List.of(rows),
                    Map.of("total_pipelines", (long) rows.size()),
                    "capture of bucket " + bucket + " started: " + rows.size() + " pipelines");
        });
    }
}
