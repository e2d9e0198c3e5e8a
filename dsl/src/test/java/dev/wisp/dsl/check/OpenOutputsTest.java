package dev.wisp.dsl.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wisp.dsl.AppCatalog;
import dev.wisp.dsl.SpecOnlyApp;
import dev.wisp.dsl.diag.Diagnostic;
import dev.wisp.dsl.parse.LoadResult;
import dev.wisp.dsl.parse.PlaybookLoader;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The open-output rule: for an action with open outputs, an undeclared path under {@code action_result.data} is a
 * warning (WSP078); everything else keeps its error: unknown actions, parameters, {@code action_result.parameter.x},
 * other undeclared paths, and undeclared data paths of actions whose outputs are not open.
 */
class OpenOutputsTest {
    private static final PlaybookLoader LOADER = new PlaybookLoader(List.of());

    private static AppSpec search() {
        ActionSpec query = new ActionSpec("run query", "run_query", ActionType.INVESTIGATE, "", true, true,
                List.of(ParameterSpec.builder("query", DataType.STRING).required().build()),
                List.of(OutputSpec.of("action_result.data.*._raw", DataType.STRING, "x"),
                        OutputSpec.of("action_result.data.*.src_host", DataType.STRING, "h"),
                        OutputSpec.of("action_result.summary.total_events", DataType.NUMERIC, 1)));
        ActionSpec status = new ActionSpec("get status", "get_status", ActionType.INVESTIGATE, "", true, true,
                List.of(), List.of(OutputSpec.of("action_result.data.*.state", DataType.STRING, "ok")));
        return new AppSpec("search", "1.0", "Search", "", List.of(), List.of(query, status));
    }

    private static AppCatalog catalog() {
        return AppCatalog.empty().withSpecOnly(List.of(new SpecOnlyApp(search(), Set.of("run query"),
                "apps/search.yaml")));
    }

    private static List<String> check(String blocks) {
        return check(blocks, "start -> q, q -> r, r -> end");
    }

    private static List<String> check(String blocks, String edges) {
        String yaml = """
                playbook: p
                blocks:
                  q:
                    action: run query
                    app: search
                    parameters: { query: "index=main" }
                %s
                edges: [%s]
                """.formatted(blocks, edges);
        LoadResult r = LOADER.loadString(yaml, "p.yaml");
        assertEquals(List.of(), r.diagnostics());
        return StaticChecks.run(r.playbook().orElseThrow(), catalog(), (parent, path) ->
                new SubPlaybooks.Found(Optional.empty(), "none")).stream().map(Diagnostic::toString).toList();
    }

    private static String reader(String action, String param, String path) {
        return """
                  r:
                    action: %s
                    app: search
                    parameters: { %s: "q:%s" }
                """.formatted(action, param, path);
    }

    @Test
    void anUndeclaredDataPathOfAnOpenActionIsAWarning() {
        assertEquals(List.of("p.yaml:10:27: warning[WSP078]: action 'run query' (block 'q') has open outputs and does "
                        + "not declare action_result.data.*.src_ip; it is read as it comes at run time"),
                check(reader("run query", "query", "action_result.data.*.src_ip")));
    }

    @Test
    void aLikelyTypoOfAnOpenActionIsAWarningWithASuggestion() {
        assertEquals(List.of("p.yaml:10:27: warning[WSP078]: action 'run query' (block 'q') has open outputs and does "
                        + "not declare action_result.data.*.src_hots (did you mean action_result.data.*.src_host?); it is read "
                        + "as it comes at run time"),
                check(reader("run query", "query", "action_result.data.*.src_hots")));
    }

    @Test
    void aDeclaredDataPathOfAnOpenActionIsFine() {
        assertEquals(List.of(), check(reader("run query", "query", "action_result.data.*._raw")));
    }

    @Test
    void anUndeclaredSummaryPathOfAnOpenActionStaysAnError() {
        assertEquals(List.of("p.yaml:10:27: error[WSP050]: action 'run query' (block 'q') does not produce "
                        + "action_result.summary.total; see its outputs with 'wisp actions'"),
                check(reader("run query", "query", "action_result.summary.total")));
    }

    @Test
    void anUnknownParameterPathOfAnOpenActionStaysAnError() {
        assertEquals(List.of("p.yaml:10:27: error[WSP050]: action 'run query' (block 'q') does not produce "
                        + "action_result.parameter.qeury; see its outputs with 'wisp actions'"),
                check(reader("run query", "query", "action_result.parameter.qeury")));
    }

    @Test
    void anUndeclaredDataPathOfAnActionWithClosedOutputsStaysAnError() {
        assertEquals(List.of("p.yaml:13:27: error[WSP050]: action 'get status' (block 'q0') does not produce "
                        + "action_result.data.*.stat; did you mean action_result.data.*.state?"),
                check("""
                  q0:
                    action: get status
                    app: search
                  r:
                    action: run query
                    app: search
                    parameters: { query: "q0:action_result.data.*.stat" }
                """, "start -> q, q -> q0, q0 -> r, r -> end"));
    }

    @Test
    void unknownActionsAndParametersOfASpecOnlyAppStayErrors() {
        List<String> d = check("""
                  r:
                    action: run query
                    app: search
                    parameters: { qeury: x, query: y }
                  s:
                    action: run qeury
                    app: search
                """, "start -> q, q -> r, r -> s, s -> end");
        assertEquals(List.of("WSP033", "WSP032"), d.stream().map(l -> l.replaceAll(".*error\\[(WSP0\\d\\d)\\].*", "$1"))
                .toList(), d.toString());
    }
}
