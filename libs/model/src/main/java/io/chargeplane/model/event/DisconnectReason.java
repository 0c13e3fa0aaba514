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
    /**
     * The adapter instance holding the connection vanished without a goodbye (crash, kill, lost network);
     * announced on its behalf by whoever saw its last will.
     */
    ADAPTER_LOST,
    UNKNOWN
}
