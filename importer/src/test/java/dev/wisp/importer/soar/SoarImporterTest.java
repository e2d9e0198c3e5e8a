package dev.wisp.importer.soar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.dsl.diag.Code;
import dev.wisp.dsl.diag.Severity;
import dev.wisp.dsl.model.Block;
import dev.wisp.dsl.model.Combine;
import dev.wisp.dsl.model.Condition;
import dev.wisp.dsl.model.Join;
import dev.wisp.dsl.model.Playbook;
import dev.wisp.dsl.model.PromptResponse;
import dev.wisp.dsl.model.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SoarImporterTest {
    private final SoarImporter importer = new SoarImporter();

    static String resource(String name) {
        try (InputStream in = SoarImporterTest.class.getResourceAsStream("/soar/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    SoarImporter.Result run(String name, boolean withPython, Set<String> known) {
        String py = withPython ? resource(name + ".py") : null;
        return importer.importExport(new SoarImporter.Source(name + ".json", resource(name + ".json"), py,
                name + ".py"), name, known);
    }

    static List<Code> codes(SoarImporter.Result r) {
        return r.losses().stream().map(l -> l.diagnostic().code()).toList();
    }

    @Test
    void anInputPathGivesOneRowPerItemAsSoarsListInputsDo() {
        assertEquals("playbook_input:user.*", ValueMapper.eachInputItem("playbook_input:user"));
        assertEquals("filtered-data:f:condition_1:playbook_input:user.*",
                ValueMapper.eachInputItem("filtered-data:f:condition_1:playbook_input:user"));
        assertEquals("playbook_input:user.name", ValueMapper.eachInputItem("playbook_input:user.name"));
        assertEquals("playbook_input:user.*", ValueMapper.eachInputItem("playbook_input:user.*"));
    }

    @Test
    void anInlineFormatParameterIsAnErrorNamingIt() {
        String json = resource("lock_user.json").replace("\"force\": true", "\"force\": true, \"reason\": "
                + "{\"functionId\": 2, \"template\": \"Locked {0}\", \"parameters\": [\"container:id\"]}");
        SoarImporter.Result r = importer.importExport(new SoarImporter.Source("inline.json", json, null, "inline.py"),
                "inline", Set.of("inline"));
        assertTrue(r.losses().stream().anyMatch(l -> l.diagnostic().code() == Code.WSP109
                && l.diagnostic().message().contains("parameter 'reason' is an inline format")), r.diagnostics()
                .toString());
    }

    @Test
    void standardBlocksMapOneToOneWithSoarBranchIndexesAsPorts() {
        SoarImporter.Result r = run("lock_user", false, Set.of("lock_user"));
        Playbook p = r.playbook().orElseThrow().playbook();
        assertEquals(List.of(Code.WSP106), r.losses().stream().filter(l -> l.diagnostic().severity() == Severity.ERROR)
                .map(l -> l.diagnostic().code()).toList(), "only the malformed path is an error");
        assertEquals(0, r.count(Severity.WARNING), r.diagnostics().toString());
        assertEquals(List.of("has_user", "lock", "worked", "note", "ask"), List.copyOf(p.blocks().keySet()));
        assertEquals("ad_ldap", p.assets().get("microsoft_ad_ldap").app());
        assertTrue(p.assets().get("microsoft_ad_ldap").description().contains("'microsoft ad ldap'"));
        Block.ActionBlock lock = (Block.ActionBlock) p.blocks().get("lock");
        assertEquals("microsoft_ad_ldap", lock.asset());
        assertTrue(lock.parameters().get("user") instanceof Value.PathRef);
        assertEquals(true, ((Value.Literal) lock.parameters().get("force")).value());
        assertTrue(lock.parameters().get("label") instanceof Value.Literal, "malformed: kept as text");
        Block.FilterBlock f = (Block.FilterBlock) p.blocks().get("has_user");
        assertEquals("condition_1", f.conditions().get(0).name());
        Block.DecisionBlock d = (Block.DecisionBlock) p.blocks().get("worked");
        assertEquals(1, d.branches().size());
        assertEquals("ok", d.branches().get(0).name());
        assertEquals(Condition.Logic.ANY, d.branches().get(0).logic());
        assertFalse(d.branches().get(0).caseSensitive());
        Block.PromptBlock ask = (Block.PromptBlock) p.blocks().get("ask");
        assertEquals(Duration.ofMinutes(30), ask.timeout());
        assertEquals("container_owner", ask.approver());
        assertEquals(List.of(PromptResponse.Type.YES_NO, PromptResponse.Type.LIST),
                ask.responses().stream().map(PromptResponse::type).toList());
        assertEquals(List.of("a", "b"), ask.responses().get(1).options());
        List<String> edges = p.edges().stream().map(e -> e.text()).toList();
        assertTrue(edges.containsAll(List.of("start -> has_user", "has_user.condition_1 -> lock", "worked.ok -> note",
                "worked.else -> ask", "note -> end", "ask -> end")), edges.toString());
        assertTrue(codes(r).contains(Code.WSP131), "the edge added to end is reported");
        assertTrue(codes(r).contains(Code.WSP130), "container_owner and the labels are reported");
        assertTrue(((Block.FormatBlock) p.blocks().get("note")).dropNone());
        assertEquals("%%\nLocked {0}\n%%\n", ((Block.FormatBlock) p.blocks().get("note")).template());
        assertEquals("lock:action_result.status", ((Value.PathRef) p.outputs().get("result").value()).text());
    }

    @Test
    void lossesAreLocatedAtTheNodeInTheJson() {
        SoarImporter.Result r = run("lock_user", false, Set.of());
        var info = r.losses().stream().filter(l -> l.diagnostic().code() == Code.WSP131).findFirst().orElseThrow();
        assertEquals("6", info.nodeId());
        assertEquals("ask", info.block());
        String line = resource("lock_user.json").lines().toList().get(info.diagnostic().location().line() - 1);
        assertTrue(line.contains("\"6\": {"), line);
    }

    @Test
    void codeBlocksCarryTheGeneratedFunctionAndPlatformCallsMapToTheSoarApp() {
        SoarImporter.Result r = run("with_code", true, Set.of("with_code", "lock_user"));
        Playbook p = r.playbook().orElseThrow().playbook();
        Block.CodeBlock count = (Block.CodeBlock) p.blocks().get("count_ips");
        assertEquals(Set.of("cef_sourceaddress"), count.inputs().keySet());
        assertEquals(Set.of("count"), count.outputs().keySet());
        assertTrue(count.code().contains("outputs[\"count\"] = count_ips__count"), count.code());
        assertTrue(count.code().contains("\nlines\"\"\""), "a string's continuation at column 0 stays in the function");
        assertTrue(count.code().endsWith("count_ips(container=phantom.get_container())\n"));
        Block.ActionBlock dedup = (Block.ActionBlock) p.blocks().get("dedup");
        assertEquals("core", dedup.app());
        assertEquals("list deduplicate", dedup.action());
        assertEquals(Set.of("list"), dedup.parameters().keySet());
        Block.ActionBlock say = (Block.ActionBlock) p.blocks().get("say");
        assertEquals("soar", say.app());
        assertEquals("add comment", say.action());
        assertEquals("dedup:action_result.data.*.item", ((Value.PathRef) say.parameters().get("comment")).text());
        Block.ActionBlock acts = (Block.ActionBlock) p.blocks().get("acts");
        assertEquals("debug", acts.action(), "phantom.act is not in the stand-in: a placeholder");
        assertTrue(acts.info().description().startsWith("NOT IMPORTED"));
        assertTrue(codes(r).containsAll(List.of(Code.WSP103, Code.WSP104, Code.WSP105, Code.WSP110, Code.WSP111,
                Code.WSP132, Code.WSP133, Code.WSP134)), codes(r).toString());
        assertFalse(codes(r).contains(Code.WSP116), "lock_user is among the exports");
        assertEquals("lock_user.yaml", ((Block.PlaybookBlock) p.blocks().get("sub")).playbook());
        assertEquals(Join.ALL, p.blocks().get("sub").info().join());
    }

    @Test
    void aSubPlaybookNotGivenIsAWarningAndStillNamedAsAFile() {
        SoarImporter.Result r = run("with_code", true, Set.of("with_code"));
        assertTrue(codes(r).contains(Code.WSP116));
        assertEquals("lock_user.yaml", ((Block.PlaybookBlock) r.playbook().orElseThrow().playbook().blocks()
                .get("sub")).playbook());
    }

    @Test
    void withoutTheGeneratedPythonCodeBlocksAreNotImported() {
        SoarImporter.Result r = run("with_code", false, Set.of());
        assertTrue(codes(r).contains(Code.WSP117));
        Block count = r.playbook().orElseThrow().playbook().blocks().get("count_ips");
        assertEquals(Block.Kind.ACTION, count.type(), "a placeholder");
        assertTrue(r.losses().stream().anyMatch(l -> l.diagnostic().code() == Code.WSP106
                && l.diagnostic().message().contains("count_ips:custom_function:count")), "paths into it are named");
    }

    @Test
    void severalSourcesCombineAsAProductAsSoarDoes() {
        String json = resource("lock_user.json").replace("\"force\": true", "\"force\": \"artifact:*.cef.force\"");
        SoarImporter.Result r = importer.importExport(new SoarImporter.Source("x.json", json, null, "x.py"), "x",
                Set.of());
        Block.ActionBlock lock = (Block.ActionBlock) r.playbook().orElseThrow().playbook().blocks().get("lock");
        assertEquals(Combine.PRODUCT, lock.combine());
    }

    @Test
    void classicMalformedAndForeignJsonAreRefusedWithALocation() {
        SoarImporter.Result classic = run("classic", false, Set.of());
        assertEquals(List.of(Code.WSP102), codes(classic));
        assertTrue(classic.playbook().isEmpty());
        SoarImporter.Result truncated = run("truncated", false, Set.of());
        assertEquals(List.of(Code.WSP100), codes(truncated));
        assertEquals(1, truncated.losses().get(0).diagnostic().location().line());
        SoarImporter.Result list = run("not_export", false, Set.of());
        assertEquals(List.of(Code.WSP101), codes(list));
        assertTrue(list.losses().get(0).diagnostic().message().contains("a list"));
    }

    @Test
    void malformedPathsTheEditorToleratesAreRepairedAndReported() {
        assertEquals("b:action_result.data.*.rl.classification",
                ValueMapper.repair("b:action_result.data*.rl.classification."));
        String json = resource("lock_user.json").replace("\"lock:action_result.parameter.user\"]",
                "\"lock:action_result.data*.user.\"]");
        SoarImporter.Result r = importer.importExport(new SoarImporter.Source("x.json", json, null, "x.py"), "x",
                Set.of());
        assertTrue(codes(r).contains(Code.WSP115), codes(r).toString());
    }

    @Test
    void unknownBlockTypesAndBrokenEdgesAreReported() {
        String json = resource("lock_user.json").replace("\"type\": \"prompt\", \"y\"", "\"type\": \"teleport\", \"y\"")
                .replace("\"conditions\": [{\"index\": 0}]}", "\"conditions\": [{\"index\": 7}]}");
        SoarImporter.Result r = importer.importExport(new SoarImporter.Source("x.json", json, null, "x.py"), "x",
                Set.of());
        assertTrue(codes(r).containsAll(List.of(Code.WSP107, Code.WSP108)), codes(r).toString());
    }

    @Test
    void noneIsNullAndUserCodeOnAFilterIsAnErrorNeverDropped() {
        String json = resource("lock_user.json").replace("\"param\": \"playbook_input:user\", \"value\": \"\"",
                "\"param\": \"playbook_input:user\", \"value\": \"None\"")
                .replace("\"2\": {\"id\": \"2\", \"type\": \"filter\",",
                        "\"2\": {\"id\": \"2\", \"type\": \"filter\", \"userCode\": \"\\n    x = 1\\n\",");
        SoarImporter.Result r = importer.importExport(new SoarImporter.Source("x.json", json, null, "x.py"), "x",
                Set.of());
        Block.FilterBlock f = (Block.FilterBlock) r.playbook().orElseThrow().playbook().blocks().get("has_user");
        assertEquals(null, ((Value.Literal) f.conditions().get(0).comparisons().get(0).right()).value());
        assertTrue(r.losses().stream().anyMatch(l -> l.diagnostic().code() == Code.WSP103 && "has_user".equals(l.block())),
                codes(r).toString());
        assertTrue(r.playbook().get().commentsOf("has_user").stream().anyMatch(c -> c.contains("x = 1")));
    }

    @Test
    void decisionBranchNamesStayUnique() {
        String json = resource("lock_user.json").replace("\"customName\": \"ok\"", "\"customName\": \"condition_2\"")
                .replace("\"customName\": \"nope\", \"type\": \"else\"", "\"customName\": \"\", \"type\": \"if\"");
        SoarImporter.Result r = importer.importExport(new SoarImporter.Source("x.json", json, null, "x.py"), "x",
                Set.of());
        Block.DecisionBlock d = (Block.DecisionBlock) r.playbook().orElseThrow().playbook().blocks().get("worked");
        assertEquals(List.of("condition_2", "condition_2_2"), d.branches().stream().map(Condition::name).toList());
    }
}
