package io.chargeplane.device.status;

import java.time.Instant;
import java.util.UUID;

/**
 * One change of a device's live status that is worth keeping and announcing: the device went online or
 * offline, or a connector (or the station as a whole) changed status. Written to the history and sent to the
 * tenant's status streams.
 *
 * @param eventId   the event that carried the change; a synthetic id for changes the service concludes itself
 * @param kind      {@code PRESENCE} or {@code CONNECTOR}
 * @param online    for PRESENCE
 * @param adapter   for PRESENCE: the adapter instance that held (or lost) the connection; may be null
 * @param reason    for PRESENCE: why (e.g. {@code connected}, {@code CLOSED_BY_DEVICE}, {@code adapter_offline})
 * @param evse      for CONNECTOR: null for the whole station
 * @param connector for CONNECTOR: null for the whole EVSE or station
 * @param status    for CONNECTOR: the {@code ConnectorStatus} name
 * @param errorCode for CONNECTOR: the device's error code, may be null
 */
public record StatusChange(String eventId, String tenant, UUID deviceId, String identity, Kind kind, Boolean online,
                           String adapter, String reason, Integer evse, Integer connector, String status,
                           String errorCode, Instant occurredAt) {

    public enum Kind {
        PRESENCE, CONNECTOR
    }

    /** The same change for another device row, once the consumer has resolved the registry id. */
    StatusChange forDevice(UUID id) {
        return new StatusChange(eventId, tenant, id, identity, kind, online, adapter, reason, evse, connector, status,
                errorCode, occurredAt);
    }
}
