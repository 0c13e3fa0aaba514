package io.chargeplane.model.command;

import io.chargeplane.model.device.Capability;
import java.util.EnumMap;
import java.util.Map;

/** Maps each capability to its command record, for readers that know the capability from a topic or type. */
public final class DeviceCommands {

    private static final Map<Capability, Class<? extends DeviceCommand>> TYPES = types();

    private DeviceCommands() {
    }

    private static Map<Capability, Class<? extends DeviceCommand>> types() {
        Map<Capability, Class<? extends DeviceCommand>> types = new EnumMap<>(Capability.class);
        types.put(Capability.START_CHARGING, StartCharging.class);
        types.put(Capability.STOP_CHARGING, StopCharging.class);
        types.put(Capability.GET_STATUS, GetStatus.class);
        types.put(Capability.RESET, Reset.class);
        types.put(Capability.UNLOCK_CONNECTOR, UnlockConnector.class);
        types.put(Capability.SET_AVAILABILITY, SetAvailability.class);
        types.put(Capability.SET_CHARGING_LIMIT, SetChargingLimit.class);
        types.put(Capability.UPDATE_TARIFF, UpdateTariff.class);
        types.put(Capability.UPDATE_FIRMWARE, UpdateFirmware.class);
        types.put(Capability.OPEN_BARRIER, OpenBarrier.class);
        types.put(Capability.CLOSE_BARRIER, CloseBarrier.class);
        types.put(Capability.RAISE_LOCK, RaiseLock.class);
        types.put(Capability.LOWER_LOCK, LowerLock.class);
        return Map.copyOf(types);
    }

    public static Class<? extends DeviceCommand> typeFor(Capability capability) {
        return TYPES.get(capability);
    }

    public static Map<Capability, Class<? extends DeviceCommand>> all() {
        return TYPES;
    }
}
