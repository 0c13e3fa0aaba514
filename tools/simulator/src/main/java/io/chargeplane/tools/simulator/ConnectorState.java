package io.chargeplane.tools.simulator;

/** The phases of one simulated connector, as OCPP 1.6 names them (2.0.1 folds the busy ones into Occupied). */
public enum ConnectorState {
    AVAILABLE,
    PREPARING,
    CHARGING,
    FINISHING,
    UNAVAILABLE,
    FAULTED;

    /** A car is plugged in or a session is being set up: no new driver can take the connector. */
    public boolean busy() {
        return this == PREPARING || this == CHARGING || this == FINISHING;
    }
}
