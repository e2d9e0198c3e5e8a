package dev.wisp.cado.sim;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The simulated platform: projects, EC2 instances in two regions, S3 buckets with objects, and pipelines whose
 * subtasks move PENDING -> RUNNING -> SUCCESS as they are polled. Instance ids and bucket names containing "fail"
 * make their pipelines fail (one subtask FAILURE, the rest CANCELLED). All access is synchronized.
 */
final class SimState {
    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final List<String> SUBTASK_NAMES = List.of(
            "Acquisition: Snapshot the instance's EBS volumes",
            "Acquisition: Copy the snapshots to the staging bucket",
            "Acquisition: Create a processing pipeline for each copied EC2 volume",
            "Triage: Extracting evidence and any additional archives.",
            "Processing: Building the timeline",
            "Processing: Running Yara rules and hashing files",
            "Processing: Extracting indicators of compromise",
            "Processing: Shutting down workers");

    private final Clock clock;
    private final int subtasks;
    final Map<Long, Map<String, Object>> projects = new TreeMap<>();
    final Map<String, Map<String, Object>> instances = new LinkedHashMap<>();
    final Map<String, List<String>> buckets = new LinkedHashMap<>();
    final Map<Long, Pipeline> pipelines = new TreeMap<>();
    private long nextProject = 2;
    private long nextPipeline = 1;
    private long nextEvidence = 1;

    SimState(Clock clock, int subtasks) {
        this.clock = clock;
        this.subtasks = subtasks;
        projects.put(1L, project(1, "Default"));
        instance("i-0a1b2c3d4e5f60001", "web-01", "t3a.large", "us-east-1", "us-east-1a", "running", "203.0.113.10");
        instance("i-0a1b2c3d4e5f60002", "db-01", "r5.xlarge", "us-east-1", "us-east-1b", "running", null);
        instance("i-0a1b2c3d4e5f60003", "batch-07", "c5.2xlarge", "us-west-2", "us-west-2c", "stopped", null);
        instance("i-0fa11fa11fa11fa11", "fail-me", "t3.micro", "us-west-2", "us-west-2a", "running", null);
        buckets.put("evidence-bucket", List.of());
        buckets.put("cloudtrail-logs", List.of("AWSLogs/2026/11/21/trail-1.json.gz",
                "AWSLogs/2026/11/22/trail-2.json.gz"));
        buckets.put("web-assets", List.of("disk-images/web-01.dd"));
    }

    String now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).format(CREATED);
    }

    double seconds() {
        return clock.instant().toEpochMilli() / 1000.0;
    }

    private Map<String, Object> project(long id, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("id", id);
        p.put("caseName", name);
        p.put("description", "");
        p.put("created", now());
        p.put("deleted", false);
        p.put("status", "Pending");
        p.put("users", List.of(Map.of("id", 1, "username", "admin", "display_name", "Admin", "is_admin", true,
                "login_type", 0)));
        return p;
    }

    private void instance(String id, String name, String type, String region, String zone, String state, String ip) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("id", id);
        i.put("instance_name", name);
        i.put("instance_type", type);
        i.put("_placement", zone);
        i.put("_state", state);
        i.put("ip_address", ip);
        i.put("region", Map.of("name", region));
        i.put("launch_time", "Fri, 27 Aug 2021 16:17:40 GMT");
        i.put("evidence_id", null);
        i.put("project_id", null);
        i.put("processing_type", null);
        instances.put(id, i);
    }

    synchronized Map<String, Object> createProject(String name) {
        long id = nextProject++;
        Map<String, Object> p = project(id, name);
        projects.put(id, p);
        return p;
    }

    /** A new pipeline; {@code evidenceName} is the imported file's name for S3 imports, empty for acquisitions. */
    synchronized Pipeline createPipeline(long project, String type, String name, String evidenceName, boolean fails) {
        Pipeline p = new Pipeline(nextPipeline++, project, type, name, nextEvidence++, evidenceName, now(), fails,
                subtasks);
        pipelines.put(p.id, p);
        return p;
    }

    /** A pipeline and its progress. */
    static final class Pipeline {
        final long id;
        final long project;
        final String type;
        final String name;
        final long evidence;
        final String evidenceName;
        final String created;
        final boolean fails;
        final List<Map<String, Object>> subtasks = new ArrayList<>();

        Pipeline(long id, long project, String type, String name, long evidence, String evidenceName, String created,
                 boolean fails, int count) {
            this.id = id;
            this.project = project;
            this.type = type;
            this.name = name;
            this.evidence = evidence;
            this.evidenceName = evidenceName;
            this.created = created;
            this.fails = fails;
            for (int i = 0; i < count; i++) {
                Map<String, Object> t = new LinkedHashMap<>();
                t.put("task_id", UUID.nameUUIDFromBytes((id + "/" + i).getBytes()).toString());
                t.put("name", SUBTASK_NAMES.get(i % SUBTASK_NAMES.size()));
                t.put("name_key", "step_" + i);
                t.put("state", "PENDING");
                t.put("start_time", 0);
                t.put("finish_time", 0);
                t.put("execution_duration", 0);
                t.put("notification_level", "Info");
                t.put("progress_text", new ArrayList<>());
                t.put("total_stages", null);
                subtasks.add(t);
            }
        }

        boolean terminated() {
            return subtasks.stream().noneMatch(t -> t.get("state").equals("PENDING") || t.get("state").equals("RUNNING"));
        }

        /** One step: the running subtask finishes (or fails), else the next pending one starts. */
        void step(double now) {
            for (int i = 0; i < subtasks.size(); i++) {
                Map<String, Object> t = subtasks.get(i);
                if (t.get("state").equals("RUNNING")) {
                    boolean failHere = fails && i == subtasks.size() / 2;
                    t.put("state", failHere ? "FAILURE" : "SUCCESS");
                    t.put("finish_time", now);
                    t.put("execution_duration", (long) (now - ((Number) t.get("start_time")).doubleValue()));
                    if (failHere) {
                        ((List<Object>) t.get("progress_text")).add("Error: the volume snapshot could not be read");
                        for (int j = i + 1; j < subtasks.size(); j++) {
                            subtasks.get(j).put("state", "CANCELLED");
                        }
                    }
                    return;
                }
            }
            for (Map<String, Object> t : subtasks) {
                if (t.get("state").equals("PENDING")) {
                    t.put("state", "RUNNING");
                    t.put("start_time", now);
                    return;
                }
            }
        }

        Map<String, Object> json(Map<String, Object> projectObj) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pipeline_id", id);
            p.put("pipeline_type", type);
            p.put("name", name);
            p.put("created", created);
            p.put("project_id", project);
            p.put("project_name", projectObj == null ? "" : projectObj.get("caseName"));
            p.put("evidence_id", evidence);
            p.put("evidence_name", evidenceName);
            p.put("user_id", 1);
            p.put("user_name", "admin");
            boolean done = terminated();
            p.put("terminated", done);
            p.put("can_be_terminated", !done);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("total", subtasks.size());
            for (String[] k : new String[][] {{"success", "SUCCESS"}, {"failure", "FAILURE"}, {"pending", "PENDING"},
                {"running", "RUNNING"}, {"cancelled", "CANCELLED"}}) {
                summary.put(k[0], subtasks.stream().filter(t -> t.get("state").equals(k[1])).count());
            }
            p.put("summary", summary);
            p.put("subtasks", subtasks.stream().map(LinkedHashMap::new).toList());
            return p;
        }

        Map<String, Object> stub() {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("pipeline_id", id);
            p.put("pipeline_type", type);
            p.put("name", name);
            p.put("created", created);
            p.put("evidence_id", type.equals("acquisition") ? 0 : evidence);
            p.put("project_id", project);
            p.put("user_id", 1);
            p.put("subtasks", subtasks.stream().map(t -> Map.of("id", t.get("task_id"))).toList());
            return p;
        }
    }
}
