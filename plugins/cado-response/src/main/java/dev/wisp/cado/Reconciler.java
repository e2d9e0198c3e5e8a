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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * Looks for the effect of an execution in doubt with GETs only: create project by the project's exact name, capture
 * instance by its acquisition pipeline, capture bucket by the processing pipeline of the named file. Every failure
 * becomes an UNKNOWN answer that says what may have happened and what to check; nothing here throws.
 */
final class Reconciler {
    private final CadoHttp http;
    private final CadoActions actions;
    private final CadoSettings settings;

    Reconciler(CadoHttp http, CadoActions actions, CadoSettings settings) {
        this.http = http;
        this.actions = actions;
        this.settings = settings;
    }

    CompletionStage<Reconciliation> reconcile(ActionContext ctx, Instant startedAt) {
        CompletionStage<Reconciliation> look;
        try {
            look = switch (ctx.actionName()) {
                case "create project" -> project(ctx, startedAt);
                case "capture instance" -> new CaptureSearch(actions, settings, ctx, startedAt).instance(pipelines(ctx));
                case "capture bucket" -> new CaptureSearch(actions, settings, ctx, startedAt).bucket(pipelines(ctx));
                default -> CompletableFuture.completedFuture(Reconciliation.unknown(
                        "this app cannot look for the effect of '" + ctx.actionName() + "'"));
            };
        } catch (IllegalArgumentException | CadoException e) {
            return CompletableFuture.completedFuture(cannotLook(ctx, e));
        }
        return look.handle((answer, error) -> error == null ? answer : cannotLook(ctx, error));
    }

    /** UNKNOWN because the looking itself failed: the server could not be asked or answered oddly. */
    private Reconciliation cannotLook(ActionContext ctx, Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why = cause instanceof CadoException || cause instanceof IllegalArgumentException
                || cause instanceof dev.wisp.http.HttpFailure ? cause.getMessage()
                : cause.toString();
        return Reconciliation.unknown("could not look for the effect of the interrupted '" + ctx.actionName()
                + "': " + why + ". It may or may not have taken effect; " + whatToCheck(ctx));
    }

    private String whatToCheck(ActionContext ctx) {
        Object project = CadoActions.param(ctx, "project_id");
        String in = " in project " + (project != null ? Ids.text(project)
                : settings.defaultProject().map(String::valueOf).orElse("(none given)"));
        return switch (ctx.actionName()) {
            case "create project" -> "check in Cado Response (list projects) whether a project named '"
                    + given(ctx, "project_name") + "' exists before creating it again";
            case "capture instance" -> "check the pipelines" + in + " (list pipelines) for 'Acquiring "
                    + given(ctx, "instance_id") + "' before capturing it again";
            default -> "check the pipelines" + in + " (list pipelines) before running it again";
        };
    }

    private static String given(ActionContext ctx, String name) {
        Object v = CadoActions.param(ctx, name);
        return v == null ? "(none given)" : v.toString();
    }

    private CompletionStage<List<Map<?, ?>>> pipelines(ActionContext ctx) {
        long project = actions.projectId(ctx);
        return http.get(ctx, "/tasks/pipelines", Map.of("project_id", project)).thenApply(r -> {
            Map<?, ?> body = Responses.as(Responses.json(r, "project " + project + " not found"), Map.class,
                    "the answer");
            return objects(Responses.as(body.get("pipelines"), List.class, "'pipelines'"), "a pipeline");
        });
    }

    static List<Map<?, ?>> objects(List<?> list, String what) {
        List<Map<?, ?>> out = new ArrayList<>();
        list.forEach(o -> out.add(Responses.as(o, Map.class, what)));
        return out;
    }

    private CompletionStage<Reconciliation> project(ActionContext ctx, Instant startedAt) {
        String name = actions.text(ctx, "project_name", Optional.empty());
        return http.get(ctx, "/projects", Map.of()).thenApply(r -> {
            List<Map<?, ?>> named = objects(Responses.as(Responses.json(r, "no project list at " + settings.baseUrl()),
                    List.class, "the project list"), "a project").stream()
                    .filter(p -> name.equals(p.get("caseName"))).toList();
            if (named.isEmpty()) {
                return Reconciliation.notFound("Cado Response has no project named '" + name + "': the interrupted "
                        + "execution did not create it, so creating it again is safe");
            }
            // a lone project that looks older than the start is not taken, whether it is OLD or only DOUBTFUL
            List<Map<?, ?>> fresh = named.stream().filter(p -> Created.of(p, startedAt) == Created.NEW).toList();
            List<Map<?, ?>> unreadable = named.stream()
                    .filter(p -> Created.of(p, startedAt) == Created.UNREADABLE).toList();
            Map<?, ?> project;
            if (named.size() == 1 && fresh.size() + unreadable.size() == 1) {
                project = named.get(0);
            } else if (fresh.size() == 1 && unreadable.isEmpty()) {
                project = fresh.get(0);
            } else if (named.size() == 1) {
                Map<?, ?> old = named.get(0);
                return Reconciliation.unknown("a project named '" + name + "' exists (id " + Ids.text(old.get("id"))
                        + "), but it was created at " + Created.shown(old) + ", before this execution started ("
                        + startedAt + ", reading the server's time as UTC): it was probably there already, and then "
                        + "Cado Response refused the interrupted request as a duplicate name. Use that project if it is "
                        + "the right one, or choose another name");
            } else {
                return Reconciliation.unknown(named.size() + " projects are named '" + name + "' (" + describe(named)
                        + ") and their creation times do not single out one created after this execution started ("
                        + startedAt + "); check in Cado Response which one, if any, this run created");
            }
            return foundProject(ctx, name, project);
        });
    }

    private static Reconciliation foundProject(ActionContext ctx, String name, Map<?, ?> project) {
        Object id = project.get("id");
        if (id == null) {
            return Reconciliation.unknown("a project named '" + name + "' exists, but Cado Response's answer has no "
                    + "'id' for it; check it in Cado Response");
        }
        if (Boolean.TRUE.equals(project.get("deleted"))) {
            return Reconciliation.unknown("project " + Ids.text(id) + " '" + name + "' was created at "
                    + Created.shown(project) + " but has been deleted since; decide whether to create it again");
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id);
        item.put("msg", null); // the server's "Created" was in the answer that was lost
        return Reconciliation.found(ActionResult.success(CadoActions.params(ctx), List.of(item),
                Map.of("project_id", id), "created project " + Ids.text(id) + " '" + name + "' (found after the run "
                        + "was interrupted; created at " + Created.shown(project) + ")"));
    }

    /** "id 3 created 2026-11-22T10:00:01.000000, id 5 created ..." */
    static String describe(List<Map<?, ?>> objects) {
        return objects.stream().map(o -> "id " + Ids.text(o.get(o.containsKey("pipeline_id") ? "pipeline_id" : "id"))
                + " created " + Created.shown(o)).collect(Collectors.joining(", "));
    }
}
