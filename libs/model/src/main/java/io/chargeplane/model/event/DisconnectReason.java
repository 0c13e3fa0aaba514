package io.chargeplane.model.event;

/** Why a device connection ended; lets operations tell flaky sites from platform restarts. */
public enum DisconnectReason {
    CLOSED_BY_DEVICE,
    CLOSED_BY_PLATFORM,
    /** No traffic within the heartbeat allowance. */
    TIMEOUT,
    PROTOCOL_ERROR,
    AUTHENTICATION_FAILED,
    /** The same device connected again elsewhere; the older connection was dropped. */
    REPLACED,
    ADAPTER_SHUTDOWN,
    UNKNOWN
}
