package dev.wisp.cli.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HTML page of a run: its structure everywhere (jsoup), and in a real browser where Chromium is installed. */
class HtmlReportTest {
    private static final String TUTORIAL = "../playbooks/capture_ec2_instance.yaml";
    private static final String ANSWERS = "../examples/capture_ec2_instance.answers.yaml";

    @TempDir
    Path dir;

    /** One in-process run of the CLI. */
    record Cli(int exit, String err) {
    }

    private static Cli run(String... args) {
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
        return new Cli(exit, err.toString());
    }

    private Path runs() {
        return dir.resolve("runs");
    }

    private String onlyRun() throws Exception {
        try (Stream<Path> s = Files.list(runs())) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .reduce((a, b) -> b).orElseThrow();
        }
    }

    private Document page(Path html) throws Exception {
        return Jsoup.parse(Files.readString(html));
    }

    @Test
    void theSeedTutorialsPageHasTheGraphTheTimelineAndEachBlocksResultsAndFetchesNothing() throws Exception {
        Path html = dir.resolve("seed.html");
        Cli r = run("run", TUTORIAL, "--simulate", "--answers", ANSWERS, "--quiet",
                "--runs-dir", runs().toString(), "--html", html.toString());
        assertEquals(0, r.exit(), r.err());
        Document d = page(html);
        assertEquals("success", d.selectFirst("header .badge").text());
        List<String> nodes = d.select("svg.graph g.node").eachAttr("data-block");
        assertTrue(nodes.containsAll(List.of("start", "Set_Project_Name", "create_project_1", "loop_pipeline_1",
                "end")), nodes.toString());
        assertTrue(d.select("svg.graph g.node.success").size() >= 8, "every block succeeded");
        assertFalse(d.select("svg.graph path.edge.taken").isEmpty(), "the path taken is drawn");
        assertEquals(8, d.select("table.timeline tr").size(), "one lane per block");
        Element project = d.getElementById("block-Set_Project_Name");
        assertTrue(project.select(".prompt").text().contains("Answered by"), project.html());
        Element instances = d.getElementById("block-list_instances_1");
        assertFalse(instances.select("table.view").isEmpty(), "the instances through a view");
        assertTrue(instances.text().contains("i-0a1b2c3d4e5f60001"));
        assertEquals(List.of("ID", "Name", "Type", "Region", "State", "Zone", "IP"),
                instances.select("table.view").first().select("th").eachText(), "Cado's instances view");
        assertFalse(d.getElementById("block-loop_pipeline_1").select("meter").isEmpty(), "the pipeline's progress");
        // offline: nothing from elsewhere, and a policy that forbids fetching anything
        assertTrue(d.select("script[src], link, img[src], iframe, object, embed").isEmpty());
        assertTrue(d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")
                .startsWith("default-src 'none'"));
    }

    @Test
    void suspendedAndFailedRunsHaveTheirPagesToo() throws Exception {
        Path pb = dir.resolve("asking.yaml");
        Files.writeString(pb, """
                playbook: asking
                blocks:
                  ask: { prompt: "Contain the host?", responses: [{ prompt: Contain, type: yes/no }] }
                  broken: { action: regex extract, app: core, parameters: { input: abc, pattern: "(" } }
                  after: { action: set value, app: core, parameters: { value: 1 } }
                edges: [start -> ask, ask -> broken, broken -> after, after -> end]
                """);
        assertEquals(4, run("run", pb.toString(), "--runs-dir", runs().toString()).exit(),
                "suspended: nobody to answer");
        String suspended = onlyRun();
        assertEquals(0, run("show", suspended, "--html", "--runs-dir", runs().toString()).exit());
        Document s = page(runs().resolve(suspended).resolve("report.html"));
        assertEquals("suspended", s.selectFirst("header .badge").text());
        assertTrue(s.select("header").text().contains("Waiting for ask"), s.select("header").text());
        assertTrue(s.getElementById("block-ask").text().contains("Contain the host?"));

        Cli resumed = run("resume", suspended, "--answer", "ask=yes", "--runs-dir",
                runs().toString());
        assertEquals(1, resumed.exit(), resumed.err());
        Path failedPage = dir.resolve("failed.html");
        assertEquals(0, run("show", suspended, "--html", failedPage.toString(), "--runs-dir",
                runs().toString()).exit());
        Document f = page(failedPage);
        assertEquals("failed", f.selectFirst("header .badge").text());
        Element broken = f.getElementById("block-broken");
        assertTrue(broken.hasAttr("open"), "a failed block is open");
        assertFalse(broken.select("table.execs .badge.failed").isEmpty(), broken.html());
        assertEquals("node failed", f.selectFirst("svg.graph g.node[data-block=broken]").className());
        assertTrue(f.getElementById("block-broken").text().contains("regular expression")
                || f.getElementById("block-broken").text().contains("pattern"), "its message is shown");
    }

    @Test
    void aRunOfTenThousandExecutionsStaysAFewMegabytesAndIsPaged() {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("run_id", "20261201-100000-aaaaaa");
        report.put("playbook", "fan");
        report.put("status", "success");
        report.put("started", "2026-12-01T10:00:00Z");
        report.put("finished", "2026-12-01T10:05:00Z");
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            results.add(Map.of("index", i, "iteration", 0, "attempt", 1, "status", "success", "message",
                    "got i-" + i, "parameter", Map.of("id", "i-" + i), "data", List.of(Map.of("id", "i-" + i,
                            "state", "running")), "summary", Map.of(), "duration_ms", 20));
        }
        Map<String, Object> block = new LinkedHashMap<>();
        block.put("status", "success");
        block.put("kind", "action");
        block.put("started", "2026-12-01T10:00:00Z");
        block.put("finished", "2026-12-01T10:05:00Z");
        block.put("results", results);
        report.put("blocks", Map.of("get", block));
        String html = HtmlReport.render(report, List.of(), null, b -> null);
        assertTrue(html.length() < 4 * 1024 * 1024, "about " + html.length() / 1024 + " KiB");
        Document d = Jsoup.parse(html);
        assertEquals(10_000, d.select("table.execs tr.row").size());
        assertEquals(HtmlReport.PAGE, d.select("table.execs tr.row:not([hidden])").size(), "one page shown");
        assertEquals(1, d.select("p.pager").size());
        assertEquals(HtmlReport.DETAILED, d.select("details.views").size(), "views for the first executions");
        assertTrue(d.text().contains("The playbook this run ran cannot be read"), "no playbook: said, not a crash");
    }

    @Test
    void inARealBrowserThePageHasNoErrorsMakesNoRequestsAndShowsTheGraph() throws Exception {
        Path chromium = Chromium.binary().orElse(null);
        Assumptions.assumeTrue(chromium != null, "SKIPPED: no chromium on the PATH (Debian: apt-get install "
                + "chromium); the page's structure is still checked by the other tests");
        Path html = dir.resolve("seed.html");
        assertEquals(0, run("run", TUTORIAL, "--simulate", "--answers", ANSWERS, "--quiet", "--runs-dir",
                runs().toString(), "--html", html.toString()).exit());
        // the browser's profile outside the test's folder: a browser may write to it until the moment it exits
        Path profile = Files.createTempDirectory("wisp-chromium");
        try (Chromium browser = new Chromium(chromium, profile)) {
            String url = html.toUri().toString();
            browser.open(url);
            assertEquals(List.of(), browser.console, "no console messages or errors");
            assertEquals(List.of(url), browser.requests, "nothing is fetched but the page itself");
            assertTrue(browser.eval("document.querySelectorAll('svg.graph g.node').length").asInt() >= 10);
            assertTrue(browser.eval("document.querySelector('svg.graph').getBoundingClientRect().height").asDouble()
                    > 100, "the graph is laid out");
            assertTrue(browser.eval("document.querySelectorAll('table.view').length").asInt() > 0);
            // for the person looking: one block opened with its results drawn through the app's views
            browser.eval("var b=document.getElementById('block-list_instances_1');b.open=true;"
                    + "b.querySelectorAll('details').forEach(function(d){d.open=true;});true");
            Path shot = Path.of("target", "report-seed-tutorial.png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.screenshot());
            assertTrue(Files.size(shot) > 10_000, "a screenshot for a person to look at: " + shot.toAbsolutePath());
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            // a leftover browser profile in the temp folder harms nothing
        }
    }
}
