package io.chargeplane.device.domain;

import java.util.List;

/** One EVSE of a charger as registered: its number within the charger (from 1) and its connectors. */
public record EvseSpec(Integer evseNumber, List<ConnectorSpec> connectors) {

    public EvseSpec {
        connectors = connectors == null ? null : List.copyOf(connectors);
    }
}
