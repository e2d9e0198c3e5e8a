package dev.wisp.engine.exec;

import dev.wisp.spi.ActionContext;
import dev.wisp.spi.ActionResult;
import dev.wisp.spi.ActionSpec;
import dev.wisp.spi.ActionType;
import dev.wisp.spi.App;
import dev.wisp.spi.AppConnection;
import dev.wisp.spi.AppSpec;
import dev.wisp.spi.AssetConfig;
import dev.wisp.spi.DataType;
import dev.wisp.spi.OutputSpec;
import dev.wisp.spi.ParameterSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A deterministic app for engine tests: records every call; actions that fail, hang, throw or list things. */
public final class TestApp implements App {
    public final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final AtomicInteger concurrent = new AtomicInteger();
    final AtomicInteger maxConcurrent = new AtomicInteger();
    final List<CompletableFuture<ActionResult>> hanging = Collections.synchronizedList(new ArrayList<>());
    /** The names of the threads executions ran on. */
    final java.util.Set<String> threads = ConcurrentHashMap.newKeySet();
    /** Whether its connections say they never block, so that the engine calls them on the run's thread. */
    volatile boolean nonBlocking;

    private static ActionSpec action(String name, boolean idempotent, List<ParameterSpec> params,
                                     OutputSpec... outputs) {
        return new ActionSpec(name, name.replace(' ', '_'), ActionType.GENERIC, "", idempotent, idempotent, params,
                List.of(outputs));
    }

    private static ParameterSpec p(String name, DataType type, boolean required) {
        var b = ParameterSpec.builder(name, type);
        return (required ? b.required() : b).build();
    }

    @Override
    public AppSpec spec() {
        return new AppSpec("test", "1", null, null, List.of(), List.of(
                action("echo", true, List.of(p("value", DataType.ANY, true), p("other", DataType.ANY, false),
                        p("n", DataType.NUMERIC, false)),
                        OutputSpec.of("action_result.data.*.value", DataType.ANY, null)),
                action("list", true, List.of(p("count", DataType.NUMERIC, true)),
                        OutputSpec.of("action_result.data.*.*.id", DataType.STRING, null)),
                action("flaky", true, List.of(p("key", DataType.STRING, true))),
                action("create", false, List.of(p("key", DataType.STRING, true), p("fail", DataType.BOOLEAN, false))),
                action("hang", true, List.of()),
                action("boom", true, List.of()),
                action("nothing", true, List.of()),
                action("gather", true, List.of(p("items", DataType.LIST, true))),
                action("login", true, List.of(p("user", DataType.STRING, true),
                        p("password", DataType.PASSWORD, true))),
                action("poll", true, List.of(p("key", DataType.STRING, true), p("steps", DataType.NUMERIC, true),
                        p("every", DataType.NUMERIC, false), p("secret", DataType.PASSWORD, false)),
                        OutputSpec.of("action_result.data.*.step", DataType.NUMERIC, null)).continuing(),
                action("eager", true, List.of())));
    }

    @Override
    public AppConnection connect(AssetConfig asset) {
        return new AppConnection() {
            @Override
            public java.util.concurrent.CompletionStage<ActionResult> execute(ActionContext ctx) {
                threads.add(Thread.currentThread().getName());
                int now = concurrent.incrementAndGet();
                maxConcurrent.accumulateAndGet(now, Math::max);
                try {
                    return CompletableFuture.completedFuture(run(ctx));
                } catch (HangException h) {
                    CompletableFuture<ActionResult> f = new CompletableFuture<>();
                    hanging.add(f);
                    return f;
                } finally {
                    concurrent.decrementAndGet();
                }
            }

            @Override
            public boolean nonBlocking() {
                return nonBlocking;
            }

            /** "create" looks for its key: found-* keys exist, absent-* keys do not, others cannot be told. */
            @Override
            public java.util.concurrent.CompletionStage<dev.wisp.spi.Reconciliation> reconcile(ActionContext ctx,
                                                                                             java.time.Instant at) {
                calls.add("reconcile " + ctx.actionName() + " " + new java.util.TreeMap<>(ctx.parameters()));
                String key = String.valueOf(ctx.parameters().get("key"));
                return CompletableFuture.completedFuture(key.startsWith("found")
                        ? dev.wisp.spi.Reconciliation.found(ActionResult.success(ctx.parameters(),
                        List.of(Map.of("key", key)), Map.of(), "found " + key))
                        : key.startsWith("absent") ? dev.wisp.spi.Reconciliation.notFound("no " + key)
                        : dev.wisp.spi.Reconciliation.unknown("cannot tell whether " + key + " exists"));
            }
        };
    }

    private static final class HangException extends RuntimeException {
    }

    private ActionResult run(ActionContext ctx) {
        Map<String, Object> p = ctx.parameters();
        calls.add(ctx.actionName() + " " + new java.util.TreeMap<>(p));
        switch (ctx.actionName()) {
            case "echo" -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("value", p.get("value"));
                return ActionResult.success(p, List.of(item), Map.of(), "echo " + p.get("value"));
            }
            case "list" -> {
                List<Object> rows = new ArrayList<>();
                int count = ((Number) p.get("count")).intValue();
                for (int i = 0; i < count; i++) {
                    rows.add(Map.of("id", "i-" + i, "state", i % 2 == 0 ? "running" : "stopped", "n", i));
                }
                return ActionResult.success(p, List.of(rows), Map.of("count", count), count + " items");
            }
            case "flaky", "create" -> {
                AtomicInteger left = failuresLeft.get(String.valueOf(p.get("key")));
                if (Boolean.TRUE.equals(p.get("fail")) || (left != null && left.getAndDecrement() > 0)) {
                    return ActionResult.failed(p, "failed " + p.get("key"));
                }
                return ActionResult.success(p, List.of(Map.of("key", p.get("key"))), Map.of(), "ok");
            }
            case "login" -> {
                // a careless app that echoes the password: the engine masks it anyway
                return ActionResult.success(p, List.of(), Map.of(), "logged in with " + p.get("password"));
            }
            case "poll" -> {
                // one step a call: continues until step `steps`, every `every` seconds (30 by default); a step
                // fails while failuresLeft of its key lasts, when that key is given as fail-<step>
                int step = ((Number) ctx.state().getOrDefault("step", 0)).intValue();
                calls.set(calls.size() - 1, "poll " + p.get("key") + " step " + step + " " + ctx.state());
                AtomicInteger left = failuresLeft.get(p.get("key") + "@" + step);
                if (left != null && left.getAndDecrement() > 0) {
                    return ActionResult.failed(p, "step " + step + " failed", ActionResult.Failure.TRANSIENT);
                }
                List<Object> item = List.of(Map.of("step", step));
                if (step + 1 >= ((Number) p.get("steps")).intValue()) {
                    return ActionResult.success(p, item, Map.of("steps", step + 1), "done after " + (step + 1));
                }
                Map<String, Object> state = new LinkedHashMap<>();
                state.put("step", step + 1);
                if (p.get("secret") != null) {
                    state.put("seen", "with " + p.get("secret")); // careless: the journal masks it
                }
                long every = p.get("every") == null ? 30 : ((Number) p.get("every")).longValue();
                return ActionResult.continueAfter(java.time.Duration.ofSeconds(every), state, "step " + step
                        + " of " + p.get("steps")).withData(item);
            }
            case "eager" -> {
                return ActionResult.continueAfter(java.time.Duration.ofSeconds(1), Map.of(), "not declared");
            }
            case "hang" -> throw new HangException();
            case "boom" -> throw new IllegalStateException("kaboom");
            case "gather" -> {
                return ActionResult.success(p, List.of(Map.of("size", ((List<?>) p.get("items")).size())), Map.of(),
                        "gathered");
            }
            default -> {
                return null;
            }
        }
    }
}
