package dev.wisp.cli.show;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the DevTools protocol (a WebSocket, with the JDK's own client): opens a page,
 * records console messages, uncaught errors and every network request, evaluates expressions and takes a screenshot.
 */
final class Chromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    final List<String> console = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Void> loaded = new CompletableFuture<>();

    /** The browser, where one is installed. */
    static Optional<Path> binary() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    Chromium(Path binary, Path profile) throws Exception {
        process = new ProcessBuilder(binary.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "--window-size=1280,1800", "about:blank").redirectErrorStream(true)
                .start();
        String ws = null;
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Pattern p = Pattern.compile("DevTools listening on (ws://\\S+)");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (String line; ws == null && System.nanoTime() < deadline && (line = out.readLine()) != null; ) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                ws = m.group(1);
            }
        }
        if (ws == null) {
            process.destroyForcibly();
            throw new IOException("chromium did not say where its DevTools listen");
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "chromium-output");
        drain.setDaemon(true);
        drain.start();
        // the browser's own target; a page is made and attached to with a flat session
        socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(URI.create(ws), new Listener())
                .get(30, TimeUnit.SECONDS);
    }

    private String session;

    /** Opens {@code url} and waits until it has loaded. */
    void open(String url) throws Exception {
        String target = call(null, "Target.createTarget", Map.of("url", "about:blank")).path("targetId").asText();
        session = call(null, "Target.attachToTarget", Map.of("targetId", target, "flatten", true))
                .path("sessionId").asText();
        call(session, "Runtime.enable", Map.of());
        call(session, "Log.enable", Map.of());
        call(session, "Network.enable", Map.of());
        call(session, "Page.enable", Map.of());
        call(session, "Page.navigate", Map.of("url", url));
        loaded.get(30, TimeUnit.SECONDS);
    }

    /** The value of a JavaScript expression in the page. */
    JsonNode eval(String expression) throws Exception {
        return call(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true))
                .path("result").path("value");
    }

    /** A PNG of the whole page. */
    byte[] screenshot() throws Exception {
        return Base64.getDecoder().decode(call(session, "Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true)).path("data").asText());
    }

    private JsonNode call(String sessionId, String method, Map<String, Object> params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        Map<String, Object> msg = new java.util.LinkedHashMap<>();
        msg.put("id", id);
        msg.put("method", method);
        msg.put("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        socket.sendText(JSON.writeValueAsString(msg), true).get(30, TimeUnit.SECONDS);
        JsonNode r = f.get(60, TimeUnit.SECONDS);
        if (r.has("error")) {
            throw new IOException(method + ": " + r.get("error"));
        }
        return r.path("result");
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                try {
                    on(JSON.readTree(text.toString()));
                } catch (IOException e) {
                    console.add("unreadable DevTools message: " + e.getMessage());
                }
                text.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    private void on(JsonNode m) {
        if (m.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
            if (f != null) {
                f.complete(m);
            }
            return;
        }
        String method = m.path("method").asText();
        JsonNode p = m.path("params");
        switch (method) {
            case "Runtime.consoleAPICalled" -> console.add(p.path("type").asText() + ": " + p.path("args"));
            case "Runtime.exceptionThrown" -> console.add("exception: " + p.path("exceptionDetails"));
            case "Log.entryAdded" -> console.add(p.path("entry").path("level").asText() + ": "
                    + p.path("entry").path("text").asText());
            case "Network.requestWillBeSent" -> requests.add(p.path("request").path("url").asText());
            case "Page.loadEventFired" -> loaded.complete(null);
            default -> {
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the browser goes anyway
        }
        // the browser and every process it started (renderers, the GPU process), so none is left writing
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
    }
}
