package dev.wisp.dsl.path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.path.DataPath.BlockPath;
import dev.wisp.dsl.path.DataPath.FilteredPath;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DataPathParserTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "create_project_1:action_result.data.*.id",
        "list_instances_1:action_result.data.*.*.region",
        "Set_EC2:action_result.summary.responses.1",
        "b:action_result.parameter.project_id",
        "b:action_result.status",
        "format_1:formatted_data",
        "format_1:formatted_data.*",
        "sub:playbook_output:pipelines",
        "sub:playbook_output:result.items.*.id",
        "filtered-data:running_only:condition_1:list_instances_1:action_result.data.*.*.id",
        "filtered-data:f:c:artifact:*.cef.sourceAddress",
        "playbook_input:region",
        "playbook_input:cfg.nested.0",
        "container:severity",
        "artifact:*.cef.sourceAddress",
        "artifact:*.name",
        "$.blocks.x.results[*].data[*].id",
    })
    void parsesAndRoundTrips(String text) {
        DataPathParser.Result r = DataPathParser.parse(text);
        assertTrue(r.ok(), () -> text + ": " + r.error());
        assertEquals(text, r.path().text());
        assertEquals(r.path(), DataPathParser.parse(r.path().text()).path());
    }

    @Test
    void structureOfABlockPath() {
        BlockPath p = (BlockPath) DataPathParser.parse("b:action_result.data.*.items.0").path();
        assertEquals("b", p.block());
        assertEquals("action_result", p.root());
        assertEquals(List.of(new Segment.Field("action_result"), new Segment.Field("data"), new Segment.Wildcard(),
                new Segment.Field("items"), new Segment.Index(0)), p.segments());
    }

    @Test
    void filteredDataWrapsItsInnerPath() {
        FilteredPath p = (FilteredPath) DataPathParser.parse("filtered-data:f:condition_2:b:action_result.data.*.x")
                .path();
        assertEquals("f", p.filter());
        assertEquals("condition_2", p.condition());
        assertInstanceOf(BlockPath.class, p.inner());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "b:action_result..id|16|empty segment (two dots, or a dot at the end)",
        "b:action_result.data.|21|empty segment (two dots, or a dot at the end)",
        "b:action_reslt.data|2|expected action_result, formatted_data, playbook_output: or custom_function: after 'b:', not 'action_reslt'",
        "b:action_result.da ta|18|unexpected character ' ' in 'da ta'",
        "filtered-data:f|14|expected filtered-data:<filter>:<condition>:<data path>",
        "filtered-data:f:c:b:nope|20|expected action_result, formatted_data, playbook_output: or custom_function: after 'b:', not 'nope'",
        "playbook_input:|15|expected an input name after playbook_input:",
        "container:|10|expected a field after container:",
    })
    void reportsErrorsWithTheirOffset(String text, int offset, String message) {
        DataPathParser.Result r = DataPathParser.parse(text);
        assertFalse(r.ok());
        assertEquals(message, r.error());
        assertEquals(offset, r.offset());
    }

    @Test
    void decidesWhatIsAPath() {
        Set<String> blocks = Set.of("create_project_1", "note");
        assertTrue(DataPathParser.looksLikePath("create_project_1:action_result.data.*.id", blocks));
        assertTrue(DataPathParser.looksLikePath("note:formatted_data", blocks));
        assertTrue(DataPathParser.looksLikePath("note:whatever", blocks), "a known block makes it a path");
        assertTrue(DataPathParser.looksLikePath("typo_1:action_result.data", blocks), "unknown block, path shape");
        assertTrue(DataPathParser.looksLikePath("playbook_input:x", blocks));
        assertTrue(DataPathParser.looksLikePath("artifact:*.cef.x", blocks));
        assertFalse(DataPathParser.looksLikePath("https://cado.example.com/api/v2", blocks));
        assertFalse(DataPathParser.looksLikePath("evidence-bucket", blocks));
        assertFalse(DataPathParser.looksLikePath("a:b", blocks));
    }
}
