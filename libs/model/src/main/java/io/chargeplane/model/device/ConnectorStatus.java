package io.chargeplane.model.device;

/**
 * The state of one connector as the device reports it. OCPP 1.6 and YKC report the full set; OCPP 2.0.1
 * reports only Available, Occupied, Reserved, Unavailable and Faulted, hence {@link #OCCUPIED}, which
 * consumers must treat as "some vehicle is plugged in" without knowing the phase.
 */
public enum ConnectorStatus {
    AVAILABLE,
    PREPARING,
    CHARGING,
    SUSPENDED_EV,
    SUSPENDED_EVSE,
    FINISHING,
    RESERVED,
    UNAVAILABLE,
    FAULTED,
    OCCUPIED;

    /** Whether a vehicle is (or may be) attached; true for every phase between plug-in and unplug. */
    public boolean occupied() {
        return switch (this) {
            case PREPARING, CHARGING, SUSPENDED_EV, SUSPENDED_EVSE, FINISHING, OCCUPIED -> true;
            case AVAILABLE, RESERVED, UNAVAILABLE, FAULTED -> false;
        };
    }
}
