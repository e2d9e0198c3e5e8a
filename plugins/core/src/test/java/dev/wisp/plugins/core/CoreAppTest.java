package dev.wisp.plugins.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.App;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import dev.wisp.spi.testing.TestActionContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class CoreAppTest {
    private final CoreApp app = new CoreApp();

    private ActionResult run(String action, Object... keyValues) {
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            params.put((String) keyValues[i], keyValues[i + 1]);
        }
        return app.connect(null).execute(new TestActionContext(action, params)).toCompletableFuture().join();
    }

    private static List<Object> column(ActionResult r, String key) {
        List<Object> out = new ArrayList<>();
        r.data().forEach(d -> out.add(((Map<?, ?>) d).get(key)));
        return out;
    }

    @Test
    void isFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(App.class).stream().anyMatch(p -> p.type() == CoreApp.class));
        assertEquals("core", app.spec().id());
        assertTrue(app.spec().configuration().isEmpty(), "core needs no asset");
    }

    @Test
    void everyParameterHasAParameterOutputAndEveryActionStatus() {
        for (ActionSpec a : app.actionSpecs()) {
            for (ParameterSpec p : a.parameters()) {
                assertTrue(a.output("action_result.parameter." + p.name()).isPresent(), a.name() + " " + p.name());
            }
            assertTrue(a.output("action_result.status").isPresent(), a.name());
            assertTrue(a.readOnly() && a.idempotent(), a.name() + " is pure");
            for (OutputSpec o : a.outputs()) {
                assertTrue(o.dataPath().startsWith("action_result."), o.dataPath());
            }
        }
    }

    @Test
    void demuxMakesOneItemPerElement() {
        ActionResult r = run("list demux", "list", List.of("a", "b", "c"));
        assertTrue(r.succeeded());
        assertEquals(List.of("a", "b", "c"), column(r, "item"));
        assertEquals(3, r.summary().get("count"));
    }

    @Test
    void demuxOfAScalarIsOneItemAndOfNullIsNone() {
        assertEquals(List.of("x"), column(run("list demux", "list", "x"), "item"));
        assertEquals(List.of(), column(run("list demux", "list", null), "item"));
    }

    @Test
    void mergeConcatenatesDropsNullsAndDeduplicatesOnRequest() {
        ActionResult plain = run("list merge", "list_1", List.of("a", "b"), "list_2", Arrays.asList("b", null, "c"));
        assertEquals(List.of("a", "b", "b", "c"), column(plain, "item"));
        ActionResult dedup = run("list merge", "list_1", List.of("a", "b"), "list_2", List.of("b", "c"),
                "deduplicate", true);
        assertEquals(List.of("a", "b", "c"), column(dedup, "item"));
    }

    @Test
    void deduplicateKeepsFirstOccurrenceOrder() {
        assertEquals(List.of(3, 1, 2), column(run("list deduplicate", "list", List.of(3, 1, 3, 2, 1)), "item"));
    }

    @Test
    void regexExtractFindsEveryMatchAndGroup() {
        ActionResult r = run("regex extract", "input", "from 10.0.0.1 to 203.0.113.7",
                "pattern", "(\\d+)\\.\\d+\\.\\d+\\.\\d+");
        assertEquals(List.of("10.0.0.1", "203.0.113.7"), column(r, "match"));
        ActionResult g = run("regex extract", "input", "from 10.0.0.1 to 203.0.113.7",
                "pattern", "(\\d+)\\.\\d+\\.\\d+\\.\\d+", "group", 1);
        assertEquals(List.of("10", "203"), column(g, "match"));
    }

    @Test
    void regexExtractFailsReadablyOnABadPatternOrGroup() {
        ActionResult bad = run("regex extract", "input", "x", "pattern", "(unclosed");
        assertFalse(bad.succeeded());
        assertTrue(bad.message().startsWith("pattern is not a valid regular expression"), bad.message());
        ActionResult group = run("regex extract", "input", "x", "pattern", "x", "group", 2);
        assertEquals("group 2 does not exist; the pattern has 0 groups", group.message());
    }

    @Test
    void stringHelpers() {
        assertEquals(List.of("alice", "bob"), column(run("string split", "input", " alice, ,bob "), "item"));
        assertEquals(List.of("alice", "", "bob"),
                column(run("string split", "input", "alice;;bob", "separator", ";", "drop_empty", false), "item"));
        assertEquals(List.of("a | c"),
                column(run("string join", "list", Arrays.asList("a", null, "c"), "separator", " | "), "value"));
        assertEquals(List.of("hxxp://example.com"), column(run("string replace",
                "input", "http://example.com", "find", "http", "replacement", "hxxp"), "value"));
        assertEquals(List.of("a-1-2"), column(run("string replace", "input", "a12", "find", "(\\d)",
                "replacement", "-$1", "regex", true), "value"));
        assertEquals(List.of("EXAMPLE"), column(run("string case", "input", "example", "to", "upper"), "value"));
        assertEquals("to must be lower or upper, not 'title'",
                run("string case", "input", "x", "to", "title").message());
        assertEquals(List.of("x"), column(run("string trim", "input", "\t x \n"), "value"));
    }

    @Test
    void setValueAndDebugPassValuesOn() {
        assertEquals(List.of(Map.of("k", 1)), column(run("set value", "value", Map.of("k", 1)), "value"));
        TestActionContext ctx = new TestActionContext("debug", Map.of("value", List.of("a", "b\"c"), "label", "ips"));
        ActionResult r = app.connect(null).execute(ctx).toCompletableFuture().join();
        assertTrue(r.succeeded());
        assertEquals(List.of("ips: [\"a\",\"b\\\"c\"]"), ctx.logs());
    }

    @Test
    void sleepWaitsThroughTheContextWithoutBlocking() {
        TestActionContext ctx = new TestActionContext("sleep", Map.of("seconds", "1.5")).holdDelays();
        CompletableFuture<ActionResult> f = app.connect(null).execute(ctx).toCompletableFuture();
        assertFalse(f.isDone(), "sleep completes only when the run's timer fires");
        assertEquals(List.of(Duration.ofMillis(1500)), ctx.delays());
        ctx.pendingDelays().get(0).complete(null);
        assertEquals("slept 1.5s", f.join().message());
    }

    @Test
    void sleepRejectsNegativeAndHugeValues() {
        assertEquals("seconds must be between 0 and 86400, not -1", run("sleep", "seconds", -1).message());
        assertEquals("seconds must be a number, not 'soon'", run("sleep", "seconds", "soon").message());
    }

    @Test
    void unknownActionFails() {
        assertEquals("the core app has no action 'nope'", run("nope").message());
    }
}
