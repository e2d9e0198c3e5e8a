package dev.wisp.importer.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.appspec.AppSpecReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SoarAppImportTest {
    @TempDir
    Path dir;

    private List<SoarAppImport.Outcome> run(boolean force, Path... files) throws IOException {
        return SoarAppImport.run(List.of(files), dir.resolve("apps"), force, p -> dir.relativize(p).toString());
    }

    private Path json(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void writesASpecThatReadsBackAsTheConvertedApp() throws IOException {
        SoarAppImport.Outcome o = run(false, json("box.json", SoarAppConverterTest.APP)).get(0);
        Path spec = dir.resolve("apps/box_shell.yaml");
        assertEquals(spec, o.written().orElseThrow());
        AppSpecReader.Result back = new AppSpecReader().read(spec, "apps/box_shell.yaml");
        assertEquals(List.of(), back.diagnostics());
        assertEquals(o.app().orElseThrow().spec(), back.app().orElseThrow().spec());
        String text = Files.readString(spec);
        assertTrue(text.contains("from the SOAR app JSON box.json, SOAR appid 00000000-1111-2222-3333-444444444444"),
                text);
        assertTrue(!text.contains(dir.toString()), "no path of this machine in the spec");
    }

    @Test
    void anExistingSpecIsReplacedOnlyWithForce() throws IOException {
        Path in = json("box.json", SoarAppConverterTest.APP);
        run(false, in);
        SoarAppImport.Outcome again = run(false, in).get(0);
        assertTrue(again.failed());
        assertTrue(again.diagnostics().stream().anyMatch(d -> d.toString().contains("error[WSP162]: "
                + "apps/box_shell.yaml already exists; pass --force to replace it")), again.diagnostics().toString());
        assertTrue(!run(true, in).get(0).failed());
    }

    @Test
    void twoJsonsOfOneAppWriteItOnceAndSaySo() throws IOException {
        List<SoarAppImport.Outcome> o = run(false, json("a.json", SoarAppConverterTest.APP),
                json("b.json", SoarAppConverterTest.APP));
        assertTrue(!o.get(0).failed() && o.get(1).failed());
        assertTrue(o.get(1).diagnostics().toString().contains("b.json:3:11: error[WSP162]: this app becomes "
                + "'box_shell', as a.json did"), o.get(1).diagnostics().toString());
    }

    @Test
    void aBadFileIsReportedAndTheOthersAreStillWritten() throws IOException {
        List<SoarAppImport.Outcome> o = run(false, json("bad.json", "{ \"name\": "),
                dir.resolve("missing.json"), json("box.json", SoarAppConverterTest.APP));
        assertTrue(o.get(0).diagnostics().get(0).toString().startsWith("bad.json:1:"), o.get(0).toString());
        assertEquals("missing.json: error[WSP150]: file not found", o.get(1).diagnostics().get(0).toString());
        assertTrue(!o.get(2).failed());
    }
}
