package dev.wisp.cli.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Severity;
import java.io.PrintWriter;

/** Writes validation reports: text, JSON, SARIF 2.1.0, or GitHub workflow commands. */
public final class Formats {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Formats() {
    }

    /** {@code file:line:col: error[CODE]: message}, one a line. */
    public static void text(DiagnosticReport report, PrintWriter out) {
        report.files().forEach(f -> f.diagnostics().forEach(d -> out.println(d)));
    }

    public static void json(DiagnosticReport report, boolean strict, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("valid", report.failingFiles(strict) == 0);
        root.put("errors", report.count(Severity.ERROR));
        root.put("warnings", report.count(Severity.WARNING));
        ArrayNode files = root.putArray("files");
        report.files().forEach(f -> {
            ObjectNode file = files.addObject();
            file.put("file", f.file());
            file.put("valid", f.count(Severity.ERROR) == 0 && !(strict && f.count(Severity.WARNING) > 0));
            ArrayNode diags = file.putArray("diagnostics");
            f.diagnostics().forEach(d -> {
                ObjectNode o = diags.addObject();
                o.put("severity", d.severity().id());
                o.put("code", d.code().name());
                o.put("rule", d.code().slug());
                o.put("line", d.location().line());
                o.put("column", d.location().column());
                o.put("message", d.message());
            });
        });
        write(root, out);
    }

    /** SARIF 2.1.0 for code scanning: one run, the rules are Wisp's codes. */
    public static void sarif(DiagnosticReport report, String version, PrintWriter out) {
        ObjectNode root = JSON.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "wisp");
        driver.put("version", version);
        ArrayNode rules = driver.putArray("rules");
        for (Code c : Code.values()) {
            ObjectNode rule = rules.addObject();
            rule.put("id", c.name());
            rule.put("name", camel(c.slug()));
            rule.putObject("shortDescription").put("text", c.slug().replace('-', ' '));
            rule.putObject("help").put("text", c.slug().replace('-', ' ') + ": what triggers it and how to fix it is "
                    + "explained in docs/diagnostics.md, section " + c.name().toLowerCase());
            rule.putObject("defaultConfiguration").put("level", level(c.defaultSeverity()));
        }
        ArrayNode results = run.putArray("results");
        report.files().forEach(f -> f.diagnostics().forEach(d -> {
            ObjectNode r = results.addObject();
            r.put("ruleId", d.code().name());
            r.put("ruleIndex", d.code().ordinal());
            r.put("level", level(d.severity()));
            r.putObject("message").put("text", d.message());
            ObjectNode physical = r.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", f.file().replace('\\', '/'));
            if (d.location().line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", d.location().line());
                region.put("startColumn", d.location().column());
            }
        }));
        write(root, out);
    }

    /** GitHub Actions workflow commands: annotations on the pull request's lines. */
    public static void github(DiagnosticReport report, PrintWriter out) {
        report.files().forEach(f -> f.diagnostics().forEach(d -> {
            StringBuilder line = new StringBuilder("::").append(switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            })
                    .append(" file=").append(property(f.file()));
            if (d.location().line() > 0) {
                line.append(",line=").append(d.location().line()).append(",col=").append(d.location().column());
            }
            line.append(",title=").append(property(d.code().name() + " " + d.code().slug()))
                    .append("::").append(data(d.message()));
            out.println(line);
        }));
    }

    private static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String camel(String slug) {
        StringBuilder b = new StringBuilder();
        for (String part : slug.split("-")) {
            b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    /** Escapes a workflow command's message (GitHub's rules: %, CR, LF). */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command's property value (also : and ,). */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }

    private static void write(ObjectNode root, PrintWriter out) {
        try {
            out.println(JSON.writeValueAsString(root));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
