package dev.wisp.soar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.http.AssetHttpClient;
import dev.wisp.http.Excerpt;
import dev.wisp.http.Failures;
import dev.wisp.http.HttpSettings;
import dev.wisp.http.InDoubt;
import dev.wisp.http.Request;
import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AssetConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Splunk SOAR server's connection: each action becomes the REST calls of {@code docs/soar.md} for the run's event
 * ({@code container:id}), authenticated with {@code ph-auth-token}. Updates that set a value (status, severity,
 * tags, a task's status) are sent again after passing faults; creations (comments, notes, pins, artifacts) are not,
 * and an unanswered one is reported as possibly done.
 */
final class SoarServer implements AppConnection {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String token;
    private final AssetHttpClient http;

    SoarServer(AssetConfig asset) {
        URI url = HttpSettings.url(asset, "base_url", asset.string("base_url").orElseThrow());
        String s = url.toString();
        this.base = s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
        this.token = asset.string("token").orElseThrow();
        this.http = new AssetHttpClient(HttpSettings.from(asset));
    }

    /** Requests go out on the shared asynchronous client; retries wait through the context. */
    @Override
    public boolean nonBlocking() {
        return true;
    }

    @Override
    public CompletionStage<ActionResult> execute(ActionContext ctx) {
        Object read = SoarApp.activityOrFailure(ctx);
        if (read instanceof ActionResult failed) {
            return CompletableFuture.completedFuture(failed);
        }
        Activity a = (Activity) read;
        long container;
        try {
            container = containerId(ctx.container());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(ActionResult.failed(ctx.parameters(), a.what() + ": "
                    + e.getMessage(), ActionResult.Failure.PERMANENT));
        }
        CompletionStage<List<Object>> sent;
        try {
            sent = send(ctx, a, container);
        } catch (SoarFailure e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((data, error) -> error == null
                ? SoarApp.done(ctx, a, data, true, a.what() + ": sent to Splunk SOAR (container " + container + ")")
                : failed(ctx, a, error));
    }

    /** The case's id in SOAR, from the run's event. */
    static long containerId(Map<String, Object> container) {
        Object id = container.get("id");
        if (id instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() > 0) {
            return n.longValue();
        }
        if (id != null && id.toString().strip().matches("[1-9][0-9]{0,18}")) {
            return Long.parseLong(id.toString().strip());
        }
        throw new IllegalArgumentException(id == null ? "the run's event has no container id (container:id), so "
                + "there is no Splunk SOAR case to send it to: start the run with --event whose container has the "
                + "case's id, or use an asset without base_url to only record the activity"
                : "the run's event has the container id '" + id + "', which is not a Splunk SOAR container id (a "
                + "positive whole number)");
    }

    private CompletionStage<List<Object>> send(ActionContext ctx, Activity a, long container) {
        Map<String, Object> d = a.details();
        return switch (a.what()) {
            case "add comment" -> created(ctx, "/rest/container_comment", fields("container_id", container,
                    "comment", d.get("comment")));
            case "add note" -> created(ctx, "/rest/note", note(container, null, d.get("title"), d.get("content"),
                    d.get("note_format"), d.get("note_type")));
            case "set status" -> updateContainer(ctx, container, fields("status", d.get("status")));
            case "set severity" -> updateContainer(ctx, container, fields("severity", d.get("severity")));
            case "pin" -> {
                Map<String, Object> b = new LinkedHashMap<>(d);
                b.put("container_id", container);
                yield created(ctx, "/rest/container_pin", b);
            }
            case "add tag" -> Tags.send(this, ctx, a, container);
            case "create artifact" -> {
                Map<String, Object> b = new LinkedHashMap<>(d);
                b.put("container_id", container);
                yield created(ctx, "/rest/artifact", b);
            }
            default -> WorkbookTasks.send(this, ctx, a, container);
        };
    }

    /** The body of {@code POST /rest/note}; {@code task} is set for a note on a workbook task. */
    static Map<String, Object> note(long container, Object task, Object title, Object content, Object format,
                                    Object type) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("container_id", container);
        if (task != null) {
            b.put("task_id", task);
        }
        b.put("title", title);
        b.put("content", content == null ? "" : content);
        b.put("note_format", format);
        b.put("note_type", type);
        return b;
    }

    /** A request body with its fields in this order. */
    private static Map<String, Object> fields(Object... kv) {
        Map<String, Object> b = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            b.put((String) kv[i], kv[i + 1]);
        }
        return b;
    }

    /** A POST that creates something: its answer's id is the data; never sent twice. */
    CompletionStage<List<Object>> created(ActionContext ctx, String path, Map<String, Object> body) {
        return call(ctx, "POST", path, body, false).thenApply(answer -> List.of(idOf(answer, path)));
    }

    private CompletionStage<List<Object>> updateContainer(ActionContext ctx, long container, Map<String, Object> b) {
        String path = "/rest/container/" + container;
        return call(ctx, "POST", path, b, true).thenApply(answer -> List.of(idOf(answer, path)));
    }

    private static Map<String, Object> idOf(Map<String, Object> answer, String path) {
        Object id = answer.get("id");
        if (id == null && answer.get("existing_artifact_id") != null) {
            id = answer.get("existing_artifact_id"); // SOAR keeps one copy of a duplicate artifact
        }
        if (id == null) {
            throw new SoarFailure("Splunk SOAR answered POST " + path + " without the id of what it made: "
                    + Excerpt.of(String.valueOf(answer)), ActionResult.Failure.UNSPECIFIED);
        }
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", id instanceof Number n ? n : id.toString());
        return item;
    }

    /**
     * One REST call; completes with the JSON object SOAR answered, or fails with a {@link SoarFailure} that says
     * what went wrong (the token masked).
     */
    CompletionStage<Map<String, Object>> call(ActionContext ctx, String method, String pathAndQuery,
                                              Map<String, Object> body, boolean repeatable) {
        URI uri = URI.create(base + pathAndQuery);
        Request r = Request.of(method, uri).withHeader("Accept", "application/json")
                .withCredentialHeader("ph-auth-token", token);
        if (body != null) {
            try {
                r = r.withBody(JSON.writeValueAsString(body), "application/json");
            } catch (JsonProcessingException e) {
                throw new SoarFailure("cannot write the request body: " + e.getOriginalMessage(),
                        ActionResult.Failure.PERMANENT);
            }
        }
        if (repeatable) {
            r = r.idempotent();
        }
        Request sent = r;
        return http.send(ctx, sent).thenApply(response -> Answers.of(sent, response));
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private ActionResult failed(ActionContext ctx, Activity a, Throwable error) {
        Throwable cause = error;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String why;
        ActionResult.Failure kind;
        if (cause instanceof SoarFailure f) {
            why = f.getMessage();
            kind = f.kind();
        } else {
            why = Failures.message(cause);
            kind = Failures.of(cause);
            if (InDoubt.lostAnswer(cause) && !a.what().startsWith("set ") && !a.what().equals("add tag")) {
                why += "; the " + a.what() + " may or may not have reached the case: look at it before running "
                        + "this again";
            }
        }
        return ActionResult.failed(ctx.parameters(), http.settings().secrets().mask(a.what() + ": " + why), kind);
    }

    @Override
    public void close() {
        http.close();
    }
}
