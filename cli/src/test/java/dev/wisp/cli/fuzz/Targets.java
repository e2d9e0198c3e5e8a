package dev.wisp.cli.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.cli.Main;
import dev.wisp.cli.UsageException;
import dev.wisp.cli.run.RunSupport;
import dev.wisp.cli.validate.Validator;
import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.engine.asset.AssetsFile;
import dev.wisp.engine.journal.JournalCodec;
import dev.wisp.engine.prompt.AnswersPromptHandler;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import dev.wisp.engine.journal.JournalReader;
import dev.wisp.engine.report.RunReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The properties every input kind must keep, checked on one file: never an internal error, every diagnostic located
 * (a line and column, except for problems of the whole file), exit codes as documented, no secret in any message,
 * and no file's report lost because another file was bad. Each check returns what went wrong, or nothing.
 */
final class Targets {
    /** The secret the fuzzed assets files refer to; it must never appear in a message. */
    static final String SECRET = "fuzz-secret-7f3a9c1e5b";
    /** Codes whose diagnostics may name only the file: it could not be read, or it is too large as a whole. */
    private static final Set<Code> WHOLE_FILE = Set.of(Code.WSP002, Code.WSP003);
    private static final Pattern LOCATED = Pattern.compile("^[^\\n]+:\\d+:\\d+: .*", Pattern.DOTALL);
    private static final ObjectMapper JSON = JournalCodec.mapper();

    enum Kind { PLAYBOOK, TEST, ASSETS, ANSWERS, EVENT, RUN }

    private final Validator validator;
    private final AppCatalog catalog;
    private final Path healthy;

    /**
     * @param catalog the installed apps
     * @param healthy a valid playbook, validated next to the fuzzed one to see that its report survives
     */
    Targets(AppCatalog catalog, Path healthy) {
        this.catalog = catalog;
        this.validator = new Validator(catalog);
        this.healthy = healthy;
    }

    /** Checks a file in process; {@code cli} also runs the command a user would (slower, so not for every case). */
    Optional<String> check(Kind kind, Path file, boolean cli) {
        try {
            Optional<String> found = switch (kind) {
                case PLAYBOOK -> playbook(file);
                case TEST -> testCommand(file); // a test file means nothing without running it
                case RUN -> runCommand(file);
                case ASSETS -> assets(file);
                case ANSWERS -> answers(file);
                case EVENT -> event(file);
            };
            if (found.isPresent() || !cli) {
                return found;
            }
            return kind == Kind.PLAYBOOK ? validateCommand(file) : Optional.empty();
        } catch (RuntimeException | IOException | StackOverflowError | OutOfMemoryError e) {
            return Optional.of("internal error: " + e);
        }
    }

    private Optional<String> playbook(Path file) {
        Validator.Result r = validator.validate(file);
        return unlocated(r.diagnostics());
    }

    static Optional<String> unlocated(List<Diagnostic> diagnostics) {
        for (Diagnostic d : diagnostics) {
            if (d.code() == Code.WSP000) {
                return Optional.of("internal error, contained as the file's error: " + d);
            }
            if (d.location().line() < 1 && !WHOLE_FILE.contains(d.code())) {
                return Optional.of("unlocated diagnostic: " + d);
            }
            if (d.location().line() >= 1 && d.location().column() < 1) {
                return Optional.of("diagnostic without a column: " + d);
            }
        }
        return Optional.empty();
    }

    private Optional<String> assets(Path file) {
        try {
            AssetsFile.load(file, catalog, Map.of("CADO_ACCESS_TOKEN", SECRET)::get);
            return Optional.empty();
        } catch (AssetsFile.AssetsException e) {
            for (String p : e.problems()) {
                if (p.contains(SECRET)) {
                    return Optional.of("a secret in a message: " + p.replace(SECRET, "<SECRET>"));
                }
                if (!LOCATED.matcher(p).matches() && !p.startsWith(file + ": error[WSP002]")) {
                    return Optional.of("unlocated problem: " + p);
                }
            }
            return Optional.empty();
        }
    }

    private Optional<String> answers(Path file) {
        try {
            AnswersPromptHandler.parseFile(file);
        } catch (IllegalArgumentException e) {
            // a usage error; the answers' own messages are another item's (issue 12, item 9)
        }
        return Optional.empty();
    }

    private Optional<String> event(Path file) {
        try {
            RunSupport.eventFile(file);
        } catch (UsageException e) {
            // a located usage error (not JSON, an unknown key, a wrong shape)
        }
        return Optional.empty();
    }

    private Optional<String> validateCommand(Path file) {
        Cli r = Cli.of("validate", file.toString(), healthy.toString(), "--format", "json");
        if (r.exit != 0 && r.exit != 3) {
            return Optional.of("wisp validate exited " + r.exit + ": " + r.err);
        }
        if (r.err.contains("wisp: internal error") || r.out.contains("WSP000")) {
            return Optional.of("wisp validate: " + r.err + r.out);
        }
        try {
            List<String> files = new ArrayList<>();
            JSON.readTree(r.out).path("files").forEach(f -> files.add(f.path("file").asText()));
            if (!files.contains(Validator.display(healthy)) || !files.contains(Validator.display(file))) {
                return Optional.of("a file's report was lost: " + files + " in " + r.out);
            }
        } catch (IOException e) {
            return Optional.of("wisp validate --format json printed no JSON: " + r.out);
        }
        return Optional.empty();
    }

    /**
     * Runs a playbook as {@code wisp run} does: a documented exit code, and for every run that started, its report
     * on stdout equal to its report.json, and a journal that reads back to the same report (nothing lost).
     */
    private Optional<String> runCommand(Path file) throws IOException {
        Path runs = file.resolveSibling("runs");
        Cli r = Cli.of("run", file.toString(), "--answer", "ask=yes", "--event",
                file.resolveSibling("fuzz-run-event.json").toString(), "--output", "json", "--runs-dir",
                runs.toString(), "--max-concurrency", "4");
        try {
            if (!Set.of(0, 1, 2, 3, 4).contains(r.exit) || r.err.contains("wisp: internal error")) {
                return Optional.of("wisp run exited " + r.exit + ": " + r.err);
            }
            if (r.exit == 2 || r.exit == 3) {
                return Optional.empty();
            }
            Map<?, ?> printed = JSON.readValue(r.out, Map.class);
            Path dir = runs.resolve(String.valueOf(printed.get("run_id")));
            Map<?, ?> saved = JSON.readValue(Files.readAllBytes(dir.resolve("report.json")), Map.class);
            if (!printed.equals(saved)) {
                return Optional.of("the printed report differs from report.json");
            }
            Object replayed = JSON.readValue(JSON.writeValueAsBytes(RunReport.build(JournalReader.read(
                    dir.resolve("journal.jsonl")))), Map.class);
            if (!saved.equals(replayed)) {
                return Optional.of("the journal does not read back to the report: " + replayed + " vs " + saved);
            }
            return Optional.empty();
        } finally {
            deleteTree(runs);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private Optional<String> testCommand(Path file) {
        Cli r = Cli.of("test", file.toString());
        if (r.exit != 0 && r.exit != 1 && r.exit != 3) {
            return Optional.of("wisp test exited " + r.exit + ": " + r.err);
        }
        if (r.err.contains("wisp: internal error") || r.err.contains("could not run") || r.err.contains("WSP000")) {
            return Optional.of("wisp test: " + r.err);
        }
        return Optional.empty();
    }

    /** One in-process CLI run. */
    record Cli(int exit, String out, String err) {
        static Cli of(String... args) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Cli(exit, out.toString(), err.toString());
        }
    }
}
