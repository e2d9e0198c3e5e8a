package dev.wisp.cli.report;

import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.diag.Severity;
import java.util.List;

/**
 * The diagnostics of a validation run, per file in the order the files were named.
 *
 * @param files every file validated, with its diagnostics (possibly none)
 */
public record DiagnosticReport(List<FileDiagnostics> files) {
    public DiagnosticReport {
        files = List.copyOf(files);
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
        return files.stream().filter(f -> f.count(Severity.ERROR) > 0 || (strict && f.count(Severity.WARNING) > 0))
                .count();
    }

    /** "3 playbooks, 1 invalid: 2 errors, 1 warning". */
    public String summary(boolean strict) {
        long errors = count(Severity.ERROR);
        long warnings = count(Severity.WARNING);
        long failing = failingFiles(strict);
        String files = this.files.size() + (this.files.size() == 1 ? " playbook" : " playbooks");
        String verdict = failing == 0 ? "all valid" : failing + " invalid";
        return files + ", " + verdict + ": " + errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning" : " warnings");
    }
}
