package io.chargeplane.platform.idempotency;

/**
 * What to do with a request given what its key already holds. Kept pure so the contract — first answer
 * wins, a different request under the same key is refused — is tested without a store.
 */
public sealed interface IdempotencyDecision {

    /** The key was free and is now claimed: run the operation. */
    record Proceed() implements IdempotencyDecision {
    }

    /** The same request finished before: answer what it answered. */
    record Replay(StoredResponse response) implements IdempotencyDecision {
    }

    /** The same request is still running elsewhere. */
    record InProgress() implements IdempotencyDecision {
    }

    /** The key was used for a different request. */
    record Mismatch() implements IdempotencyDecision {
    }

    /**
     * @param existing    what the key held before this request claimed it; {@code null} when it was free
     * @param fingerprint this request's fingerprint
     */
    static IdempotencyDecision decide(IdempotencyRecord existing, String fingerprint) {
        if (existing == null) {
            return new Proceed();
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            return new Mismatch();
        }
        return existing.completed() ? new Replay(existing.response()) : new InProgress();
    }
}
