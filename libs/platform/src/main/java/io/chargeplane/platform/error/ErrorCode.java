package io.chargeplane.platform.error;

import java.net.URI;

/**
 * The stable error catalogue of Chargeplane. Clients branch on {@link #code()}, never on titles or
 * detail text, so a code once published is never renamed or reused for another meaning.
 *
 * <p>The same catalogue is what protocol adapters translate into OCPP CALLERROR codes and YKC negative
 * acknowledgements, which is why it names conditions rather than HTTP statuses.
 */
public enum ErrorCode {
    VALIDATION_FAILED(400, "The request is not valid"),
    MALFORMED_REQUEST(400, "The request body cannot be read"),
    IDEMPOTENCY_KEY_MISSING(400, "This operation needs an Idempotency-Key header"),
    IDEMPOTENCY_KEY_INVALID(400, "The Idempotency-Key header is not valid"),
    UNAUTHENTICATED(401, "Authentication is required"),
    FORBIDDEN(403, "The caller may not do this"),
    TENANT_MISSING(403, "The caller's token names no tenant"),
    TENANT_FORBIDDEN(403, "The caller may not act for that tenant"),
    NOT_FOUND(404, "The resource does not exist"),
    METHOD_NOT_ALLOWED(405, "The method is not allowed on this resource"),
    NOT_ACCEPTABLE(406, "No acceptable representation"),
    CONFLICT(409, "The request conflicts with the resource's current state"),
    IDEMPOTENCY_IN_PROGRESS(409, "A request with this Idempotency-Key is still being processed"),
    UNSUPPORTED_MEDIA_TYPE(415, "The request's media type is not supported"),
    IDEMPOTENCY_KEY_REUSED(422, "The Idempotency-Key was already used for a different request"),
    UNPROCESSABLE(422, "The request is well-formed but cannot be processed"),
    INSUFFICIENT_FUNDS(422, "The balance and credit limit do not cover the amount"),
    RATE_LIMITED(429, "Too many requests"),
    DEVICE_UNKNOWN(404, "The device is not registered"),
    DEVICE_OFFLINE(409, "The device is offline"),
    CAPABILITY_NOT_SUPPORTED(422, "The device does not support this capability"),
    INTERNAL_ERROR(500, "An unexpected error occurred"),
    SERVICE_UNAVAILABLE(503, "A service this request depends on is unavailable"),
    TIMEOUT(504, "A service this request depends on did not answer in time");

    private static final String TYPE_BASE = "https://chargeplane.io/problems/";

    private final int httpStatus;
    private final String title;

    ErrorCode(int httpStatus, String title) {
        this.httpStatus = httpStatus;
        this.title = title;
    }

    /** The wire name, e.g. {@code idempotency_key_reused}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String title() {
        return title;
    }

    /** The RFC 9457 {@code type} URI; it identifies the problem kind, it need not be dereferenceable. */
    public URI type() {
        return URI.create(TYPE_BASE + code().replace('_', '-'));
    }

    /** The catalogue entry with the given wire name, for clients and tests reading problems back. */
    public static ErrorCode fromCode(String code) {
        for (ErrorCode candidate : values()) {
            if (candidate.code().equals(code)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("code: unknown error code '" + code + "'");
    }

    /** The best catalogue entry for a bare HTTP status that reached us without a code of its own. */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_REQUEST;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 429 -> RATE_LIMITED;
            case 503 -> SERVICE_UNAVAILABLE;
            case 504 -> TIMEOUT;
            default -> status >= 500 ? INTERNAL_ERROR : VALIDATION_FAILED;
        };
    }
}
