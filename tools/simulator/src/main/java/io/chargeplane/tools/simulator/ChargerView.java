package io.chargeplane.tools.simulator;

import java.util.List;

/** What one simulated charger looks like at a moment, for tests and the local stack. */
public record ChargerView(String stationId, String version, boolean connected, boolean booted, int bootCount,
                          List<ConnectorView> connectors) {

    /** One connector: its state, its register in Wh and the transaction running on it (or null). */
    public record ConnectorView(int id, ConnectorState state, long registerWh, String transactionId) {
    }

    public ConnectorView connector(int id) {
        return connectors.get(id - 1);
    }
}
