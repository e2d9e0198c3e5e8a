package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import dev.wisp.spi.testing.LoopbackServer;
import dev.wisp.spi.testing.LoopbackServer.Answer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A playbook's soar actions without a server: the case activity in the run summary, wisp show and its page. */
class CaseActivityCliTest {
    @TempDir
    Path dir;

    private Path playbook() throws Exception {
        Path pb = dir.resolve("triage.yaml");
        Files.writeString(pb, """
                playbook: triage
                blocks:
                  note_hosts:
                    format: |
                      %%
                      - {0}
                      %%
                    parameters: [artifact:*.cef.host]
                  comment:
                    action: add comment
                    app: soar
                    parameters: { comment: "Triage of {0} started" }
                  note:
                    action: add note
                    app: soar
                    parameters: { title: Hosts, content: note_hosts:formatted_data }
                  status: { action: set status, app: soar, parameters: { status: open } }
                edges: [start -> note_hosts, note_hosts -> comment, comment -> note, note -> status, status -> end]
                """);
        return pb;
    }

    private String onlyRun() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("runs"))) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).findFirst().orElseThrow();
        }
    }

    @Test
    void theRunSummaryShowAndThePageListWhatTheRunDidToTheCase() throws Exception {
        Path event = dir.resolve("event.json");
        Files.writeString(event, "{\"container\": {\"id\": 7, \"name\": \"case-7\"}, \"artifacts\": "
                + "[{\"cef\": {\"host\": \"web-1\"}}, {\"cef\": {\"host\": \"db-2\"}}]}");
        String runs = dir.resolve("runs").toString();
        CliRun r = CliRun.of("run", playbook().toString(), "--event", event.toString(), "--runs-dir", runs);
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(r.err().contains("case activity (3):"), r.err());
        String activity = r.err().substring(r.err().indexOf("case activity"), r.err().indexOf("\nrun "));
        assertTrue(activity.matches("case activity \\(3\\):\n"
                + "  \\d\\d:\\d\\d:\\d\\d  add comment  comment  comment: Triage of \\{0\\} started\n"
                + "  \\d\\d:\\d\\d:\\d\\d  add note     note     title: Hosts, content: - web-1 - db-2 , note_format: markdown, \\.\\.\\.\n"
                + "  \\d\\d:\\d\\d:\\d\\d  set status   status   status: open"), activity);

        String id = onlyRun();
        CliRun shown = CliRun.of("show", id, "--runs-dir", runs);
        assertEquals(ExitCodes.OK, shown.exit(), shown.err());
        assertTrue(shown.out().contains("case activity (3):"), shown.out());

        JsonNode json = new ObjectMapper().readTree(CliRun.of("show", id, "--output", "json", "--runs-dir", runs)
                .out());
        assertEquals(3, json.get("case").size());
        assertEquals("add note", json.get("case").get(1).get("what").asText());
        assertEquals("- web-1\n- db-2\n", json.get("case").get(1).get("details").get("content").asText());
        assertEquals("note", json.get("case").get(1).get("block").asText());

        assertEquals(ExitCodes.OK, CliRun.of("show", id, "--html", "--runs-dir", runs).exit());
        Document page = Jsoup.parse(Files.readString(dir.resolve("runs").resolve(id).resolve("report.html")));
        assertEquals(4, page.select("section#case table.case tr").size(), "a header and three entries");
        assertEquals("#block-status", page.select("section#case a").last().attr("href"));
    }

    @Test
    void withASoarAssetTheActivityGoesToTheEventsContainerAndTheTokenIsInNoOutputOrFile() throws Exception {
        String token = "fake-soar-token-8d7c6b5a4f3e"; // a test value, not a credential
        List<String> sent = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LoopbackServer soar = LoopbackServer.start()) {
            soar.handler(q -> {
                if (!token.equals(q.header("ph-auth-token"))) {
                    return Answer.json(401, "{\"failed\": true, \"message\": \"Invalid token\"}");
                }
                sent.add(q.method() + " " + q.path() + " " + q.body());
                return Answer.json(200, "{\"success\": true, \"id\": 9}");
            });
            Path secret = dir.resolve("soar.token");
            Files.writeString(secret, token);
            Path assets = dir.resolve("assets.yaml");
            Files.writeString(assets, "assets:\n  case:\n    app: soar\n    config:\n      base_url: " + soar.url()
                    + "\n      token: ${file:" + secret + "}\n");
            Path pb = dir.resolve("sent.yaml");
            Files.writeString(pb, """
                    playbook: sent
                    assets: { case: { app: soar } }
                    blocks:
                      comment: { action: add comment, asset: case, parameters: { comment: looking } }
                      severity: { action: set severity, asset: case, parameters: { severity: high } }
                    edges: [start -> comment, comment -> severity, severity -> end]
                    """);
            Path event = dir.resolve("event.json");
            Files.writeString(event, "{\"container\": {\"id\": 12}, \"artifacts\": []}");
            Path runs = dir.resolve("runs");
            CliRun r = CliRun.of("--verbose", "run", pb.toString(), "--event", event.toString(), "--assets",
                    assets.toString(), "--runs-dir", runs.toString());
            assertEquals(ExitCodes.OK, r.exit(), r.err());
            assertEquals(List.of("POST /rest/container_comment {\"container_id\":12,\"comment\":\"looking\"}",
                    "POST /rest/container/12 {\"severity\":\"high\"}"), sent);
            assertTrue(r.err().contains("add comment: sent to Splunk SOAR (container 12)"), r.err());
            assertTrue(r.err().contains("case activity (2):"), r.err());
            assertFalse(r.err().contains(token) || r.out().contains(token), r.err());
            try (Stream<Path> files = Files.walk(runs)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(Files.readString(f).contains(token), f + " holds the token");
                }
            }
        }
    }

    @Test
    void aRunThatDidNothingToTheCaseHasNoCaseLines() throws Exception {
        Path pb = dir.resolve("plain.yaml");
        Files.writeString(pb, """
                playbook: plain
                blocks:
                  one: { action: set value, app: core, parameters: { value: 1 } }
                edges: [start -> one, one -> end]
                """);
        CliRun r = CliRun.of("run", pb.toString(), "--runs-dir", dir.resolve("runs").toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertFalse(r.err().contains("case activity"), r.err());
    }
}
