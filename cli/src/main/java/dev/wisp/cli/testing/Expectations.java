package dev.wisp.cli.testing;

import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.run.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Compares a test's {@code expect:} with what the run did; each mismatch is one readable line. */
final class Expectations {
    private Expectations() {
    }

    /** A value path that could not be evaluated. */
    record Problem(String message) {
    }

    @SuppressWarnings("unchecked")
    static List<String> check(Map<String, Object> expect, RunOutcome outcome, List<JournalEvent> events,
                              Function<String, Object> values) {
        List<String> out = new ArrayList<>();
        Object status = expect.get("status");
        if (status != null && !status.equals(outcome.status().id())) {
            out.add("run: expected status " + status + ", got " + outcome.status().id() + " (" + outcome.message() + ")");
        }
        Map<String, Object> report = TestRunner.report(events);
        Map<String, Map<String, Object>> blocks = (Map<String, Map<String, Object>>) report.get("blocks");
        if (expect.get("blocks") instanceof Map<?, ?> eb) {
            eb.forEach((name, e) -> block(String.valueOf(name), e, blocks.get(String.valueOf(name)), events, out));
        }
        if (expect.get("values") instanceof Map<?, ?> ev) {
            ev.forEach((path, expected) -> {
                Object actual = values.apply(String.valueOf(path));
                if (actual instanceof Problem p) {
                    out.add("value " + path + ": " + p.message());
                } else if (!TestRunner.same(expected instanceof List ? expected : List.of(expected), actual)) {
                    out.add("value " + path + ": expected " + expected + ", got " + actual);
                }
            });
        }
        for (String k : expect.keySet()) {
            if (!List.of("status", "blocks", "values").contains(k)) {
                out.add("expect: unknown key '" + k + "' (use status, blocks, values)");
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void block(String name, Object e, Map<String, Object> actual, List<JournalEvent> events,
                              List<String> out) {
        Map<String, Object> expected = e instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of("status", e);
        String actualStatus = actual == null ? "pending" : String.valueOf(actual.get("status"));
        Object status = expected.get("status");
        if (status != null && !status.equals(actualStatus)) {
            String why = actual == null ? "" : actual.get("reason") != null ? " (" + actual.get("reason") + ")"
                    : firstMessage(actual);
            out.add("block " + name + ": expected status " + status + ", got " + actualStatus + why);
        }
        List<JournalEvent.ExecutionFinished> executions;
        synchronized (events) {
            executions = events.stream().filter(x -> x instanceof JournalEvent.ExecutionFinished)
                    .map(x -> (JournalEvent.ExecutionFinished) x)
                    .filter(x -> x.block().equals(name) && x.final_()).sorted(TestRunner.byIndex()).toList();
        }
        Object count = expected.get("executions");
        if (count != null && ((Number) count).intValue() != executions.size()) {
            out.add("block " + name + ": expected " + count + " executions, got " + executions.size());
        }
        if (expected.get("calls") instanceof List<?> calls) {
            if (calls.size() != executions.size()) {
                out.add("block " + name + ": expected " + calls.size() + " calls, got " + executions.size() + ": "
                        + executions.stream().map(x -> x.result().get("parameter")).toList());
            }
            for (int i = 0; i < Math.min(calls.size(), executions.size()); i++) {
                Map<String, Object> want = (Map<String, Object>) calls.get(i);
                Map<String, Object> got = (Map<String, Object>) executions.get(i).result().get("parameter");
                for (Map.Entry<String, Object> w : want.entrySet()) {
                    if (!TestRunner.same(w.getValue(), got.get(w.getKey()))) {
                        out.add("block " + name + " call " + (i + 1) + ": expected " + w.getKey() + " = "
                                + w.getValue() + ", got " + got.get(w.getKey()));
                    }
                }
            }
        }
        for (String k : expected.keySet()) {
            if (!List.of("status", "executions", "calls").contains(k)) {
                out.add("block " + name + ": unknown expectation '" + k + "' (use status, executions, calls)");
            }
        }
    }

    private static String firstMessage(Map<String, Object> actual) {
        if (actual.get("results") instanceof List<?> rs && !rs.isEmpty()) {
            return " (" + ((Map<?, ?>) rs.get(0)).get("message") + ")";
        }
        return "";
    }
}
