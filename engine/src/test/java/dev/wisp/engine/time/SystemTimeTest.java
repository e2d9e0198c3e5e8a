package dev.wisp.engine.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SystemTimeTest {
    @Test
    void aWaitEndsAfterItsDurationAndWaitsOfManyTimeSourcesStartNoThreadOfTheirOwn() throws Exception {
        try (SystemTime a = new SystemTime(); SystemTime b = new SystemTime()) {
            a.delay(Duration.ZERO).toCompletableFuture().get(5, TimeUnit.SECONDS); // the JDK's timer, started
            Set<String> before = threadNames();
            long start = System.nanoTime();
            CompletableFuture<Void> first = a.delay(Duration.ofMillis(50)).toCompletableFuture();
            CompletableFuture<Void> second = b.delay(Duration.ofMillis(50)).toCompletableFuture();
            CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
            assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
            Set<String> started = threadNames();
            started.removeAll(before);
            assertEquals(Set.of(), started);
        }
    }

    @Test
    void closingEndsNoWaitAndLaterWaitsNeverEnd() throws Exception {
        SystemTime time = new SystemTime();
        CompletableFuture<Void> pending = time.delay(Duration.ofMillis(100)).toCompletableFuture();
        time.close();
        CompletableFuture<Void> later = time.delay(Duration.ZERO).toCompletableFuture();
        // a wait that would have ended by now, and one asked for after the close, have neither ended nor failed
        try (SystemTime other = new SystemTime()) {
            other.delay(Duration.ofMillis(200)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        assertFalse(pending.isDone());
        assertFalse(later.isDone());
    }

    private static Set<String> threadNames() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .collect(Collectors.toCollection(java.util.HashSet::new));
    }
}
