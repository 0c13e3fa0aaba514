package io.chargeplane.bridge.credentials.keycloak;

import io.chargeplane.bridge.core.spi.CredentialsUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Bounds the work in flight toward Keycloak: at most {@code maxRunning} at once, up to {@code maxQueued}
 * waiting in arrival order, each for at most {@code queueTimeout}. A caller that finds the queue full or waits
 * too long fails with {@link CredentialsUnavailableException}: the charger is told to retry (503) instead of
 * Keycloak being flooded or the charger being told its secret is wrong.
 */
final class Admission {

    private final int maxRunning;
    private final int maxQueued;
    private final Duration queueTimeout;
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>();
    private int running;

    Admission(int maxRunning, int maxQueued, Duration queueTimeout) {
        if (maxRunning < 1 || maxQueued < 0) {
            throw new IllegalArgumentException("max-concurrent must be at least 1 and max-queued not negative");
        }
        this.maxRunning = maxRunning;
        this.maxQueued = maxQueued;
        this.queueTimeout = queueTimeout;
    }

    /** Runs the work once admitted; its slot is free again when the work completes either way. */
    <V> CompletionStage<V> run(Supplier<? extends CompletionStage<V>> work) {
        return admit().thenCompose(ignored -> {
            CompletionStage<V> stage;
            try {
                stage = work.get();
            } catch (RuntimeException e) {
                stage = CompletableFuture.failedFuture(e);
            }
            return stage.whenComplete((v, e) -> release());
        });
    }

    private CompletableFuture<Void> admit() {
        CompletableFuture<Void> ticket = new CompletableFuture<>();
        synchronized (this) {
            if (running < maxRunning) {
                running++;
                ticket.complete(null);
                return ticket;
            }
            if (waiting.size() >= maxQueued) {
                waiting.removeIf(CompletableFuture::isDone);
                if (waiting.size() >= maxQueued) {
                    return CompletableFuture.failedFuture(
                            new CredentialsUnavailableException("too many credential checks waiting for Keycloak"));
                }
            }
            waiting.add(ticket);
        }
        return ticket.orTimeout(queueTimeout.toNanos(), TimeUnit.NANOSECONDS).exceptionallyCompose(failure ->
                CompletableFuture.failedFuture(failure instanceof TimeoutException
                        ? new CredentialsUnavailableException("waited " + queueTimeout + " for a free Keycloak slot")
                        : failure));
    }

    private void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiting.poll();
                if (next == null) {
                    running--;
                    return;
                }
            }
            // The slot passes to the next waiter without being counted free. Completed outside the lock: the
            // waiter's work starts right here. A waiter past its deadline is already done; try the one after.
            if (next.complete(null)) {
                return;
            }
        }
    }

    synchronized int running() {
        return running;
    }

    synchronized int queued() {
        return (int) waiting.stream().filter(f -> !f.isDone()).count();
    }
}
