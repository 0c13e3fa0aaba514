package io.chargeplane.model.device;

/** What a device physically is; decides which capabilities it may offer. */
public enum DeviceKind {
    /** A charging pile with EVSEs and connectors. */
    CHARGER,
    /** A barrier gate at a car park entry or exit. */
    BARRIER,
    /** A parking lock that raises to block a bay. */
    PARKING_LOCK
}
