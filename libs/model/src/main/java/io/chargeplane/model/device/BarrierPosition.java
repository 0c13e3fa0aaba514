package io.chargeplane.model.device;

/** Where a barrier arm is. Intermediate states matter because a moving arm must not be commanded again. */
public enum BarrierPosition {
    OPEN,
    CLOSED,
    OPENING,
    CLOSING,
    /** Stopped between positions, usually by an obstacle sensor. */
    STOPPED,
    UNKNOWN
}
