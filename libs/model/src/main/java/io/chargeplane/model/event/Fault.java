package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;

/**
 * A device reported a fault that is not just a connector status (OCPP SecurityEventNotification, YKC fault
 * bits, a gate motor error).
 *
 * @param code the device's or vendor's code, kept verbatim for support
 * @param description may be null
 * @param evse null for the whole device
 * @param connector may be null
 */
public record Fault(String code, Severity severity, String description, EvseId evse, ConnectorId connector)
        implements DeviceEvent {

    public static final String NAME = "fault";

    public Fault {
        Require.text(code, "code", 64);
        Require.present(severity, "severity");
        Require.maxLength(description, "description", 1024);
        Location.connectorNeedsEvse(evse, connector);
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
