package dev.wisp.cado.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback Cado Response v2 API for tests and demos, built from the API reference: the same paths, payloads,
 * status codes and error bodies ({@code {"msg": ...}}), strict Bearer token checks, state that changes as a real
 * platform's would, and switchable faults. The access token never appears in its log.
 */
public final class CadoSimulator implements AutoCloseable {
    static final String PREFIX = "/api/v2";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SimulatorOptions options;
    private final SimState state;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Routes routes;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private volatile SimulatorOptions.Faults faults;
    private final Random random;
    /** When the current burst of 429s ends (System.nanoTime), or 0. */
    private long burstEnds;

    private CadoSimulator(SimulatorOptions options) {
        this.options = options;
        this.state = new SimState(options.clock(), options.subtasks());
        this.routes = new Routes(state, options.stepsPerPoll());
        this.faults = options.faults();
        this.random = new Random(options.faults().seed());
        try {
            this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
        this.executor = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "cado-sim");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /** Starts a simulator; close it when done. */
    public static CadoSimulator start(SimulatorOptions options) {
        CadoSimulator sim = new CadoSimulator(options);
        sim.server.start();
        return sim;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The API root, ending in /api/v2, as an asset's base_url. */
    public String baseUrl() {
        return "http://" + options.host() + ":" + port() + PREFIX;
    }

    /** Changes the faults while running. */
    public void faults(SimulatorOptions.Faults f) {
        this.faults = f;
    }

    /** Every request so far: method, path with query, status (never headers or bodies). */
    public List<String> requests() {
        synchronized (log) {
            return List.copyOf(log);
        }
    }

    /** A description of the seeded data, for the standalone banner. */
    public String describe() {
        synchronized (state) {
            return "projects: " + state.projects.size() + " (1 'Default'); instances: "
                    + String.join(", ", state.instances.keySet()) + "; buckets: "
                    + String.join(", ", state.buckets.keySet());
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getRawPath();
        String query = ex.getRequestURI().getRawQuery();
        String line = method + " " + path + (query == null ? "" : "?" + query);
        try (ex) {
            SimulatorOptions.Faults f = faults;
            double roll;
            synchronized (random) {
                roll = random.nextDouble();
            }
            if (f.getsOnly() && !method.equals("GET")) {
                roll = 1.0;
            }
            if (f.slowMillis() > 0) {
                Thread.sleep(f.slowMillis());
            }
            long now = System.nanoTime();
            long burstLeft;
            synchronized (random) {
                if (roll >= f.dropRate() && roll < f.dropRate() + f.rate429() && burstEnds - now <= 0) {
                    burstEnds = now + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(Math.max(1, f.burstMillis()));
                }
                burstLeft = f.burstMillis() > 0 ? burstEnds - now : 0;
            }
            boolean inBurst = f.burstMillis() > 0 ? burstLeft > 0 && (!f.getsOnly() || method.equals("GET"))
                    : roll >= f.dropRate() && roll < f.dropRate() + f.rate429();
            if (inBurst) {
                long seconds = Math.max(1, (java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(burstLeft) + 999) / 1000);
                ex.getResponseHeaders().add("Retry-After", Long.toString(seconds));
                send(ex, line, 429, Map.of("msg", "Too many requests"));
                return;
            }
            double r = roll - f.dropRate() - f.rate429();
            if (r >= 0 && r < f.errorRate()) {
                send(ex, line, 503, Map.of("msg", "Service temporarily unavailable"));
                return;
            }
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            if (auth == null || !auth.equals("Bearer " + options.token())) {
                send(ex, line, 401, Map.of("msg", "Unauthorized"));
                return;
            }
            if (!path.startsWith(PREFIX + "/")) {
                send(ex, line, 404, Routes.notFound());
                return;
            }
            byte[] body = ex.getRequestBody().readAllBytes();
            Routes.Answer a = routes.route(method, path.substring(PREFIX.length()), query(query), body);
            if (roll < f.dropRate()) {
                log.add(line + " " + a.status() + " dropped");
                ex.getResponseBody().close(); // processed, then the connection closed without the answer
                return;
            }
            if (r >= f.errorRate() && r < f.errorRate() + f.rate500()) {
                log.add(line + " " + a.status() + " answered-500");
                byte[] bytes = JSON.writeValueAsBytes(Map.of("msg", "Internal Server Error"));
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(500, bytes.length);
                ex.getResponseBody().write(bytes);
                return;
            }
            send(ex, line, a.status(), a.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw != null) {
            for (String part : raw.split("&")) {
                int eq = part.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                q.put(k, eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private void send(HttpExchange ex, String line, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        log.add(line + " " + status);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
