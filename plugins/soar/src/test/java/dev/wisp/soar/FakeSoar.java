package dev.wisp.soar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Splunk SOAR REST API on a loopback server, as Splunk's REST reference describes the endpoints the soar app uses:
 * token auth by {@code ph-auth-token}, {@code {"success": true, "id": N}} for what it creates or updates,
 * {@code {"failed": true, "message": "..."}} with a 4xx for what it refuses. It keeps what it was sent, so tests
 * check the effect on the case rather than canned answers.
 */
final class FakeSoar implements AutoCloseable {
    static final String TOKEN = "fake-soar-token-5f2c9e8a7b6d"; // a test value, not a credential
    private static final ObjectMapper JSON = new ObjectMapper();

    final LoopbackServer server = LoopbackServer.start();
    final Map<String, Object> container = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<Map<String, Object>> comments = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> notes = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> pins = Collections.synchronizedList(new ArrayList<>());
    final List<Map<String, Object>> artifacts = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Object> indicator = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<Map<String, Object>> tasks = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong ids = new AtomicLong(100);

    FakeSoar() {
        container.put("id", 7);
        container.put("status", "new");
        container.put("severity", "medium");
        container.put("tags", new ArrayList<>(List.of("existing")));
        indicator.put("id", 55);
        indicator.put("value", "198.51.100.7");
        indicator.put("tags", new ArrayList<>(List.of("seen")));
        tasks.add(new LinkedHashMap<>(Map.of("id", 31, "name", "Contain", "container", 7, "status", 0)));
        tasks.add(new LinkedHashMap<>(Map.of("id", 32, "name", "Recover", "container", 7, "status", 0)));
        server.handler(this::answer);
    }

    String url() {
        return server.url("/");
    }

    private Answer answer(LoopbackServer.Request r) {
        if (!TOKEN.equals(r.header("ph-auth-token"))) {
            return failed(401, "Invalid token");
        }
        Map<String, Object> body;
        try {
            body = r.body().isBlank() ? Map.of() : JSON.readValue(r.body(), Map.class);
        } catch (JsonProcessingException e) {
            return failed(400, "Invalid JSON");
        }
        String route = r.method() + " " + r.path();
        if (route.equals("POST /rest/container_comment")) {
            return create(comments, body, "comment");
        } else if (route.equals("POST /rest/note")) {
            return create(notes, body, "title", "content", "note_type");
        } else if (route.equals("POST /rest/container_pin")) {
            return create(pins, body, "data");
        } else if (route.equals("POST /rest/artifact")) {
            return create(artifacts, body);
        } else if (route.equals("GET /rest/container/7")) {
            return ok(container);
        } else if (route.equals("POST /rest/container/7")) {
            container.putAll(body);
            return ok(Map.of("success", true, "id", 7));
        } else if (r.path().startsWith("/rest/container/")) {
            return failed(404, "container not found");
        } else if (route.equals("GET /rest/indicator_by_value")) {
            return param(r, "indicator_value").equals(indicator.get("value")) ? ok(indicator)
                    : failed(404, "indicator not found");
        } else if (route.equals("POST /rest/indicator/55")) {
            indicator.putAll(body);
            return ok(Map.of("success", true, "id", 55));
        } else if (route.equals("GET /rest/workbook_task")) {
            String of = param(r, "_filter_container_id");
            return ok(Map.of("count", tasks.size(), "num_pages", 1, "data", tasks.stream()
                    .filter(t -> String.valueOf(t.get("container")).equals(of)).toList()));
        } else if (r.method().equals("POST") && r.path().startsWith("/rest/workbook_task/")) {
            String id = r.path().substring("/rest/workbook_task/".length());
            for (Map<String, Object> t : tasks) {
                if (String.valueOf(t.get("id")).equals(id)) {
                    t.putAll(body);
                    return ok(Map.of("success", true, "id", t.get("id")));
                }
            }
            return failed(404, "task not found");
        }
        return failed(404, "no such endpoint: " + route);
    }

    private Answer create(List<Map<String, Object>> into, Map<String, Object> body, String... required) {
        if (!Integer.valueOf(7).equals(body.get("container_id"))) {
            return failed(400, "container_id is required and must be an existing container");
        }
        for (String field : required) {
            if (body.get(field) == null) {
                return failed(400, field + " is required");
            }
        }
        long id = ids.incrementAndGet();
        Map<String, Object> kept = new LinkedHashMap<>(body);
        kept.put("id", id);
        into.add(kept);
        return ok(Map.of("success", true, "id", id));
    }

    private static String param(LoopbackServer.Request r, String name) {
        if (r.query() == null) {
            return "";
        }
        for (String pair : r.query().split("&")) {
            String[] kv = pair.split("=", 2);
            if (URLDecoder.decode(kv[0], StandardCharsets.UTF_8).equals(name)) {
                return kv.length < 2 ? "" : URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }
        return "";
    }

    private static Answer ok(Object json) {
        return Answer.json(200, write(json));
    }

    private static Answer failed(int status, String message) {
        return Answer.json(status, write(Map.of("failed", true, "message", message)));
    }

    private static String write(Object json) {
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
