package io.chargeplane.model.request;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Energy;
import java.time.Instant;

/**
 * A device started a transaction and needs the platform to assign its id (OCPP 1.6 StartTransaction).
 * Protocols where the device names the transaction publish {@code TransactionStarted} instead.
 */
public record StartTransactionRequest(EvseId evse, ConnectorId connector, IdToken idToken, Energy meterStart,
                                      Instant timestamp) implements DeviceRequest {

    public static final String NAME = "start_transaction";

    public StartTransactionRequest {
        Require.present(evse, "evse");
        Require.present(connector, "connector");
        Require.present(idToken, "idToken");
        Require.present(meterStart, "meterStart");
        Require.present(timestamp, "timestamp");
    }

    @Override
    public String requestName() {
        return NAME;
    }
}
