package io.chargeplane.model.device;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.ModelValidationException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The abstract device API: every command a service can send, whatever protocol the device speaks. The wire
 * name is an MQTT topic level ({@code .../cmd/start_charging}) and part of the command's CloudEvents type.
 */
public enum Capability {
    START_CHARGING("start_charging", DeviceKind.CHARGER),
    STOP_CHARGING("stop_charging", DeviceKind.CHARGER),
    GET_STATUS("get_status", DeviceKind.CHARGER, DeviceKind.BARRIER, DeviceKind.PARKING_LOCK),
    RESET("reset", DeviceKind.CHARGER, DeviceKind.BARRIER, DeviceKind.PARKING_LOCK),
    UNLOCK_CONNECTOR("unlock_connector", DeviceKind.CHARGER),
    SET_AVAILABILITY("set_availability", DeviceKind.CHARGER),
    SET_CHARGING_LIMIT("set_charging_limit", DeviceKind.CHARGER),
    UPDATE_TARIFF("update_tariff", DeviceKind.CHARGER),
    UPDATE_FIRMWARE("update_firmware", DeviceKind.CHARGER, DeviceKind.BARRIER, DeviceKind.PARKING_LOCK),
    OPEN_BARRIER("open_barrier", DeviceKind.BARRIER),
    CLOSE_BARRIER("close_barrier", DeviceKind.BARRIER),
    RAISE_LOCK("raise_lock", DeviceKind.PARKING_LOCK),
    LOWER_LOCK("lower_lock", DeviceKind.PARKING_LOCK);

    private static final Map<String, Capability> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Capability::wireName, Function.identity()));

    private final String wireName;
    private final Set<DeviceKind> kinds;

    Capability(String wireName, DeviceKind first, DeviceKind... more) {
        this.wireName = wireName;
        this.kinds = Set.copyOf(EnumSet.of(first, more));
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** The device kinds that can offer this capability at all; a given device may still offer less. */
    public Set<DeviceKind> supportedBy() {
        return kinds;
    }

    public boolean supports(DeviceKind kind) {
        return kinds.contains(kind);
    }

    public static Set<Capability> supportedBy(DeviceKind kind) {
        EnumSet<Capability> result = EnumSet.noneOf(Capability.class);
        for (Capability capability : values()) {
            if (capability.supports(kind)) {
                result.add(capability);
            }
        }
        return Set.copyOf(result);
    }

    @JsonCreator
    public static Capability fromWireName(String wireName) {
        Capability capability = wireName == null ? null : BY_WIRE_NAME.get(wireName);
        if (capability == null) {
            throw new ModelValidationException("", "unknown capability '" + wireName + "' (known: "
                    + Arrays.stream(values()).map(Capability::wireName).collect(Collectors.joining(", ")) + ")");
        }
        return capability;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
