package io.chargeplane.model.device;

/** The platform's verdict on an {@link IdToken}; adapters map it to the protocol's own status values. */
public enum AuthorizationStatus {
    ACCEPTED,
    BLOCKED,
    EXPIRED,
    INVALID,
    /** Already used in another running session. */
    CONCURRENT_TX,
    /** Known, but the account cannot pay. */
    NO_CREDIT,
    /** Not found, or the platform could not decide in time. */
    UNKNOWN;

    public boolean accepted() {
        return this == ACCEPTED;
    }
}
