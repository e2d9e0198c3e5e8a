package dev.wisp.cado.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The v2 endpoints of the reference, over {@link SimState}. Assumptions U1-U19 are listed in the README. */
final class Routes {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROJECT = Pattern.compile("^/projects/([^/]+)/?$");
    private static final Pattern IMPORT = Pattern.compile("^/projects/([^/]+)/imports/(ec2|s3)/?$");
    private static final int MAX_NAME = 80;

    private final SimState state;
    private final int stepsPerPoll;

    Routes(SimState state, int stepsPerPoll) {
        this.state = state;
        this.stepsPerPoll = stepsPerPoll;
    }

    /** An answer: status and JSON body. */
    record Answer(int status, Object body) {
    }

    static Map<String, Object> notFound() {
        return Map.of("msg", "The requested URL was not found on the server. If you entered the URL manually "
                + "please check your spelling and try again.");
    }

    private static Answer msg(int status, String text) {
        return new Answer(status, Map.of("msg", text));
    }

    Answer route(String method, String path, Map<String, String> query, byte[] body) {
        synchronized (state) {
            try {
                return dispatch(method, path, query, body);
            } catch (BadRequest e) {
                return msg(400, e.getMessage());
            }
        }
    }

    private Answer dispatch(String method, String path, Map<String, String> query, byte[] body) {
        if (path.equals("/system/status")) {
            return method.equals("GET") ? new Answer(200, Map.of("status", "Running")) : notAllowed();
        }
        if (path.equals("/notifications")) {
            return method.equals("GET") ? new Answer(200, Map.of("notifications", List.of())) : notAllowed();
        }
        if (path.equals("/projects") || path.equals("/projects/")) {
            return switch (method) {
                case "GET" -> new Answer(200, new ArrayList<>(state.projects.values()));
                case "POST" -> createProject(json(body));
                default -> notAllowed();
            };
        }
        if (path.equals("/tasks/pipelines") || path.equals("/tasks/pipelines/")) {
            return method.equals("GET") ? pipelines(query) : notAllowed();
        }
        Matcher m = IMPORT.matcher(path);
        if (m.matches()) {
            Map<String, Object> project = project(m.group(1));
            if (project == null) {
                return new Answer(404, notFound());
            }
            long id = ((Number) project.get("id")).longValue();
            boolean ec2 = m.group(2).equals("ec2");
            return switch (method) {
                case "GET" -> ec2 ? instances(query) : buckets(query);
                case "POST" -> ec2 ? captureInstance(id, json(body)) : captureBucket(id, json(body));
                default -> notAllowed();
            };
        }
        m = PROJECT.matcher(path);
        if (m.matches()) {
            Map<String, Object> project = project(m.group(1));
            return project == null ? new Answer(404, notFound())
                    : method.equals("GET") ? new Answer(200, project) : notAllowed();
        }
        return new Answer(404, notFound());
    }

    private static Answer notAllowed() {
        return msg(405, "The method is not allowed for the requested URL.");
    }

    private Map<String, Object> project(String id) {
        try {
            return state.projects.get(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(byte[] body) {
        try {
            Object v = JSON.readValue(body, Object.class);
            if (v instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
        } catch (IOException e) {
            throw new BadRequest("The request body is not valid JSON");
        }
        throw new BadRequest("The request body must be a JSON object");
    }

    private Answer createProject(Map<String, Object> body) {
        Object name = body.get("caseName");
        if (!(name instanceof String s) || s.isBlank()) {
            return msg(400, "caseName is required");
        }
        if (s.length() > MAX_NAME) {
            return msg(400, "caseName must be at most " + MAX_NAME + " characters");
        }
        if (state.projects.values().stream().anyMatch(p -> p.get("caseName").equals(s))) {
            return msg(409, "Project name already exists");
        }
        Map<String, Object> p = state.createProject(s);
        return new Answer(201, Map.of("id", p.get("id"), "msg", "Created"));
    }

    private Answer instances(Map<String, String> query) {
        String region = query.get("region");
        List<Object> out = new ArrayList<>();
        state.instances.values().forEach(i -> {
            if (region == null || region.equals(((Map<?, ?>) i.get("region")).get("name"))) {
                out.add(new LinkedHashMap<>(i));
            }
        });
        return new Answer(200, Map.of("instances", out));
    }

    private Answer buckets(Map<String, String> query) {
        String bucket = query.get("bucket");
        if (bucket == null) {
            return new Answer(200, Map.of("buckets", new ArrayList<>(state.buckets.keySet())));
        }
        List<String> files = state.buckets.get(bucket);
        return files == null ? msg(404, "Bucket not found") : new Answer(200, Map.of("files", files));
    }

    private static boolean flag(Object v, boolean fallback) {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new BadRequest("flags must be true or false, not '" + v + "'");
        }
        return s.equals("true");
    }

    private Answer captureInstance(long project, Map<String, Object> body) {
        Object id = body.get("instance_id");
        if (!(id instanceof String instance) || instance.isBlank()) {
            return msg(400, "instance_id is required");
        }
        for (String f : List.of("compress", "include_disks", "include_hash", "include_logs", "include_screenshot")) {
            flag(body.get(f), true);
        }
        if (!state.instances.containsKey(instance)) {
            return msg(404, "Instance " + instance + " not found");
        }
        SimState.Pipeline p = state.createPipeline(project, "acquisition", "Acquiring " + instance, "",
                instance.contains("fa11") || instance.contains("fail"));
        return new Answer(200, p.stub());
    }

    private Answer captureBucket(long project, Map<String, Object> body) {
        Object b = body.get("bucket");
        if (!(b instanceof String bucket) || bucket.isBlank()) {
            return msg(400, "bucket is required");
        }
        List<String> files = state.buckets.get(bucket);
        if (files == null) {
            return msg(404, "Bucket " + bucket + " not found");
        }
        List<String> targets = body.get("file_name") instanceof String f ? List.of(f)
                : files.isEmpty() ? List.of("") : files;
        if (body.get("file_name") instanceof String f && !files.contains(f)) {
            return msg(404, "File " + f + " not found in bucket " + bucket);
        }
        List<Object> stubs = new ArrayList<>();
        for (String t : targets) {
            // the evidence is named after the object's file name, like the reference's "disk.vmdk"
            String evidence = t.isEmpty() ? bucket : t.substring(t.lastIndexOf('/') + 1);
            stubs.add(state.createPipeline(project, "processing", "", evidence, bucket.contains("fail")).stub());
        }
        return new Answer(200, Map.of("pipelines", stubs));
    }

    private Answer pipelines(Map<String, String> query) {
        if (query.containsKey("pipeline_id")) {
            SimState.Pipeline p;
            try {
                p = state.pipelines.get(Long.parseLong(query.get("pipeline_id")));
            } catch (NumberFormatException e) {
                p = null;
            }
            if (p == null) {
                return msg(404, "Pipeline not found");
            }
            for (int i = 0; i < stepsPerPoll; i++) {
                p.step(state.seconds());
            }
            return new Answer(200, p.json(state.projects.get(p.project)));
        }
        if (query.containsKey("project_id")) {
            Map<String, Object> project = project(query.get("project_id"));
            if (project == null) {
                return new Answer(404, notFound());
            }
            long id = ((Number) project.get("id")).longValue();
            List<Object> list = new ArrayList<>();
            state.pipelines.values().stream().filter(p -> p.project == id).forEach(p -> list.add(p.json(project)));
            return new Answer(200, Map.of("pipelines", list));
        }
        return msg(400, "project_id or pipeline_id is required");
    }
}
