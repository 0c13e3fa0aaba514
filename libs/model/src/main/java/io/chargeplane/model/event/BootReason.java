package io.chargeplane.model.event;

/** Why a device (re)started, where the protocol tells; OCPP 1.6 and YKC do not, hence {@link #UNKNOWN}. */
public enum BootReason {
    POWER_UP,
    APPLICATION_RESET,
    FIRMWARE_UPDATE,
    LOCAL_RESET,
    REMOTE_RESET,
    SCHEDULED_RESET,
    TRIGGERED,
    WATCHDOG,
    UNKNOWN
}
