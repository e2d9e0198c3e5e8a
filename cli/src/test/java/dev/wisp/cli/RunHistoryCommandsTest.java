package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** wisp run's progress without a terminal, --quiet, and the run history: runs, show, resume, prune. */
class RunHistoryCommandsTest {
    private static final String GREET = "src/test/resources/runs/greet.yaml";
    private static final Pattern RUN_ID = Pattern.compile("[0-9]{8}-[0-9]{6}-[0-9a-f]{6}");

    @TempDir
    Path dir;

    private CliRun wisp(String... args) {
        return CliRun.of(Stream.concat(Stream.of(args), Stream.of("--runs-dir", runs().toString()))
                .toArray(String[]::new));
    }

    private Path runs() {
        return dir.resolve("runs");
    }

    private static String id(CliRun r) {
        Matcher m = RUN_ID.matcher(r.err());
        assertTrue(m.find(), r.err());
        return m.group();
    }

    private String normalized(String text) {
        return RUN_ID.matcher(text.replace(runs().toString(), "RUNS")
                .replace("(" + GREET + ")", "(GREET)")).replaceAll("RUN_ID");
    }

    @Test
    void withoutATerminalProgressIsOnlyBlocksStartingAndFinishing() {
        CliRun r = wisp("run", GREET, "--answer", "ask.0=Ada", "--answer", "ask.1=LONDON");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        Goldens.assertMatches("run-progress-plain.txt", normalized(r.err()));
    }

    @Test
    void quietPrintsOnlyTheFinalLine() {
        CliRun r = wisp("run", GREET, "--quiet", "--answer", "ask.0=Ada", "--answer", "ask.1=LONDON");
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals("run RUN_ID: success\n", normalized(r.err()));
        CliRun waiting = wisp("run", GREET, "-q");
        assertEquals(ExitCodes.SUSPENDED, waiting.exit());
        assertEquals("""
                run RUN_ID: suspended: waiting for [ask]
                The run is waiting for ask. Continue it with:
                  wisp resume RUN_ID --answer 'ask.0=<Name>' --answer 'ask.1=<Place>' --runs-dir RUNS
                """, normalized(waiting.err()));
    }

    @Test
    void runsListsNewestFirstAndFilters() throws IOException {
        String done = id(wisp("run", GREET, "-q", "--answer", "ask.0=Ada", "--answer", "ask.1=LONDON"));
        String waiting = id(wisp("run", GREET, "-q"));
        CliRun all = wisp("runs");
        assertEquals(ExitCodes.OK, all.exit(), all.err());
        List<String> lines = all.out().lines().toList();
        assertEquals("RUN ID                  PLAYBOOK  STATUS     STARTED               DURATION  WAITING FOR",
                lines.get(0));
        assertEquals(3, lines.size(), all.out());
        assertTrue(lines.get(1).startsWith(waiting + "  greet     suspended  ") && lines.get(1).endsWith("  ask"),
                lines.get(1));
        assertTrue(lines.get(2).startsWith(done + "  greet     success    "), lines.get(2));

        assertEquals(2, wisp("runs", "--output", "json").out().split("\"run_id\"").length - 1);
        Map<?, ?> json = new ObjectMapper().readValue(wisp("runs", "--status", "suspended", "--output", "json")
                .out(), Map.class);
        List<?> listed = (List<?>) json.get("runs");
        assertEquals(1, listed.size());
        Map<?, ?> run = (Map<?, ?>) listed.get(0);
        assertEquals(List.of("run_id", "playbook", "file", "status", "started", "ended", "duration_ms",
                "waiting_for", "message"), List.copyOf(run.keySet()));
        assertEquals(waiting, run.get("run_id"));
        assertEquals(List.of("ask"), run.get("waiting_for"));
        assertEquals(1, wisp("runs", "--limit", "1").out().lines().count() - 1);
        assertEquals("", wisp("runs", "--playbook", "other").out());
        assertEquals("no runs in " + runs() + " match\n", wisp("runs", "--playbook", "other").err());
    }

    @Test
    void showPrintsTheSummaryTheReportAndTheJournal() throws IOException {
        String id = id(wisp("run", GREET, "-q"));
        CliRun shown = wisp("show", id.substring(0, 17));
        assertEquals(ExitCodes.OK, shown.exit(), shown.err());
        assertEquals("""
                run RUN_ID: greet (GREET), started %s
                  waiting   ask  for an answer
                run RUN_ID: suspended: waiting for [ask]
                The run is waiting for ask. Continue it with:
                  wisp resume RUN_ID --answer 'ask.0=<Name>' --answer 'ask.1=<Place>' --runs-dir RUNS
                """.formatted(started(id)), normalized(shown.out()));

        Map<?, ?> report = new ObjectMapper().readValue(wisp("show", id, "--output", "json").out(), Map.class);
        assertEquals(new ObjectMapper().readValue(runs().resolve(id).resolve("report.json").toFile(), Map.class),
                report);

        List<String> journal = wisp("show", id, "--journal").out().lines().toList();
        assertEquals(4, journal.size(), journal.toString());
        assertTrue(journal.get(0).matches("\\S+Z  run started      greet \\(" + GREET + "\\)"), journal.get(0));
        assertTrue(journal.get(2).contains("  prompt asked     ask: Who, and where? (until "), journal.get(2));
        assertTrue(journal.get(3).endsWith("  run suspended    waiting for ask"), journal.get(3));

        CliRun resumed = wisp("resume", id, "--answer", "ask.0=Ada", "--answer", "ask.1=Paris");
        assertEquals(ExitCodes.OK, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("  success   whisper  paris\nrun " + id + ": success\njournal and report: "),
                resumed.err());
        assertTrue(wisp("show", id).out().contains("run " + id + ": success\n"));
    }

    private String started(String id) throws IOException {
        return String.valueOf(new ObjectMapper().readValue(runs().resolve(id).resolve("report.json").toFile(),
                Map.class).get("started"));
    }

    @Test
    void pruneRemovesOldFinishedRunsAndKeepsSuspendedOnesWithoutForce() {
        String done = id(wisp("run", GREET, "-q", "--answer", "ask.0=Ada", "--answer", "ask.1=LONDON"));
        String waiting = id(wisp("run", GREET, "-q"));
        assertEquals("removed 0 runs older than 30d\n", wisp("runs", "--prune", "--older-than", "30d").err());
        CliRun pruned = wisp("runs", "--prune", "--older-than", "0s");
        assertEquals(ExitCodes.OK, pruned.exit(), pruned.err());
        assertEquals("removed " + done + " (success)\nkept " + waiting + ": it is suspended (--force removes it "
                + "anyway)\nremoved 1 runs older than 0s; kept 1 running or suspended\n", pruned.err());
        assertFalse(Files.exists(runs().resolve(done)));
        assertTrue(Files.exists(runs().resolve(waiting)));
        assertEquals(ExitCodes.OK, wisp("runs", "--prune", "--older-than", "0s", "--force").exit());
        assertFalse(Files.exists(runs().resolve(waiting)));
    }

    @Test
    void badOptionsAreUsageErrorsThatSayWhatToWrite() {
        assertEquals("wisp: --prune needs --older-than AGE, e.g. --older-than 30d\n", wisp("runs", "--prune").err());
        assertEquals("wisp: --older-than: 'a month' is not an age; write e.g. 30d, 12h or 90m\n",
                wisp("runs", "--prune", "--older-than", "a month").err());
        assertEquals("wisp: --older-than, --force and --dry-run go with --prune\n", wisp("runs", "--force").err());
        CliRun status = wisp("runs", "--status", "done");
        assertEquals(ExitCodes.USAGE, status.exit());
        assertTrue(status.err().contains("unknown run status 'done'; use success, failed"), status.err());
        assertEquals(ExitCodes.USAGE, wisp("runs", "--limit", "-1").exit());
        CliRun missing = wisp("show", "nope");
        assertEquals(ExitCodes.USAGE, missing.exit());
        assertEquals("wisp: no run 'nope' in " + runs() + " (no runs recorded there yet)\n", missing.err());
    }
}
