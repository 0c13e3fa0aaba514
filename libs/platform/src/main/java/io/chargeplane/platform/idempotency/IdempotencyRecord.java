package io.chargeplane.platform.idempotency;

/**
 * The state kept under one idempotency key: the fingerprint of the first request and, once it finished,
 * its response. A record without a response means the first request is still running.
 */
public record IdempotencyRecord(String fingerprint, StoredResponse response) {

    public static IdempotencyRecord inProgress(String fingerprint) {
        return new IdempotencyRecord(fingerprint, null);
    }

    public boolean completed() {
        return response != null;
    }
}
