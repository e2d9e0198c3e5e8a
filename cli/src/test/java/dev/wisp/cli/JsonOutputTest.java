package dev.wisp.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wisp.cado.sim.CadoSimulator;
import dev.wisp.cado.sim.SimulatorOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every --output json prints the shape docs/cli.md documents for it, no more and no less. */
class JsonOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** The documented example under the heading "### `HEADING`". */
    private static Object documented(String heading) throws IOException {
        String doc = Files.readString(Path.of("../docs/cli.md"));
        Matcher m = Pattern.compile("### `" + Pattern.quote(heading) + "`[^\n]*\n[^#]*?```json\n(.*?)\n```",
                Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "docs/cli.md documents " + heading);
        return JSON.readValue(m.group(1), Object.class);
    }

    /** The documented keys are there at every level; with {@code exact}, no others either. */
    private static void assertShape(String where, Object doc, Object actual, boolean exact) {
        if (doc instanceof Map<?, ?> d && actual instanceof Map<?, ?> a) {
            if (exact) {
                assertEquals(new TreeSet<>(d.keySet()), new TreeSet<>(a.keySet()), where);
            } else {
                assertTrue(a.keySet().containsAll(d.keySet()), where + ": " + d.keySet() + " not all in " + a.keySet());
            }
            d.forEach((k, v) -> assertShape(where + "." + k, v, a.get(k), exact));
        } else if (doc instanceof List<?> d && actual instanceof List<?> a) {
            if (!d.isEmpty() && !a.isEmpty()) {
                assertShape(where + "[0]", d.get(0), a.get(0), exact);
            }
        } else if (doc instanceof Map || doc instanceof List) {
            assertTrue(actual == null, where + " is a " + doc.getClass().getSimpleName() + " in the docs but "
                    + actual);
        }
    }

    private static void check(String heading, CliRun r, boolean exact) throws IOException {
        assertShape(heading, documented(heading), JSON.readValue(r.out(), Object.class), exact);
    }

    @Test
    void runsAndShow() throws IOException {
        String runs = dir.resolve("runs").toString();
        CliRun run = CliRun.of("run", "src/test/resources/runs/greet.yaml", "-q", "--answer", "ask.0=Ada",
                "--answer", "ask.1=Rome", "--runs-dir", runs);
        assertEquals(ExitCodes.OK, run.exit(), run.err());
        CliRun suspended = CliRun.of("run", "src/test/resources/runs/greet.yaml", "-q", "--runs-dir", runs);
        assertEquals(ExitCodes.SUSPENDED, suspended.exit(), suspended.err());
        check("wisp runs --output json", CliRun.of("runs", "--output", "json", "--runs-dir", runs), true);
        String id = run.err().substring(4, run.err().indexOf(':'));
        check("wisp show RUN_ID --output json", CliRun.of("show", id, "--output", "json", "--runs-dir", runs), false);
    }

    @Test
    void actions() throws IOException {
        CliRun list = CliRun.of("actions", "--output", "json");
        assertEquals(ExitCodes.OK, list.exit(), list.err());
        check("wisp actions --output json", list, true);
        check("wisp actions APP --output json", CliRun.of("actions", "cado_response", "--output", "json"), true);
    }

    @Test
    void assetTest() throws IOException {
        try (CadoSimulator sim = CadoSimulator.start(SimulatorOptions.defaults("json-test-token-5a4b3c"))) {
            Files.writeString(dir.resolve("token.txt"), "json-test-token-5a4b3c\n");
            Path assets = dir.resolve("assets.yaml");
            Files.writeString(assets, """
                    assets:
                      cado:
                        app: cado_response
                        config: { base_url: %s, access_token: "${file:token.txt}" }
                    """.formatted(sim.baseUrl()));
            CliRun r = CliRun.of("asset", "test", "cado", "--assets", assets.toString(), "--output", "json");
            assertEquals(ExitCodes.OK, r.exit(), r.err());
            check("wisp asset test ASSET --output json", r, true);
            assertEquals(Boolean.TRUE, JSON.readValue(r.out(), Map.class).get("ok"));
        }
    }

    @Test
    void validateAndTest() throws IOException {
        check("wisp validate --output json", CliRun.of("validate", "src/test/resources/validate/bad/mistakes.yaml",
                "--output", "json"), true);
        CliRun tests = CliRun.of("test", "src/test/resources/tests/failing.test.yaml", "--output", "json");
        assertEquals(ExitCodes.FAILED, tests.exit(), tests.err());
        check("wisp test --output json", tests, true);
    }
}
