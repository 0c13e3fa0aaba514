package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Energy;
import java.time.Instant;

/**
 * The device started delivering (or is ready to deliver) energy for a transaction.
 *
 * @param idToken who started it; null when the device started without identification
 * @param connector may be null when the protocol names only the EVSE
 * @param meterStart the energy register at start
 */
public record TransactionStarted(TransactionRef transaction, EvseId evse, ConnectorId connector, IdToken idToken,
                                 Energy meterStart, Instant startedAt) implements DeviceEvent {

    public static final String NAME = "transaction_started";

    public TransactionStarted {
        Require.present(transaction, "transaction");
        Require.present(evse, "evse");
        Require.present(meterStart, "meterStart");
        Require.present(startedAt, "startedAt");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
