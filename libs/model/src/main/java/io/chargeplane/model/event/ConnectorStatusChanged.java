package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import java.time.Instant;

/**
 * A connector (or, with {@code evse} and {@code connector} null, the whole station) changed status.
 *
 * @param evse null for a station-wide status (OCPP 1.6 connectorId 0)
 * @param connector null for an EVSE-wide or station-wide status
 * @param errorCode the device's error code when {@code status} is FAULTED or a warning is attached; may be null
 * @param errorInfo free text from the device; may be null
 * @param timestamp when the device says the change happened
 */
public record ConnectorStatusChanged(EvseId evse, ConnectorId connector, ConnectorStatus status, String errorCode,
                                     String errorInfo, Instant timestamp) implements DeviceEvent {

    public static final String NAME = "connector_status";

    public ConnectorStatusChanged {
        Location.connectorNeedsEvse(evse, connector);
        Require.present(status, "status");
        Require.optionalText(errorCode, "errorCode", 64);
        Require.maxLength(errorInfo, "errorInfo", 512);
        Require.present(timestamp, "timestamp");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
