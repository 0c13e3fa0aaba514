package io.chargeplane.model.event;

import io.chargeplane.model.ModelValidationException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Maps event names (topic levels, CloudEvents types) to record classes and back. */
public final class DeviceEvents {

    private static final Map<String, Class<? extends DeviceEvent>> TYPES = types();

    private DeviceEvents() {
    }

    private static Map<String, Class<? extends DeviceEvent>> types() {
        Map<String, Class<? extends DeviceEvent>> types = new LinkedHashMap<>();
        types.put(Connected.NAME, Connected.class);
        types.put(Disconnected.NAME, Disconnected.class);
        types.put(Booted.NAME, Booted.class);
        types.put(ConnectorStatusChanged.NAME, ConnectorStatusChanged.class);
        types.put(MeterSample.NAME, MeterSample.class);
        types.put(TransactionStarted.NAME, TransactionStarted.class);
        types.put(TransactionUpdated.NAME, TransactionUpdated.class);
        types.put(TransactionEnded.NAME, TransactionEnded.class);
        types.put(AuthorizationRequested.NAME, AuthorizationRequested.class);
        types.put(VehicleDetected.NAME, VehicleDetected.class);
        types.put(BarrierStateChanged.NAME, BarrierStateChanged.class);
        types.put(LockStateChanged.NAME, LockStateChanged.class);
        types.put(Fault.NAME, Fault.class);
        types.put(FirmwareStatusChanged.NAME, FirmwareStatusChanged.class);
        types.put(LogEvent.NAME, LogEvent.class);
        return Map.copyOf(types);
    }

    /** The record class for an event name, or a validation error naming the unknown event. */
    public static Class<? extends DeviceEvent> typeFor(String eventName) {
        Class<? extends DeviceEvent> type = eventName == null ? null : TYPES.get(eventName);
        if (type == null) {
            throw new ModelValidationException("", "unknown event '" + eventName + "'");
        }
        return type;
    }

    public static boolean isKnown(String eventName) {
        return eventName != null && TYPES.containsKey(eventName);
    }

    public static Set<String> names() {
        return TYPES.keySet();
    }

    public static Map<String, Class<? extends DeviceEvent>> all() {
        return TYPES;
    }
}
