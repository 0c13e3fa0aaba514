package io.chargeplane.bridge.core.connection;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Remembers the outcome of each command by key for a window, so a redelivered or retried command is answered
 * with the first result instead of reaching the device again. A duplicate that arrives while the first is
 * still running waits for the same outcome.
 *
 * <p>Bounded twice: entries older than the window are dropped, and beyond the capacity the oldest goes first.
 * Commands are rare next to events, so one lock around an insertion-ordered map is cheap enough and keeps
 * expiry a walk from the head.
 */
public final class CommandDeduplicator<K, V> {

    /** The future to answer from, and whether it belongs to an earlier command with the same key. */
    public record Outcome<V>(CompletableFuture<V> result, boolean duplicate) {
    }

    private record Entry<V>(long expiresAtNanos, CompletableFuture<V> result) {
    }

    private final long windowNanos;
    private final int capacity;
    private final LongSupplier nanoClock;
    private final LinkedHashMap<K, Entry<V>> entries = new LinkedHashMap<>();

    public CommandDeduplicator(Duration window, int capacity, LongSupplier nanoClock) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("dedup window must be positive");
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("dedup capacity must be >= 1");
        }
        this.windowNanos = window.toNanos();
        this.capacity = capacity;
        this.nanoClock = nanoClock;
    }

    public CommandDeduplicator(Duration window, int capacity) {
        this(window, capacity, System::nanoTime);
    }

    /**
     * Runs {@code execution} unless a command with this key ran within the window; either way returns the
     * future the answer comes from. The execution is started outside the lock.
     */
    public Outcome<V> run(K key, Supplier<CompletableFuture<V>> execution) {
        CompletableFuture<V> fresh;
        synchronized (entries) {
            long now = nanoClock.getAsLong();
            expire(now);
            Entry<V> existing = entries.get(key);
            if (existing != null) {
                return new Outcome<>(existing.result(), true);
            }
            fresh = new CompletableFuture<>();
            entries.put(key, new Entry<>(now + windowNanos, fresh));
            if (entries.size() > capacity) {
                Iterator<Map.Entry<K, Entry<V>>> oldest = entries.entrySet().iterator();
                oldest.next();
                oldest.remove();
            }
        }
        execution.get().whenComplete((value, failure) -> {
            if (failure != null) {
                fresh.completeExceptionally(failure);
            } else {
                fresh.complete(value);
            }
        });
        return new Outcome<>(fresh, false);
    }

    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void expire(long now) {
        Iterator<Entry<V>> iterator = entries.values().iterator();
        while (iterator.hasNext()) {
            if (iterator.next().expiresAtNanos() - now > 0) {
                return;
            }
            iterator.remove();
        }
    }
}
