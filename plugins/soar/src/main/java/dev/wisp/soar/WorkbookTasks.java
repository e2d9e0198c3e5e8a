package dev.wisp.soar;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code update workbook task} on a server: finds the task of the case's workbook by its name, sets its status and
 * owner, and adds the note to it.
 */
final class WorkbookTasks {
    private WorkbookTasks() {
    }

    static CompletionStage<List<Object>> send(SoarServer server, ActionContext ctx, Activity a, long container) {
        Map<String, Object> d = a.details();
        String name = d.get("task_name").toString();
        return server.call(ctx, "GET", "/rest/workbook_task?page_size=0&_filter_container_id=" + container, null, true)
                .thenCompose(tasks -> {
                    Object id = find(tasks, name, container);
                    Map<String, Object> update = new LinkedHashMap<>();
                    if (d.get("status") != null) {
                        update.put("status", Activity.TASK_STATUS.get(d.get("status").toString()));
                    }
                    if (d.get("owner") != null) {
                        update.put("owner", d.get("owner"));
                    }
                    CompletionStage<?> updated = update.isEmpty() ? CompletableFuture.completedFuture(null)
                            : server.call(ctx, "POST", "/rest/workbook_task/" + id, update, true);
                    return updated.thenCompose(ignored -> d.get("note_title") == null
                            ? CompletableFuture.completedFuture(List.<Object>of(Map.of("id", id)))
                            : server.created(ctx, "/rest/note", SoarServer.note(container, id, d.get("note_title"),
                                    d.get("note_content"), "markdown", "task"))
                            .thenApply(note -> List.<Object>of(Map.of("id", id, "note_id",
                                    ((Map<?, ?>) note.get(0)).get("id")))));
                });
    }

    private static Object find(Map<String, Object> answer, String name, long container) {
        List<?> tasks = answer.get("data") instanceof List<?> l ? l : List.of();
        List<?> named = tasks.stream().filter(t -> t instanceof Map<?, ?> m && name.equals(m.get("name"))).toList();
        if (named.size() != 1) {
            throw new SoarFailure(named.isEmpty() ? "the workbook of container " + container
                    + " has no task named '" + name + "'" : "the workbook of container " + container + " has "
                    + named.size() + " tasks named '" + name + "'; give a name only one task has",
                    ActionResult.Failure.PERMANENT);
        }
        return ((Map<?, ?>) named.get(0)).get("id");
    }
}
