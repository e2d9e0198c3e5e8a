package dev.wisp.cli;

import dev.wisp.cli.history.JournalText;
import dev.wisp.cli.history.ResumeHint;
import dev.wisp.cli.history.RunHistory;
import dev.wisp.cli.history.RunSummary;
import dev.wisp.cli.show.RunPages;
import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.journal.JournalReader;
import dev.wisp.engine.report.RunReport;
import dev.wisp.engine.report.RunStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp show RUN_ID}: a recorded run's summary again, its report as JSON, or its journal for people. */
@Command(name = "show", addMethodSubcommands = false,
        description = "Show a recorded run: its summary, its report (--output json) or its "
        + "journal (--journal).",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp show 20261201-095000-1a2b3c", "  wisp show 20261201-0950 --journal   # a unique prefix",
            "  wisp show 20261201-095000-1a2b3c --output json | jq .totals",
            "  wisp show 20261201-0950 --html run.html   # a page with the graph and results"})
final class ShowCommand implements Callable<Integer> {
    enum Output { text, json }

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "RUN_ID", description = "The run's id, or a unique prefix of it (see wisp runs).")
    String runId;

    @Option(names = "--output", defaultValue = "text", paramLabel = "text|json", description = "text (the summary) or json (the run's report).")
    Output output;

    @Option(names = "--journal", description = "Print the run's journal, one event a line.")
    boolean journal;

    @Option(names = "--html", arity = "0..1", fallbackValue = "", paramLabel = "FILE", description = "Write the run "
            + "as one self-contained HTML page (works offline): to FILE, or report.html in the run's directory.")
    Path html;

    @Option(names = "--runs-dir", defaultValue = ".wisp/runs", paramLabel = "DIR", description = "Where runs are "
            + "recorded (default .wisp/runs).")
    Path runsDir;

    @picocli.CommandLine.Mixin
    dev.wisp.cli.temporal.TemporalOptions temporal;

    @Override
    public Integer call() {
        PrintWriter out = main.spec.commandLine().getOut();
        if (temporal.given()) {
            if (html != null) {
                throw new UsageException("--html reads a run of this machine; with --temporal, take --output json");
            }
            return OnTemporal.show(temporal, runId, output == Output.json, journal, out,
                    main.spec.commandLine().getErr());
        }
        RunStore store = new RunStore(runsDir);
        String id;
        try {
            id = store.find(runId);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!Files.isRegularFile(store.journal(id))) {
            throw new UsageException(store.dir(id) + " is not a run: it has no journal.jsonl");
        }
        if (journal && output == Output.json) {
            throw new UsageException("--journal prints text; the journal as JSON is " + store.journal(id));
        }
        List<JournalEvent> events;
        try {
            events = JournalReader.read(store.journal(id));
        } catch (IllegalArgumentException e) {
            throw new UsageException("the journal of run " + id + " is damaged: " + e.getMessage());
        }
        if (html != null && (journal || output == Output.json)) {
            throw new UsageException("--html writes a page; it does not go with --journal or --output json");
        }
        if (journal) {
            events.forEach(e -> out.println(JournalText.line(e)));
            out.flush();
            return ExitCodes.OK;
        }
        // report.json is written when the run stops; a run still going is folded from its journal so far
        Map<String, Object> report = Files.isRegularFile(store.report(id)) ? store.readJson(store.report(id))
                : RunReport.build(events);
        if (html != null) {
            Path file = html.toString().isEmpty() ? store.dir(id).resolve("report.html") : html;
            writePage(file, RunPages.html(report, events, RunPages.playbook(store, id), main.registry().catalog()));
            main.spec.commandLine().getErr().println("wrote " + file);
        } else if (output == Output.json) {
            out.println(JsonOut.pretty(report));
        } else {
            RunSummary s = new RunHistory(runsDir).summary(id);
            // the journal knows whether a run without an end is still going or was interrupted
            Map<String, Object> shown = new LinkedHashMap<>(report);
            shown.put("status", s.status().id());
            out.println("run " + id + ": " + s.playbook() + " (" + s.file() + "), started " + s.started());
            out.print(RunReport.summary(shown));
            RunPages.terminal(report, RunPages.playbook(store, id), main.registry().catalog(), width())
                    .forEach(out::println);
            ResumeHint.lines(report, runsDirArg()).forEach(out::println);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Writes a page, or says clearly why it cannot. */
    static void writePage(Path file, String page) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, page);
        } catch (java.io.IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** The terminal's width ($COLUMNS), or 100. */
    static int width() {
        try {
            String c = System.getenv("COLUMNS");
            return c == null ? 100 : Math.max(40, Integer.parseInt(c.strip()));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private String runsDirArg() {
        return runsDir.equals(Path.of(".wisp/runs")) ? "" : "--runs-dir " + runsDir;
    }
}
