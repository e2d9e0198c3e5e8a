package dev.wisp.cado;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.Reconciliation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Finds the pipeline an interrupted capture started among the project's pipelines. A v2 pipeline names neither its
 * instance nor its bucket: an EC2 capture is known by its acquisition pipeline's name {@code Acquiring <instance id>}
 * (README, U21), an S3 file by the processing pipeline's {@code evidence_name} (U22); a whole-bucket capture cannot
 * be told apart from other processing pipelines, so only its absence is certain.
 */
final class CaptureSearch {
    private final CadoActions actions;
    private final CadoSettings settings;
    private final ActionContext ctx;
    private final Instant startedAt;
    private final long project;

    CaptureSearch(CadoActions actions, CadoSettings settings, ActionContext ctx, Instant startedAt) {
        this.actions = actions;
        this.settings = settings;
        this.ctx = ctx;
        this.startedAt = startedAt;
        this.project = actions.projectId(ctx);
    }

    /** Looks for the acquisition pipeline of the instance among {@code pipelines}, the project's. */
    CompletionStage<Reconciliation> instance(CompletionStage<List<Map<?, ?>>> pipelines) {
        String instance = actions.text(ctx, "instance_id", Optional.empty());
        String region = actions.text(ctx, "region", settings.defaultRegion());
        String bucket = actions.text(ctx, "bucket", settings.defaultBucket());
        String name = "Acquiring " + instance;
        return pipelines.thenApply(all -> {
            List<Map<?, ?>> ours = all.stream().filter(p -> type(p, "acquisition") && name.equals(p.get("name")))
                    .toList();
            List<Map<?, ?>> fresh = since(ours, Created.NEW);
            List<Map<?, ?>> maybe = ours.stream().filter(p -> Created.of(p, startedAt).maybeNew()).toList();
            if (maybe.isEmpty()) {
                return Reconciliation.notFound("no acquisition pipeline '" + name + "' in project " + project
                        + " was created since this execution started (" + startedAt + ", allowing for the server's "
                        + "time zone)" + older(ours)
                        + ": the interrupted capture did not start, so starting it again is safe");
            }
            if (fresh.size() == 1 && maybe.size() == 1) {
                Map<String, Object> stub = stub(fresh.get(0));
                Object id = stub.get("pipeline_id");
                return Reconciliation.found(ActionResult.success(CadoActions.params(ctx, "project_id", project,
                        "region", region, "bucket", bucket), List.of(stub), Map.of("pipeline_id", id),
                        "capture of " + instance + " started: pipeline " + Ids.text(id) + " (found after the run was "
                                + "interrupted; created at " + Created.shown(fresh.get(0)) + ")"));
            }
            return Reconciliation.unknown("this execution started at " + startedAt + "; acquisition pipelines '" + name
                    + "' in project " + project + " that may be its capture: " + Reconciler.describe(maybe)
                    + " (times read as UTC). One may be this capture, another a capture of the same instance by "
                    + "someone else; check them (get pipeline) and decide whether to capture it again");
        });
    }

    /** Looks for processing pipelines of the bucket (or its file) among {@code pipelines}, the project's. */
    CompletionStage<Reconciliation> bucket(CompletionStage<List<Map<?, ?>>> pipelines) {
        String bucket = actions.text(ctx, "bucket", settings.defaultBucket());
        Object file = CadoActions.param(ctx, "file_name");
        return pipelines.thenApply(all -> {
            List<Map<?, ?>> processing = all.stream().filter(p -> type(p, "processing")).toList();
            List<Map<?, ?>> recent = processing.stream().filter(p -> Created.of(p, startedAt).maybeNew()).toList();
            String what = file == null ? "bucket " + bucket : "'" + file + "' of bucket " + bucket;
            if (recent.isEmpty()) {
                return Reconciliation.notFound("no processing pipeline in project " + project + " was created since "
                        + "this execution started (" + startedAt + ", allowing for the server's time zone): the "
                        + "interrupted capture of " + what + " started nothing, so starting it again is safe");
            }
            String evidence = file == null ? "" : file.toString().substring(file.toString().lastIndexOf('/') + 1);
            if (file != null) {
                List<Map<?, ?>> named = recent.stream().filter(p -> evidence.equals(p.get("evidence_name"))).toList();
                if (named.size() == 1 && Created.of(named.get(0), startedAt) == Created.NEW) {
                    Map<String, Object> stub = stub(named.get(0));
                    return Reconciliation.found(ActionResult.success(CadoActions.params(ctx, "project_id", project,
                            "bucket", bucket), List.of(List.of(Map.of("pipelines", stub))),
                            Map.of("total_pipelines", 1L), "capture of " + what + " started: 1 pipelines (pipeline "
                                    + Ids.text(stub.get("pipeline_id")) + ", found after the run was interrupted)"));
                }
            }
            return Reconciliation.unknown("this execution started at " + startedAt + "; processing pipelines in "
                    + "project " + project + " that may be its capture: " + Reconciler.describe(recent)
                    + " (times read as UTC)"
                    + ". Cado Response's pipelines do not say which bucket they came from"
                    + (file == null ? " (a whole-bucket capture starts one per object)" : ", and none is singled out "
                    + "by the evidence name '" + evidence + "'")
                    + ", so they may be this capture of " + what + " or other work (EC2 acquisitions start processing "
                    + "pipelines too); check their evidence (get pipeline) and decide whether to capture it again");
        });
    }

    private static boolean type(Map<?, ?> pipeline, String type) {
        return pipeline.get("pipeline_type") instanceof String t && t.equalsIgnoreCase(type);
    }

    private List<Map<?, ?>> since(List<Map<?, ?>> pipelines, Created when) {
        return pipelines.stream().filter(p -> Created.of(p, startedAt) == when).toList();
    }

    private static String older(List<Map<?, ?>> ours) {
        return ours.isEmpty() ? "" : " (only older ones: " + Reconciler.describe(ours) + ")";
    }

    /** The capture's own answer, rebuilt from the listed pipeline: its stub fields, subtasks as bare ids. */
    private static Map<String, Object> stub(Map<?, ?> pipeline) {
        Map<String, Object> stub = new LinkedHashMap<>();
        for (String k : List.of("pipeline_id", "pipeline_type", "name", "created", "evidence_id", "project_id",
                "user_id")) {
            if (pipeline.containsKey(k)) {
                stub.put(k, pipeline.get(k));
            }
        }
        List<Object> subtasks = new ArrayList<>();
        if (pipeline.get("subtasks") instanceof List<?> list) {
            list.forEach(t -> subtasks.add(t instanceof Map<?, ?> m && m.get("task_id") != null
                    ? Map.of("id", m.get("task_id")) : t));
        }
        stub.put("subtasks", subtasks);
        return stub;
    }
}
