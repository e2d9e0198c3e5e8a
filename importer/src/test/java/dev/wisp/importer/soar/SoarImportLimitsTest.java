package dev.wisp.importer.soar;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.wisp.dsl.diag.Diagnostic;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Big and broken exports: bounded time, and a located diagnostic rather than an exception. */
class SoarImportLimitsTest {
    private static final long SEED = Long.decode(System.getProperty("wisp.fuzz.seed", "0x50A4"));
    private static final double SECONDS = Double.parseDouble(System.getProperty("wisp.fuzz.seconds", "4"));
    private final SoarImporter importer = new SoarImporter();

    /** A chain of {@code blocks} format blocks, each with a template of about {@code templateChars}. */
    static String chain(int blocks, int templateChars) {
        StringBuilder nodes = new StringBuilder("\"0\": {\"type\": \"start\", \"data\": {\"functionName\": \"on_start\"}},"
                + "\"1\": {\"type\": \"end\", \"data\": {\"functionName\": \"on_finish\"}}");
        StringBuilder edges = new StringBuilder();
        String template = "x {0} ".repeat(templateChars / 6).replace("{0} ", "y ") + "{0}";
        String previous = "0";
        for (int i = 2; i < blocks + 2; i++) {
            nodes.append(",\"").append(i).append("\": {\"type\": \"format\", \"y\": ").append(i).append(", \"data\": {")
                    .append("\"functionName\": \"f").append(i).append("\", \"template\": \"").append(template)
                    .append("\", \"parameters\": [\"artifact:*.cef.x\"]}}");
            edges.append(edges.length() == 0 ? "" : ",").append("{\"sourceNode\": \"").append(previous)
                    .append("\", \"targetNode\": \"").append(i).append("\"}");
            previous = String.valueOf(i);
        }
        edges.append(",{\"sourceNode\": \"").append(previous).append("\", \"targetNode\": \"1\"}");
        return "{\"coa\": {\"schema\": \"5.0.11\", \"data\": {\"nodes\": {" + nodes + "}, \"edges\": [" + edges + "]}}}";
    }

    @Test
    void aTenMegabyteExportImportsInSeconds() {
        String json = chain(2000, 7500);
        assertTrue(json.length() > 10_000_000, "the export is " + json.length() + " characters");
        long started = System.nanoTime();
        SoarImporter.Result r = importer.importExport(new SoarImporter.Source("big.json", json, null, "big.py"), "big",
                Set.of());
        String yaml = PlaybookYamlWriter.write(r.playbook().orElseThrow());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(yaml.contains("f2001:"), "every block written");
        assertTrue(took.compareTo(Duration.ofSeconds(20)) < 0, "took " + took);
    }

    @Test
    void deeplyNestedJsonIsRefusedWithALocation() {
        String json = "[".repeat(LocatedJson.MAX_DEPTH + 10) + "]".repeat(LocatedJson.MAX_DEPTH + 10);
        SoarImporter.Result r = importer.importExport(new SoarImporter.Source("deep.json", json, null, "deep.py"),
                "deep", Set.of());
        assertTrue(r.playbook().isEmpty());
        assertTrue(r.diagnostics().get(0).location().line() > 0, r.diagnostics().toString());
    }

    /**
     * Mutated exports (bytes replaced, deleted, duplicated; fixed seed, bounded time) never throw, and every
     * diagnostic names the file; run it longer with {@code -Dwisp.fuzz.seconds=120}.
     */
    @Test
    void mutatedExportsNeverThrow() {
        String[] seeds = {SoarImporterTest.resource("lock_user.json"), SoarImporterTest.resource("with_code.json")};
        String python = SoarImporterTest.resource("with_code.py");
        Random random = new Random(SEED);
        String tokens = "{}[]\":,0 -.*a\\nulltruefalse\"type\"\"data\"\"nodes\"\"edges\"\"conditions\"";
        long deadline = System.nanoTime() + (long) (SECONDS * 1e9);
        int cases = 0;
        while (System.nanoTime() < deadline || cases < 50) {
            StringBuilder s = new StringBuilder(seeds[random.nextInt(seeds.length)]);
            for (int k = 0, n = 1 + random.nextInt(4); k < n && s.length() > 0; k++) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, tokens.charAt(random.nextInt(tokens.length())));
                    default -> {
                        int end = Math.min(s.length(), at + random.nextInt(40));
                        s.insert(random.nextInt(s.length()), s.substring(at, end));
                    }
                }
            }
            String mutant = s.toString();
            try {
                SoarImporter.Result r = importer.importExport(new SoarImporter.Source("m.json", mutant, python,
                        "m.py"), "m", Set.of("lock_user"));
                for (Diagnostic d : r.diagnostics()) {
                    assertTrue(d.location().file().equals("m.json"), d.toString());
                }
                r.playbook().ifPresent(PlaybookYamlWriter::write);
            } catch (RuntimeException e) {
                fail("import threw " + e + " on:\n" + mutant, e);
            }
            cases++;
        }
    }
}
