package dev.wisp.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static final ActionResult CREATED = ActionResult.success(Map.of("project_name", "IR"),
            List.of(Map.of("id", 7)), Map.of("project_id", 7), "created project 7 'IR'");

    @Test
    void foundCarriesTheResultAndItsMessage() {
        Reconciliation r = Reconciliation.found(CREATED);
        assertEquals(Reconciliation.Outcome.FOUND, r.outcome());
        assertEquals(CREATED, r.result());
        assertEquals("created project 7 'IR'", r.detail());
    }

    @Test
    void notFoundAndUnknownCarryOnlyADetail() {
        assertNull(Reconciliation.notFound("no project named 'IR'").result());
        assertEquals(Reconciliation.Outcome.UNKNOWN, Reconciliation.unknown("cannot tell").outcome());
    }

    @Test
    void inconsistentAnswersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Reconciliation(Reconciliation.Outcome.FOUND, null, "x"));
        assertThrows(IllegalArgumentException.class, () -> Reconciliation.found(ActionResult.failed(Map.of(), "no")));
        assertThrows(IllegalArgumentException.class,
                () -> new Reconciliation(Reconciliation.Outcome.NOT_FOUND, CREATED, "x"));
        assertThrows(NullPointerException.class, () -> Reconciliation.unknown(null));
    }

    @Test
    void anAppThatDoesNotOverrideTheHookCannotTell() {
        AppConnection plain = ctx -> CompletableFuture.completedFuture(CREATED);
        Reconciliation r = plain.reconcile(context("create project"), Instant.EPOCH).toCompletableFuture().join();
        assertEquals(Reconciliation.unknown("this app cannot look for the effect of 'create project'"), r);
    }

    private static ActionContext context(String action) {
        return new ActionContext() {
            @Override
            public String actionName() {
                return action;
            }

            @Override
            public Map<String, Object> parameters() {
                return Map.of();
            }

            @Override
            public AssetConfig asset() {
                return null;
            }

            @Override
            public Clock clock() {
                return Clock.systemUTC();
            }

            @Override
            public CompletionStage<Void> delay(Duration duration) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void progress(long done, long total, String detail) {
            }

            @Override
            public void log(String message) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}
