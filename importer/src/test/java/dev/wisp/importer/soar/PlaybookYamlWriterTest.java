package dev.wisp.importer.soar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.diag.Location;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.dsl.schema.SchemaCheck;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PlaybookYamlWriterTest {
    private final SoarImporter importer = new SoarImporter();

    private ImportedPlaybook imported(String name, boolean python, String json) {
        return importer.importExport(new SoarImporter.Source(name + ".json", json, python
                ? SoarImporterTest.resource(name + ".py") : null, name + ".py"), name, new java.util.HashSet<>(List.of(name, "lock_user")))
                .playbook().orElseThrow();
    }

    /** The model as nested maps and lists, without locations (which differ between the JSON and the YAML). */
    static Object tree(Object o) {
        if (o instanceof Record r) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                if (c.getType() == Location.class || c.getName().equals("file")) {
                    continue;
                }
                try {
                    m.put(c.getName(), tree(c.getAccessor().invoke(r)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return m;
        }
        if (o instanceof Map<?, ?> map) {
            Map<Object, Object> m = new LinkedHashMap<>();
            map.forEach((k, v) -> m.put(k, tree(v)));
            return m;
        }
        if (o instanceof List<?> list) {
            List<Object> l = new ArrayList<>();
            list.forEach(x -> l.add(tree(x)));
            return l;
        }
        return o;
    }

    private void roundTrips(ImportedPlaybook p) {
        String yaml = PlaybookYamlWriter.write(p);
        LoadResult back = new PlaybookLoader(List.of(SchemaCheck.shared())).loadString(yaml, "x.yaml");
        assertTrue(back.diagnostics().isEmpty(), back.diagnostics() + "\n" + yaml);
        Playbook read = back.playbook().orElseThrow();
        assertEquals(tree(p.playbook()), tree(read), yaml);
    }

    @Test
    void anImportedPlaybookReadsBackAsTheSameModel() {
        String json = SoarImporterTest.resource("lock_user.json").replace("\"drop_none\": true, ", "");
        roundTrips(imported("lock_user", false, json));
    }

    @Test
    void codeBlocksAndPlaceholdersReadBackAsTheSameModel() {
        roundTrips(imported("with_code", true, SoarImporterTest.resource("with_code.json")));
    }

    @Test
    void literalsThatWouldReadAsPathsAreWrappedAndOthersArePlain() {
        String yaml = PlaybookYamlWriter.write(imported("lock_user", false, SoarImporterTest.resource("lock_user.json")));
        assertTrue(yaml.contains("      label: {value: \"lock:not_a_path_but_looks_like_one\"}\n"), yaml);
        assertTrue(yaml.contains("      user: filtered-data:has_user:condition_1:playbook_input:user.*\n"), yaml);
        assertTrue(yaml.contains("    drop_none: true\n"), yaml);
        assertTrue(yaml.contains("    format: |\n      %%\n      Locked {0}\n      %%\n"), yaml);
        assertTrue(yaml.contains("  # condition_1: SOAR condition 'present'\n  has_user:\n"), yaml);
        assertTrue(yaml.contains("condition_1: [[playbook_input:user.*, \"!=\", \"\"]]"), yaml);
        assertFalse(yaml.contains("join: all"));
    }

    @Test
    void scalarsAreQuotedOnlyWhereYamlWouldReadThemDifferently() {
        for (String s : List.of("yes", "No", "null", "~", "12", "1.5e3", "-3", ".inf", "a: b", "a #b", "- x", "[x]",
                "{x}", "!x", "&a", "*a", "%x", "@x", "`x", "'x", "\"x", "?x", ":x", "x:", " x", "x ", "", "2024-01-01",
                "1:20", ">x", "|x", "#x", "<<")) {
            assertFalse(YamlScalars.plain(s, false), s);
        }
        for (String s : List.of("playbook_input:user", "success", "a.b.*.c", "Delete these messages", "==", "<=",
                "$.x[0]", "filtered-data:f:condition_1:x:action_result.data.*.y")) {
            assertTrue(YamlScalars.plain(s, false), s);
        }
        assertFalse(YamlScalars.plain("Delete?", true));
        assertFalse(YamlScalars.plain("a,b", true));
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", YamlScalars.quoted("a\"b\\c\n\u0001"));
        assertEquals(null, YamlScalars.literalBlock("one line", "  "));
        assertEquals(null, YamlScalars.literalBlock("a\r\nb", "  "));
        assertEquals("|-\n  a\n\n  b", YamlScalars.literalBlock("a\n\nb", "  "));
        assertEquals("|+\n  a\n", YamlScalars.literalBlock("a\n\n", "  "));
        assertEquals("|2\n   a\n  b", YamlScalars.literalBlock(" a\nb\n", "  "));
    }
}
