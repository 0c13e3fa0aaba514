package io.chargeplane.device.status;

import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.AuthorizationRequested;
import io.chargeplane.model.event.BarrierStateChanged;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.event.Fault;
import io.chargeplane.model.event.FirmwareStatusChanged;
import io.chargeplane.model.event.LockStateChanged;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionUpdated;
import io.chargeplane.model.event.VehicleDetected;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Translates a device event into the update of the device's hot view. Pure: no I/O, so the rules about what an
 * event changes are tested on their own.
 *
 * <p>Presence is ordered by the envelope time (when the adapter saw the connection change); connector status
 * and meter readings by the time the device gives, because a device may flush queued readings late.
 */
public final class ViewUpdates {

    private ViewUpdates() {
    }

    public static ViewUpdate of(CanonicalEvent<? extends DeviceEvent> event) {
        String tenant = event.tenant().value();
        String identity = event.device().value();
        String adapter = event.adapter() == null ? null : event.adapter().value();
        return switch (event.data()) {
            case Connected connected -> presence(event, true, adapter, "connected",
                    fields(ViewFields.ONLINE, "1", ViewFields.ADAPTER, adapter == null ? "" : adapter,
                            ViewFields.PROTOCOL, connected.protocol().wireName()), null);
            // A replaced connection lives on in another adapter: the device did not go offline.
            case Disconnected disconnected when disconnected.reason() == DisconnectReason.REPLACED -> ViewUpdate.aliveOnly();
            case Disconnected disconnected -> presence(event, false, adapter, disconnected.reason().name(),
                    fields(ViewFields.ONLINE, "0"), adapter);
            case ConnectorStatusChanged status -> {
                Integer evse = number(status.evse());
                Integer connector = number(status.connector());
                String location = ViewFields.location(evse, connector);
                Map<String, String> fields = fields(ViewFields.connector(location, "status"), status.status().name(),
                        ViewFields.connector(location, "error"), status.errorCode() == null ? "" : status.errorCode());
                yield new ViewUpdate(ViewFields.connector(location, "at"), status.timestamp().toEpochMilli(), fields,
                        new StatusChange(event.id().value(), tenant, null, identity, StatusChange.Kind.CONNECTOR, null,
                                null, null, evse, connector, status.status().name(), status.errorCode(),
                                status.timestamp()), null);
            }
            case MeterSample sample -> {
                String location = ViewFields.location(number(sample.evse()), number(sample.connector()));
                Map<String, String> fields = fields(ViewFields.meter(location, "energyMwh"),
                        Long.toString(sample.energyRegister().milliwattHours()));
                if (sample.power() != null) {
                    fields.put(ViewFields.meter(location, "powerW"), Long.toString(sample.power().watts()));
                }
                yield new ViewUpdate(ViewFields.meter(location, "at"), sample.timestamp().toEpochMilli(), fields, null, null);
            }
            case Booted b -> ViewUpdate.aliveOnly();
            case TransactionStarted t -> ViewUpdate.aliveOnly();
            case TransactionUpdated t -> ViewUpdate.aliveOnly();
            case TransactionEnded t -> ViewUpdate.aliveOnly();
            case AuthorizationRequested a -> ViewUpdate.aliveOnly();
            case VehicleDetected v -> ViewUpdate.aliveOnly();
            case BarrierStateChanged b -> ViewUpdate.aliveOnly();
            case LockStateChanged l -> ViewUpdate.aliveOnly();
            case Fault f -> ViewUpdate.aliveOnly();
            case FirmwareStatusChanged f -> ViewUpdate.aliveOnly();
            case LogEvent l -> ViewUpdate.aliveOnly();
        };
    }

    private static ViewUpdate presence(CanonicalEvent<?> event, boolean online, String adapter, String reason,
                                       Map<String, String> fields, String onlyIfAdapter) {
        return new ViewUpdate(ViewFields.PRESENCE_AT, event.time().toEpochMilli(), fields,
                new StatusChange(event.id().value(), event.tenant().value(), null, event.device().value(),
                        StatusChange.Kind.PRESENCE, online, adapter, reason, null, null, null, null, event.time()),
                onlyIfAdapter);
    }

    private static Map<String, String> fields(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields;
    }

    private static Integer number(EvseId evse) {
        return evse == null ? null : evse.value();
    }

    private static Integer number(ConnectorId connector) {
        return connector == null ? null : connector.value();
    }
}
