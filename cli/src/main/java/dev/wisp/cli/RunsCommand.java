package dev.wisp.cli;

import dev.wisp.cli.history.RunHistory;
import dev.wisp.cli.history.RunSummary;
import dev.wisp.dsl.parse.Durations;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code wisp runs}: the recorded runs, newest first; {@code --prune} removes old ones. */
@Command(name = "runs", addMethodSubcommands = false,
        description = "List the recorded runs, newest first, or prune old ones.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp runs", "  wisp runs --status suspended --playbook capture_ec2_instance",
            "  wisp runs --limit 5 --output json", "  wisp runs --prune --older-than 30d"})
final class RunsCommand implements Callable<Integer> {
    enum Output { text, json }

    @ParentCommand
    Main main;

    /** The statuses, for shell completion. */
    static final class Statuses implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(RunSummary.Status.values()).map(RunSummary.Status::id).iterator();
        }
    }

    @Option(names = "--status", paramLabel = "STATUS", completionCandidates = Statuses.class, description = "Only runs with this status: success, failed, "
            + "cancelled, suspended, running or interrupted (the process died mid-run; wisp resume continues it).")
    String status;

    @Option(names = "--playbook", paramLabel = "NAME", description = "Only runs of this playbook (its name).")
    String playbook;

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "At most N runs (default 20; 0 "
            + "for all).")
    int limit;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json", description = "text (a table) or json.")
    Output output;

    @Option(names = "--runs-dir", defaultValue = ".wisp/runs", paramLabel = "DIR", description = "Where runs are "
            + "recorded (default .wisp/runs).")
    Path runsDir;

    @Option(names = "--prune", description = "Remove the runs that started before --older-than (never a running or "
            + "suspended one without --force).")
    boolean prune;

    @Option(names = "--older-than", paramLabel = "AGE", description = "With --prune: the age, e.g. 30d, 12h, 90m.")
    String olderThan;

    @Option(names = "--force", description = "With --prune: remove running and suspended runs too.")
    boolean force;

    @Option(names = "--dry-run", description = "With --prune: say what would be removed, remove nothing.")
    boolean dryRun;

    @picocli.CommandLine.Mixin
    dev.wisp.cli.temporal.TemporalOptions temporal;

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        PrintWriter err = main.spec.commandLine().getErr();
        if (temporal.given()) {
            if (prune || status != null || playbook != null || output == Output.json) {
                throw new UsageException("with --temporal, wisp runs lists the namespace's runs (--limit N); filter "
                        + "them with Temporal's own tools (temporal workflow list --query ...)");
            }
            return OnTemporal.list(temporal, limit, out);
        }
        RunHistory history = new RunHistory(runsDir);
        Instant now = Instant.now();
        if (prune) {
            return prune(history, now, err);
        }
        if (olderThan != null || force || dryRun) {
            throw new UsageException("--older-than, --force and --dry-run go with --prune");
        }
        if (limit < 0) {
            throw new UsageException("--limit must be 0 (all) or more, not " + limit);
        }
        RunSummary.Status wanted = null;
        if (status != null) {
            try {
                wanted = RunSummary.Status.of(status);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--status: " + e.getMessage() + "; use success, failed, cancelled, "
                        + "suspended, running or interrupted");
            }
        }
        RunSummary.Status filter = wanted;
        List<RunSummary> runs = history.list().stream()
                .filter(r -> filter == null || r.status() == filter)
                .filter(r -> playbook == null || playbook.equals(r.playbook()))
                .limit(limit == 0 ? Long.MAX_VALUE : limit)
                .toList();
        if (output == Output.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("runs", runs.stream().map(r -> r.json(now)).toList());
            out.println(JsonOut.pretty(doc));
        } else if (runs.isEmpty()) {
            err.println("no runs in " + runsDir + (status != null || playbook != null ? " match" : ""));
        } else {
            out.print(table(runs, now));
        }
        out.flush();
        err.flush();
        return ExitCodes.OK;
    }

    private int prune(RunHistory history, Instant now, PrintWriter err) {
        if (olderThan == null) {
            throw new UsageException("--prune needs --older-than AGE, e.g. --older-than 30d");
        }
        Duration age = Durations.parse(olderThan);
        if (age == null) {
            throw new UsageException("--older-than: '" + olderThan + "' is not an age; write e.g. 30d, 12h or 90m");
        }
        RunHistory.Pruned p = history.prune(age, now, force, dryRun);
        p.removed().forEach(r -> err.println((dryRun ? "would remove " : "removed ") + r.runId() + " ("
                + r.status().id() + ")"));
        p.kept().forEach(r -> err.println("kept " + r.runId() + ": it is " + r.status().id()
                + " (--force removes it anyway)"));
        err.println((dryRun ? "would remove " : "removed ") + p.removed().size() + " runs older than " + olderThan
                + (p.kept().isEmpty() ? "" : "; kept " + p.kept().size() + " running or suspended"));
        err.flush();
        return ExitCodes.OK;
    }

    static String table(List<RunSummary> runs, Instant now) {
        String[] head = {"RUN ID", "PLAYBOOK", "STATUS", "STARTED", "DURATION", "WAITING FOR"};
        List<String[]> rows = new java.util.ArrayList<>();
        rows.add(head);
        for (RunSummary r : runs) {
            Long ms = r.durationMillis(now);
            rows.add(new String[] {r.runId(), r.playbook() == null ? "?" : r.playbook(), r.status().id(),
                r.started() == null ? "?" : r.started().truncatedTo(ChronoUnit.SECONDS).toString(),
                ms == null ? "" : Durations.format(Duration.ofMillis(ms < 1000 ? ms : ms / 1000 * 1000)),
                String.join(", ", r.waitingFor())});
        }
        int[] width = new int[head.length];
        rows.forEach(row -> {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        });
        StringBuilder b = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(String.format("%-" + width[i] + "s", row[i])).append(i < row.length - 1 ? "  " : "");
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }
}
