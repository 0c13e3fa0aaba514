package io.chargeplane.platform.idempotency;

/** What a completed request answered, kept so that a repeat gets the very same answer. */
public record StoredResponse(int status, String contentType, String body, String location) {
}
