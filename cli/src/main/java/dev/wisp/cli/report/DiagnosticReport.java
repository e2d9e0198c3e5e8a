package dev.wisp.cli.report;

import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import java.util.List;

/**
 * The diagnostics of a validation run, per file in the order the files were named.
 *
 * @param files      every file validated, with its diagnostics (possibly none), then the app spec files that have
 *                   problems
 * @param specFiles  how many of {@code files}, at the end, are app spec files
 * @param specsRead  how many app spec files were read
 */
public record DiagnosticReport(List<FileDiagnostics> files, int specFiles, int specsRead) {
    public DiagnosticReport {
        files = List.copyOf(files);
    }

    /** The report of playbooks alone. */
    public DiagnosticReport(List<FileDiagnostics> files) {
        this(files, 0, 0);
    }

    /** This report and the problems of the app spec files read for it ({@code read} files in all). */
    public DiagnosticReport withSpecs(java.util.Map<String, List<Diagnostic>> problems, int read) {
        List<FileDiagnostics> all = new java.util.ArrayList<>(files);
        problems.forEach((file, d) -> all.add(new FileDiagnostics(file, d)));
        return new DiagnosticReport(all, specFiles + problems.size(), specsRead + read);
    }

    /**
     * One file's diagnostics.
     *
     * @param file        as named in diagnostics
     * @param diagnostics sorted by location
     */
    public record FileDiagnostics(String file, List<Diagnostic> diagnostics) {
        public FileDiagnostics {
            diagnostics = List.copyOf(diagnostics);
        }

        public long count(Severity s) {
            return diagnostics.stream().filter(d -> d.severity() == s).count();
        }
    }

    public long count(Severity s) {
        return files.stream().mapToLong(f -> f.count(s)).sum();
    }

    /** Files that fail: with an error, or (when strict) a warning. */
    public long failingFiles(boolean strict) {
        return fails(files, strict);
    }

    private static long fails(List<FileDiagnostics> files, boolean strict) {
        return files.stream().filter(f -> f.count(Severity.ERROR) > 0 || (strict && f.count(Severity.WARNING) > 0))
                .count();
    }

    /** "3 playbooks, 1 invalid: 2 errors, 1 warning". */
    public String summary(boolean strict) {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        int playbooks = this.files.size() - specFiles;
        long failing = fails(this.files.subList(0, playbooks), strict);
        long failingSpecs = fails(this.files.subList(playbooks, this.files.size()), strict);
        String files = playbooks + (playbooks == 1 ? " playbook" : " playbooks");
        String verdict = failing == 0 ? "all valid" : failing + " invalid";
        return files + ", " + verdict + ": " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings")
                + (specsRead == 0 ? "" : " (" + specsRead + (specsRead == 1 ? " app spec" : " app specs") + " read"
                + (failingSpecs == 0 ? "" : ", " + failingSpecs + " invalid") + ")");
    }
}
