package io.chargeplane.bridge.credentials.keycloak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SingleFlightTest {

    private final SingleFlight<String, String> flights = new SingleFlight<>();

    @Test
    void concurrentCallersWithTheSameTokenShareOneExecution() throws Exception {
        AtomicInteger executions = new AtomicInteger();
        CompletableFuture<String> keycloak = new CompletableFuture<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<CompletionStage<String>>> callers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            callers.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return flights.run("CP-1", "digest-a", () -> {
                    executions.incrementAndGet();
                    return keycloak;
                });
            }, pool));
        }
        start.countDown();
        List<CompletableFuture<String>> results = new ArrayList<>();
        for (var caller : callers) {
            results.add(caller.get(5, TimeUnit.SECONDS).toCompletableFuture());
        }
        assertTrue(results.stream().noneMatch(CompletableFuture::isDone), "everyone waits for the one call");
        keycloak.complete("accepted");
        for (var result : results) {
            assertEquals("accepted", result.get(5, TimeUnit.SECONDS));
        }
        assertEquals(1, executions.get());
        assertEquals(0, flights.inFlight());
        pool.shutdownNow();
    }

    @Test
    void aCallerWithAnotherTokenWaitsForTheRunningFlightAndThenRunsItsOwn() throws Exception {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> ownResult = flights.run("CP-1", "old", () -> first).toCompletableFuture();
        AtomicInteger secondRuns = new AtomicInteger();
        CompletableFuture<String> other = flights.run("CP-1", "new", () -> {
            secondRuns.incrementAndGet();
            return CompletableFuture.completedFuture("verdict for new");
        }).toCompletableFuture();
        assertFalse(other.isDone());
        assertEquals(0, secondRuns.get(), "one flight per station at a time");
        first.complete("verdict for old");
        assertEquals("verdict for old", ownResult.get(5, TimeUnit.SECONDS));
        assertEquals("verdict for new", other.get(5, TimeUnit.SECONDS));
        assertEquals(1, secondRuns.get());
    }

    @Test
    void aFailureIsSharedByTheFlightAndTheNextCallTriesAgain() throws Exception {
        CompletableFuture<String> failing = new CompletableFuture<>();
        CompletableFuture<String> a = flights.run("CP-1", "d", () -> failing).toCompletableFuture();
        CompletableFuture<String> b = flights.run("CP-1", "d", () -> CompletableFuture.completedFuture("unused"))
                .toCompletableFuture();
        failing.completeExceptionally(new IllegalStateException("keycloak down"));
        assertInstanceOf(IllegalStateException.class, assertThrows(Exception.class, a::join).getCause());
        assertThrows(CompletionException.class, b::join);
        assertEquals("again", flights.run("CP-1", "d", () -> CompletableFuture.completedFuture("again"))
                .toCompletableFuture().get(5, TimeUnit.SECONDS));
    }

    @Test
    void differentStationsRunSideBySide() {
        CompletableFuture<String> one = new CompletableFuture<>();
        flights.run("CP-1", "d", () -> one);
        CompletableFuture<String> two = flights.run("CP-2", "d", () -> CompletableFuture.completedFuture("two"))
                .toCompletableFuture();
        assertEquals("two", two.join());
        one.complete("one");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
