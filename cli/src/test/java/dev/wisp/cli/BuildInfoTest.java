package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void aValueTheBuildDidNotFillInIsUnknown() {
        BuildInfo b = new BuildInfo("0.3.0", "${wisp.build.commit}");
        assertEquals("unknown", b.commit());
        assertEquals("unknown", new BuildInfo(null, " ").version());
        assertEquals("0123456789ab-dirty", new BuildInfo("0.3.0", "0123456789ab-dirty\n").commit());
    }

    @Test
    void aDevelopmentBuildLeadsToTheReleaseWithoutSnapshot() {
        assertEquals("0.2.0", new BuildInfo("0.2.0-SNAPSHOT", "unknown").releaseVersion());
        assertEquals("0.2.0", new BuildInfo("0.2.0", "unknown").releaseVersion());
    }

    @Test
    void theJarNamesTheVersionOfTheBuild() {
        assertEquals(Main.VERSION, BuildInfo.CURRENT.version());
        assertEquals(false, BuildInfo.CURRENT.version().contains("$"));
    }
}
