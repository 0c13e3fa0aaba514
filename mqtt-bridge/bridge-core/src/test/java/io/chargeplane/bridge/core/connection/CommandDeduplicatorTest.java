package io.chargeplane.bridge.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CommandDeduplicatorTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger executions = new AtomicInteger();
    private final CommandDeduplicator<String, String> dedup =
            new CommandDeduplicator<>(Duration.ofNanos(100), 3, now::get);

    private CompletableFuture<String> execute(String answer) {
        executions.incrementAndGet();
        return CompletableFuture.completedFuture(answer);
    }

    @Test
    void repeatWithinWindowGetsFirstResultWithoutRunningAgain() {
        var first = dedup.run("k", () -> execute("first"));
        now.addAndGet(99);
        var repeat = dedup.run("k", () -> execute("second"));

        assertFalse(first.duplicate());
        assertTrue(repeat.duplicate());
        assertEquals("first", repeat.result().join());
        assertEquals(1, executions.get());
    }

    @Test
    void repeatAfterWindowRunsAgain() {
        dedup.run("k", () -> execute("first"));
        now.addAndGet(100);
        var later = dedup.run("k", () -> execute("second"));

        assertFalse(later.duplicate());
        assertEquals("second", later.result().join());
        assertEquals(2, executions.get());
    }

    @Test
    void repeatWhileFirstStillRunsWaitsForTheSameOutcome() {
        CompletableFuture<String> device = new CompletableFuture<>();
        var first = dedup.run("k", () -> device);
        var repeat = dedup.run("k", () -> execute("never"));

        assertFalse(repeat.result().isDone());
        device.complete("done");
        assertEquals("done", repeat.result().join());
        assertSame(first.result(), repeat.result());
        assertEquals(0, executions.get());
    }

    @Test
    void beyondCapacityTheOldestKeyIsForgotten() {
        dedup.run("a", () -> execute("a"));
        dedup.run("b", () -> execute("b"));
        dedup.run("c", () -> execute("c"));
        dedup.run("d", () -> execute("d"));

        assertEquals(3, dedup.size());
        assertFalse(dedup.run("a", () -> execute("a again")).duplicate());
        assertTrue(dedup.run("d", () -> execute("d again")).duplicate());
    }

    @Test
    void differentKeysRunIndependently() {
        dedup.run("a", () -> execute("a"));
        var other = dedup.run("b", () -> execute("b"));

        assertFalse(other.duplicate());
        assertEquals(2, executions.get());
    }
}
