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
    void aMissingPlaybookOrRunIsAUsageError() {
        assertEquals(ExitCodes.USAGE, CliRun.of("graph", "nope.yaml").exit());
        assertEquals(ExitCodes.USAGE, CliRun.of("graph", "../playbooks/triage_ec2_alert.yaml", "--run", "x",
                "--runs-dir", "target/no-runs").exit());
    }
}
