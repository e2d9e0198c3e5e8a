package dev.wisp.cli.testing;

import dev.wisp.engine.journal.JournalEvent;
import dev.wisp.engine.run.RunOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        Object message = expect.get("message");
        if (message != null && (outcome.message() == null || !outcome.message().contains(String.valueOf(message)))) {
            out.add("run: expected a message containing '" + message + "', got '" + outcome.message() + "'");
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
        if (expect.get("journal") instanceof List<?> wanted) {
            journal(wanted, events, out);
        }
        return out;
    }

    /** Each wanted event (a subset of an event's fields) must appear, in this order. */
    @SuppressWarnings("unchecked")
    private static void journal(List<?> wanted, List<JournalEvent> events, List<String> out) {
        List<Map<String, Object>> actual = new ArrayList<>();
        dev.wisp.engine.journal.Redactor none = dev.wisp.engine.journal.Redactor.of(List.of());
        synchronized (events) {
            for (JournalEvent e : events) {
                try {
                    actual.add(dev.wisp.engine.journal.JournalCodec.mapper().readValue(
                            dev.wisp.engine.journal.JournalCodec.encode(e, none), Map.class));
                } catch (java.io.IOException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        int from = 0;
        for (Object w : wanted) {
            Map<String, Object> want = (Map<String, Object>) w;
            int found = -1;
            for (int i = from; i < actual.size() && found < 0; i++) {
                if (subset(want, actual.get(i))) {
                    found = i;
                }
            }
            if (found < 0) {
                out.add("journal: no event " + want + (from > 0 ? " after the events matched before it" : "")
                        + "; events of that type: " + actual.stream().filter(a -> Objects.equals(a.get("type"),
                        want.get("type"))).toList());
                return;
            }
            from = found + 1;
        }
    }

    /** Whether every key of {@code want} is in {@code got} with the same value (maps compare by subset too). */
    @SuppressWarnings("unchecked")
    static boolean subset(Object want, Object got) {
        if (want instanceof Map<?, ?> w) {
            if (!(got instanceof Map<?, ?> g)) {
                return false;
            }
            return w.entrySet().stream().allMatch(e -> g.containsKey(e.getKey()) && subset(e.getValue(),
                    g.get(e.getKey())));
        }
        if (want instanceof List<?> w && got instanceof List<?> g) {
            if (w.size() != g.size()) {
                return false;
            }
            for (int i = 0; i < w.size(); i++) {
                if (!subset(w.get(i), g.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return TestRunner.same(want, got);
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
        Object reason = expected.get("reason");
        Object actualReason = actual == null ? null : actual.get("reason");
        if (reason != null && (actualReason == null || !String.valueOf(actualReason).contains(String.valueOf(reason)))) {
            out.add("block " + name + ": expected a reason containing '" + reason + "', got " + (actualReason == null
                    ? "none" : "'" + actualReason + "'"));
        }
        Object skipped = expected.get("skipped_rows");
        Object actualSkipped = actual == null ? null : actual.getOrDefault("skipped_rows", 0);
        if (skipped != null && !TestRunner.same(skipped, actualSkipped)) {
            out.add("block " + name + ": expected " + skipped + " skipped rows, got " + actualSkipped
                    + (actual != null && actual.get("skipped_rows_reason") != null ? " ("
                    + actual.get("skipped_rows_reason") + ")" : ""));
        }
        for (String k : List.of("output", "prompt")) {
            Object want = expected.get(k);
            Object got = actual == null ? null : actual.get(k);
            if (want != null && !subset(want, got)) {
                out.add("block " + name + ": expected " + k + " to hold " + want + ", got " + got);
            }
        }
        Object defaults = expected.get("defaults");
        Object actualDefaults = actual == null ? null : actual.getOrDefault("defaults", List.of());
        if (defaults instanceof List<?> d && !(actualDefaults instanceof List<?> a && d.size() == a.size()
                && d.stream().allMatch(w -> a.stream().anyMatch(g -> subset(w, g))))) {
            out.add("block " + name + ": expected defaults " + defaults + ", got " + actualDefaults);
        }
    }

    private static String firstMessage(Map<String, Object> actual) {
        if (actual.get("results") instanceof List<?> rs && !rs.isEmpty()) {
            return " (" + ((Map<?, ?>) rs.get(0)).get("message") + ")";
        }
        return "";
    }
}
