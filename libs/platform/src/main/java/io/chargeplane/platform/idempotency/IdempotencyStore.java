package io.chargeplane.platform.idempotency;

import io.smallrye.mutiny.Uni;

import java.time.Duration;

/**
 * Where idempotency records live. Implementations must make {@link #claim} atomic across every instance of
 * a service: two concurrent requests with one key must never both proceed.
 */
public interface IdempotencyStore {

    /**
     * Atomically claims {@code key} for a request with {@code fingerprint}, holding it in progress for at most
     * {@code inProgressTtl} (so a crashed instance frees it).
     *
     * @return an item of {@code null} when the key was free and is now claimed, else what it already held
     */
    Uni<IdempotencyRecord> claim(String key, String fingerprint, Duration inProgressTtl);

    /** Stores the finished response under a claimed key, kept for {@code retention}. */
    Uni<Void> complete(String key, IdempotencyRecord record, Duration retention);

    /** Frees a claimed key whose request failed in a way a retry may fix. */
    Uni<Void> release(String key);
}
