package dev.wisp.soar;

import dev.wisp.spi.ActionContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code add tag} on a server: SOAR's tag fields hold the whole list, so the current tags are read first and the new
 * ones added to them (or put in their place with {@code overwrite}). Sending the same tags again changes nothing.
 */
final class Tags {
    private Tags() {
    }

    static CompletionStage<List<Object>> send(SoarServer server, ActionContext ctx, Activity a, long container) {
        List<String> tags = a.castTags();
        boolean overwrite = Boolean.TRUE.equals(a.details().get("overwrite"));
        Object indicator = a.details().get("indicator");
        if (indicator == null) {
            String path = "/rest/container/" + container;
            return server.call(ctx, "GET", path, null, true)
                    .thenCompose(current -> post(server, ctx, path, merged(current, tags, overwrite)));
        }
        return server.call(ctx, "GET", "/rest/indicator_by_value?indicator_value="
                        + SoarServer.query(indicator.toString()), null, true)
                .thenCompose(found -> {
                    Object id = found.get("id");
                    if (id == null) {
                        throw new SoarFailure("Splunk SOAR has no indicator '" + indicator + "'",
                                dev.wisp.spi.ActionResult.Failure.PERMANENT);
                    }
                    return post(server, ctx, "/rest/indicator/" + id, merged(found, tags, overwrite));
                });
    }

    private static CompletionStage<List<Object>> post(SoarServer server, ActionContext ctx, String path,
                                                      List<String> tags) {
        return server.call(ctx, "POST", path, Map.of("tags", tags), true).thenApply(answer -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", answer.get("id"));
            item.put("tags", tags);
            return List.of(item);
        });
    }

    private static List<String> merged(Map<String, Object> current, List<String> tags, boolean overwrite) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        if (!overwrite && current.get("tags") instanceof List<?> old) {
            old.forEach(t -> out.add(String.valueOf(t)));
        }
        out.addAll(tags);
        return new ArrayList<>(out);
    }
}
