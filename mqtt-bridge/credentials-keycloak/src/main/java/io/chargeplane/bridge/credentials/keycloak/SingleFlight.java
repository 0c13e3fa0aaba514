package io.chargeplane.bridge.credentials.keycloak;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * At most one piece of work per key at a time. A caller whose token (the digest of the secret it presented)
 * equals the running flight's shares that flight's result, failure included; a caller with another token
 * waits until the flight ends and then starts or joins the next one. So a storm of reconnects of one charger
 * costs one Keycloak verification, and a charger presenting a new secret is never answered with the verdict
 * on its old one.
 */
final class SingleFlight<K, T> {

    private record Flight<T, V>(T token, CompletableFuture<V> result) {
    }

    private final ConcurrentHashMap<K, Flight<T, ?>> flights = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <V> CompletionStage<V> run(K key, T token, Supplier<? extends CompletionStage<V>> work) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        Flight<T, V> candidate = new Flight<>(token, mine);
        Flight<T, ?> running = flights.putIfAbsent(key, candidate);
        if (running != null) {
            if (running.token().equals(token)) {
                return (CompletionStage<V>) running.result().copy();
            }
            return running.result().handle((v, e) -> null).thenCompose(ignored -> run(key, token, work));
        }
        CompletionStage<V> started;
        try {
            started = work.get();
        } catch (RuntimeException e) {
            started = CompletableFuture.failedFuture(e);
        }
        started.whenComplete((value, failure) -> {
            // Leave the map before completing, so that callers woken by the result start a new flight.
            flights.remove(key, candidate);
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(value);
            }
        });
        return mine.copy();
    }

    int inFlight() {
        return flights.size();
    }
}
