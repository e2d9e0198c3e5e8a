package dev.wisp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wisp.cli.report.DiagnosticReport;
import dev.wisp.cli.report.Formats;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.importer.soar.Loss;
import dev.wisp.importer.soar.PlaybookYamlWriter;
import dev.wisp.importer.soar.SoarImporter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code wisp import soar EXPORT.json...}: SOAR playbook exports as Wisp playbooks, with a located loss report. */
@Command(name = "soar", addMethodSubcommands = false,
        description = "Import Splunk SOAR playbook exports (visual editor JSON, with the generated "
        + ".py beside each) as Wisp playbooks, reporting every loss.",
        mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        footerHeading = "%nExamples:%n",
        footer = {"  wisp import soar exports/*.json -o playbooks/",
            "  wisp import soar exports/*.json -o out/ --allow-losses --report losses.json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every playbook written, nothing lost (infos only)",
            "2:usage error (a file that does not exist, no output folder)",
            "3:a playbook could not be written: not an export, or errors without --allow-losses",
            "5:written, and the report names losses (warnings, or errors with --allow-losses)"})
final class ImportSoarCommand implements Callable<Integer> {
    /** Exports are at most a few hundred KB; a 64 MiB limit keeps a hostile file from exhausting memory. */
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    enum Format { text, json, sarif, github }

    @ParentCommand
    ImportCommand parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "EXPORT.json", description = "SOAR playbook exports; NAME.py beside "
            + "each is read for code blocks. Sub-playbooks are resolved among these.")
    List<Path> exports;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", defaultValue = ".",
            description = "Where to write NAME.yaml (default: the current folder).")
    Path outDir;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the losses as JSON: per export, "
            + "each loss's node id, block, kind, severity, location and message.")
    Path reportFile;

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json|sarif|github",
            description = "How the loss report is printed: text (default, on stderr), json, sarif or github.")
    Format format;

    @Option(names = "--force", description = "Replace playbooks that are already there (else they are kept and the "
            + "export is not written).")
    boolean force;

    @Option(names = "--allow-losses", description = "Write playbooks that have error-level losses too, with a "
            + "placeholder for every block that could not be imported (exit code 5).")
    boolean allowLosses;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : exports) {
            if (!Files.isRegularFile(p)) {
                throw new UsageException("no such export: " + p);
            }
        }
        Set<String> stems = new LinkedHashSet<>();
        for (Path p : exports) {
            if (!stems.add(stem(p))) {
                throw new UsageException("two exports are named " + stem(p) + ": each becomes " + stem(p)
                        + ".yaml, so import them into different folders");
            }
        }
        SoarImporter importer = new SoarImporter();
        List<DiagnosticReport.FileDiagnostics> files = new ArrayList<>();
        ArrayNode report = JSON.createArrayNode();
        int exit = ExitCodes.OK;
        for (Path p : exports) {
            SoarImporter.Result r = importOne(importer, p, stems);
            List<Diagnostic> diags = new ArrayList<>(r.diagnostics());
            boolean errors = r.count(Severity.ERROR) > 0;
            Path written = null;
            boolean kept = false;
            if (r.playbook().isPresent() && (!errors || allowLosses)) {
                written = outDir.resolve(r.name() + ".yaml");
                if (Files.exists(written) && !force) {
                    diags.add(Diagnostic.of(Code.WSP100, Location.ofFile(r.file()), written + " is already there "
                            + "and was kept (it may hold your edits): give --force to replace it"));
                    written = null;
                    kept = true;
                }
            }
            if (written != null) {
                try {
                    Files.createDirectories(outDir);
                    Files.writeString(written, PlaybookYamlWriter.write(r.playbook().get()), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    diags.add(Diagnostic.of(Code.WSP100, Location.ofFile(r.file()), "cannot write " + written
                            + ": " + e.getMessage()));
                    written = null;
                }
            }
            files.add(new DiagnosticReport.FileDiagnostics(r.file(), diags));
            report.add(reportEntry(r, written));
            if (written == null) {
                exit = ExitCodes.INVALID;
            } else if (exit != ExitCodes.INVALID && (errors || r.count(Severity.WARNING) > 0)) {
                exit = ExitCodes.LOSSY;
            }
            if (written != null) {
                err.println("wrote " + written + (errors ? " (with placeholders for what was not imported)" : ""));
            } else if (kept) {
                err.println("not written: " + r.file() + " (its playbook file is already there; --force replaces it)");
            } else if (r.playbook().isPresent()) {
                err.println("not written: " + r.file() + " has error-level losses (see above; --allow-losses "
                        + "writes it with placeholders)");
            }
        }
        DiagnosticReport diagnostics = new DiagnosticReport(files);
        switch (format) {
            case text -> Formats.text(diagnostics, err);
            case json -> Formats.json(diagnostics, false, out);
            case sarif -> Formats.sarif(diagnostics, Main.VERSION, out);
            case github -> Formats.github(diagnostics, out);
        }
        if (reportFile != null) {
            ObjectNode root = JSON.createObjectNode();
            root.set("exports", report);
            Files.writeString(reportFile, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        }
        err.println(summary(files));
        out.flush();
        err.flush();
        return exit;
    }

    private SoarImporter.Result importOne(SoarImporter importer, Path p, Set<String> stems) throws IOException {
        String file = p.toString();
        String text = read(p);
        if (text == null) {
            return new SoarImporter.Result(file, dev.wisp.importer.SoarNames.identifier(stem(p)),
                    java.util.Optional.empty(), List.of(new Loss(null, null, Diagnostic.of(Code.WSP100,
                    Location.ofFile(file), "the file is larger than 64 MiB or not UTF-8 text: not a SOAR export"))));
        }
        Path py = p.resolveSibling(stem(p) + ".py");
        String python = Files.isRegularFile(py) ? read(py) : null;
        return importer.importExport(new SoarImporter.Source(file, text, python, py.getFileName().toString()),
                stem(p), stems);
    }

    /** The file as UTF-8 text, or {@code null} when it is too large or not UTF-8. */
    private static String read(Path p) throws IOException {
        if (Files.size(p) > MAX_BYTES) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(p)))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    static String stem(Path p) {
        String name = p.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private static ObjectNode reportEntry(SoarImporter.Result r, Path written) {
        ObjectNode e = JSON.createObjectNode();
        e.put("file", r.file());
        e.put("playbook", r.name());
        e.put("output", written == null ? null : written.toString());
        e.put("written", written != null);
        ArrayNode losses = e.putArray("losses");
        for (Loss l : r.losses()) {
            ObjectNode o = losses.addObject();
            o.put("node", l.nodeId());
            o.put("block", l.block());
            o.put("kind", l.kind());
            o.put("code", l.diagnostic().code().name());
            o.put("severity", l.diagnostic().severity().id());
            o.put("line", l.diagnostic().location().line());
            o.put("column", l.diagnostic().location().column());
            o.put("message", l.diagnostic().message());
        }
        return e;
    }

    private static String summary(List<DiagnosticReport.FileDiagnostics> files) {
        long e = files.stream().mapToLong(f -> f.count(Severity.ERROR)).sum();
        long w = files.stream().mapToLong(f -> f.count(Severity.WARNING)).sum();
        long i = files.stream().mapToLong(f -> f.count(Severity.INFO)).sum();
        return files.size() + (files.size() == 1 ? " export: " : " exports: ") + e + (e == 1 ? " error, " : " errors, ")
                + w + (w == 1 ? " warning, " : " warnings, ") + i + (i == 1 ? " info" : " infos");
    }
}
