package io.chargeplane.device.domain;

import io.chargeplane.model.device.DeviceKind;
import io.chargeplane.model.device.Protocol;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a registrable device looks like. A charger has at least one EVSE, each with at least one connector,
 * numbered from 1 without duplicates; a barrier gate or parking lock has none. Charging protocols (OCPP, YKC)
 * only fit chargers.
 */
public final class DeviceRules {

    public static final int MAX_NAME = 200;
    public static final int MAX_VENDOR = 100;
    public static final int MAX_MODEL = 100;
    public static final int MAX_SERIAL = 100;
    public static final int MAX_FIRMWARE = 100;
    /** 2 MW: above any connector built today, low enough to catch a value given in mW or kW by mistake. */
    public static final int MAX_CONNECTOR_POWER_W = 2_000_000;
    public static final int MAX_EVSES = 64;
    public static final int MAX_CONNECTORS_PER_EVSE = 8;

    private DeviceRules() {
    }

    /** Protocols that only chargers speak. */
    public static boolean chargingOnly(Protocol protocol) {
        return switch (protocol) {
            case OCPP_1_6, OCPP_2_0_1, OCPP_2_1, YKC -> true;
            case VENDOR_MQTT, VENDOR_CLOUD -> false;
        };
    }

    public static void checkDescription(Violations v, String name, String vendor, String model,
                                        String serialNumber, String firmwareVersion) {
        v.requiredText(name, "name", MAX_NAME)
                .requiredText(vendor, "vendor", MAX_VENDOR)
                .requiredText(model, "model", MAX_MODEL)
                .optionalText(serialNumber, "serialNumber", MAX_SERIAL)
                .optionalText(firmwareVersion, "firmwareVersion", MAX_FIRMWARE);
    }

    public static void checkProtocol(Violations v, DeviceKind kind, Protocol protocol) {
        if (kind != null && protocol != null && kind != DeviceKind.CHARGER && chargingOnly(protocol)) {
            v.add(new Violation("protocol", protocol.wireName() + " is a charging protocol; a "
                    + kind + " speaks vendor-mqtt or vendor-cloud"));
        }
    }

    /** EVSEs and connectors for {@code kind}; {@code evses} may be null (none given). */
    public static void checkLayout(Violations v, DeviceKind kind, List<EvseSpec> evses) {
        if (kind == null) {
            return;
        }
        boolean none = evses == null || evses.isEmpty();
        if (kind != DeviceKind.CHARGER) {
            v.check(none, "evses", "a " + kind + " has no EVSEs");
            return;
        }
        if (none) {
            v.add(new Violation("evses", "a charger needs at least one EVSE"));
            return;
        }
        v.check(evses.size() <= MAX_EVSES, "evses", "at most " + MAX_EVSES + " EVSEs");
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < evses.size(); i++) {
            String path = "evses[" + i + "]";
            EvseSpec evse = evses.get(i);
            if (evse == null) {
                v.add(new Violation(path, "is required"));
                continue;
            }
            checkNumber(v, evse.evseNumber(), path + ".evseNumber", numbers, "EVSE");
            checkConnectors(v, evse.connectors(), path + ".connectors");
        }
    }

    private static void checkConnectors(Violations v, List<ConnectorSpec> connectors, String path) {
        if (connectors == null || connectors.isEmpty()) {
            v.add(new Violation(path, "an EVSE needs at least one connector"));
            return;
        }
        v.check(connectors.size() <= MAX_CONNECTORS_PER_EVSE, path, "at most " + MAX_CONNECTORS_PER_EVSE + " connectors");
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < connectors.size(); i++) {
            String at = path + "[" + i + "]";
            ConnectorSpec connector = connectors.get(i);
            if (connector == null) {
                v.add(new Violation(at, "is required"));
                continue;
            }
            checkNumber(v, connector.connectorNumber(), at + ".connectorNumber", numbers, "connector");
            v.required(connector.type(), at + ".type").required(connector.powerType(), at + ".powerType");
            Integer power = connector.maxPowerW();
            if (power == null) {
                v.add(new Violation(at + ".maxPowerW", "is required"));
            } else {
                v.check(power >= 1 && power <= MAX_CONNECTOR_POWER_W, at + ".maxPowerW",
                        "must be between 1 and " + MAX_CONNECTOR_POWER_W + " W");
            }
        }
    }

    private static void checkNumber(Violations v, Integer number, String field, Set<Integer> seen, String what) {
        if (number == null) {
            v.add(new Violation(field, "is required"));
        } else if (number < 1) {
            v.add(new Violation(field, "must be >= 1"));
        } else if (!seen.add(number)) {
            v.add(new Violation(field, what + " " + number + " appears twice"));
        }
    }
}
