package io.chargeplane.bridge.ocpp.catalog;

/** Who may send the CALL of an action. */
public enum Direction {
    /** The charging station (1.6: charge point) initiates. */
    STATION_TO_CSMS,
    /** The CSMS (1.6: central system) initiates. */
    CSMS_TO_STATION,
    /** Either side may initiate (DataTransfer). */
    BOTH;

    /** Whether a CALL travelling in {@code travel} (never {@link #BOTH}) is allowed for this action. */
    public boolean allows(Direction travel) {
        return this == BOTH || this == travel;
    }
}
