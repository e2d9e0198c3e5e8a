package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's example playbook is valid, and its commands name files that exist. */
class ReadmeTest {
    @Test
    void theExamplePlaybookInTheReadmeValidates(@TempDir Path dir) throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = Pattern.compile("## A playbook\\n\\n```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertTrue(m.find(), "the README has an example playbook");
        Path p = dir.resolve("readme.yaml");
        Files.writeString(p, m.group(1));
        CliRun r = CliRun.of("validate", p.toString());
        assertEquals(ExitCodes.OK, r.exit(), r.err());
        assertTrue(readme.contains("./wisp run playbooks/capture_ec2_instance.yaml --simulate --answers "
                + "examples/capture_ec2_instance.answers.yaml"));
        assertTrue(Files.exists(Path.of("../examples/capture_ec2_instance.answers.yaml")));
        assertTrue(readme.contains("./mvnw -B -ntp verify") && Files.readString(Path.of("../.ci/run"))
                .contains("./mvnw -B -ntp verify"), "CI runs the README's test command");
    }
}
