package io.chargeplane.model.command;

/** How a command ended, from the caller's point of view. */
public enum CommandStatus {
    /** The device accepted it (the effect may still follow as events). */
    ACCEPTED,
    /** The device refused it (occupied, wrong state). */
    REJECTED,
    /** The device or adapter tried and failed. */
    FAILED,
    /** No answer before the deadline. */
    TIMEOUT,
    /** This device (or its protocol) has no such capability. */
    NOT_SUPPORTED,
    /** No adapter held a connection to the device. */
    DEVICE_OFFLINE
}
