package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class GraphCommandTest {
    @Test
    void drawsTheTriagePlaybookAsMermaidAndDot() {
        CliRun mermaid = CliRun.of("graph", "../playbooks/triage_ec2_alert.yaml");
        assertEquals(ExitCodes.OK, mermaid.exit(), mermaid.err());
        Goldens.assertMatches("graph-triage.mmd", mermaid.out());
        CliRun dot = CliRun.of("graph", "--format", "dot", "../playbooks/triage_ec2_alert.yaml");
        Goldens.assertMatches("graph-triage.dot", dot.out());
    }

    @Test
    void colorsBlocksByWhatHappenedInARun(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path run = dir.resolve("20260101-000000-abcdef");
        java.nio.file.Files.createDirectories(run);
        java.nio.file.Files.writeString(run.resolve("report.json"), """
                {"blocks": {"list_instances_1": {"status": "success"}, "ask_analyst": {"status": "skipped"},
                 "capture_instance_1": {"status": "failed"}}}
                """);
        CliRun r = CliRun.of("graph", "../playbooks/triage_ec2_alert.yaml", "--run", "20260101",
                "--runs-dir", dir.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        String out = r.out();
        org.junit.jupiter.api.Assertions.assertTrue(out.contains("  class list_instances_1 success\n")
                && out.contains("  class ask_analyst skipped\n") && out.contains("  class capture_instance_1 failed\n")
                && out.contains("  classDef failed fill:#f8d7da,stroke:#555\n"), out);
    }

    @Test
    void aRunOfAnotherPlaybookIsDrawnWithAWarning(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path run = dir.resolve("20260101-000000-abcdef");
        java.nio.file.Files.createDirectories(run);
        java.nio.file.Files.writeString(run.resolve("report.json"), """
                {"playbook": "capture_ec2_instance", "blocks": {"list_instances_1": {"status": "success"},
                 "Set_EC2": {"status": "success"}, "loop_pipeline_1": {"status": "failed"}}}
                """);
        CliRun r = CliRun.of("graph", "../playbooks/triage_ec2_alert.yaml", "--run", "20260101",
                "--runs-dir", dir.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertEquals("wisp: warning: run 20260101-000000-abcdef is a run of playbook 'capture_ec2_instance', not "
                + "'triage_ec2_alert'; only blocks with the same names are coloured\n"
                + "wisp: warning: 2 block(s) of run 20260101-000000-abcdef are not in ../playbooks/triage_ec2_alert.yaml: "
                + "Set_EC2, loop_pipeline_1\n", r.err());
        org.junit.jupiter.api.Assertions.assertTrue(r.out().contains("  class list_instances_1 success\n"), r.out());
    }

    @Test
    void aMissingPlaybookOrRunIsAUsageError() {
        assertEquals(ExitCodes.USAGE, CliRun.of("graph", "nope.yaml").exit());
        CliRun noRun = CliRun.of("graph", "../playbooks/triage_ec2_alert.yaml", "--run", "x", "--runs-dir",
                "target/no-runs");
        assertEquals(ExitCodes.USAGE, noRun.exit());
        assertEquals("wisp: no run 'x' in target/no-runs (no runs recorded there yet)\n", noRun.err());
    }
}
