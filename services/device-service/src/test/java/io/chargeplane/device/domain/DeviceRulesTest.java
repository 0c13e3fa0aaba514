package io.chargeplane.device.domain;

import io.chargeplane.model.device.DeviceKind;
import io.chargeplane.model.device.Protocol;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceRulesTest {

    private static ConnectorSpec ccs(int number) {
        return new ConnectorSpec(number, ConnectorType.CCS_2, PowerType.DC, 150_000);
    }

    private static List<String> layoutViolations(DeviceKind kind, List<EvseSpec> evses) {
        Violations v = new Violations();
        DeviceRules.checkLayout(v, kind, evses);
        return v.list().stream().map(Violation::field).toList();
    }

    @Test
    void chargerWithNumberedEvsesAndConnectorsIsValid() {
        assertTrue(layoutViolations(DeviceKind.CHARGER, List.of(
                new EvseSpec(1, List.of(ccs(1), ccs(2))), new EvseSpec(2, List.of(ccs(1))))).isEmpty());
    }

    @Test
    void chargerNeedsAnEvseAndEveryEvseAConnector() {
        assertEquals(List.of("evses"), layoutViolations(DeviceKind.CHARGER, null));
        assertEquals(List.of("evses"), layoutViolations(DeviceKind.CHARGER, List.of()));
        assertEquals(List.of("evses[0].connectors"), layoutViolations(DeviceKind.CHARGER, List.of(new EvseSpec(1, List.of()))));
    }

    @Test
    void gatesAndLocksHaveNoEvses() {
        assertTrue(layoutViolations(DeviceKind.BARRIER, null).isEmpty());
        assertTrue(layoutViolations(DeviceKind.PARKING_LOCK, List.of()).isEmpty());
        assertEquals(List.of("evses"), layoutViolations(DeviceKind.PARKING_LOCK, List.of(new EvseSpec(1, List.of(ccs(1))))));
    }

    @Test
    void duplicateOrNonPositiveNumbersAreNamedByPath() {
        assertEquals(List.of("evses[1].evseNumber", "evses[1].connectors[1].connectorNumber"),
                layoutViolations(DeviceKind.CHARGER, List.of(new EvseSpec(1, List.of(ccs(1))),
                        new EvseSpec(1, List.of(ccs(2), ccs(2))))));
        assertEquals(List.of("evses[0].evseNumber", "evses[0].connectors[0].connectorNumber"),
                layoutViolations(DeviceKind.CHARGER, List.of(new EvseSpec(0, List.of(ccs(0))))));
    }

    @Test
    void connectorNeedsTypePowerTypeAndPlausiblePower() {
        assertEquals(List.of("evses[0].connectors[0].type", "evses[0].connectors[0].powerType",
                        "evses[0].connectors[0].maxPowerW"),
                layoutViolations(DeviceKind.CHARGER, List.of(new EvseSpec(1, List.of(new ConnectorSpec(1, null, null, 0))))));
        assertEquals(List.of("evses[0].connectors[0].maxPowerW"), layoutViolations(DeviceKind.CHARGER,
                List.of(new EvseSpec(1, List.of(new ConnectorSpec(1, ConnectorType.TYPE_2, PowerType.AC_3_PHASE,
                        DeviceRules.MAX_CONNECTOR_POWER_W + 1))))));
    }

    @Test
    void chargingProtocolsFitOnlyChargers() {
        Violations v = new Violations();
        DeviceRules.checkProtocol(v, DeviceKind.BARRIER, Protocol.OCPP_1_6);
        DeviceRules.checkProtocol(v, DeviceKind.PARKING_LOCK, Protocol.YKC);
        DeviceRules.checkProtocol(v, DeviceKind.BARRIER, Protocol.VENDOR_MQTT);
        DeviceRules.checkProtocol(v, DeviceKind.CHARGER, Protocol.VENDOR_CLOUD);
        DeviceRules.checkProtocol(v, DeviceKind.CHARGER, Protocol.OCPP_2_0_1);
        assertEquals(List.of("protocol", "protocol"), v.list().stream().map(Violation::field).toList());
    }

    @Test
    void descriptionNeedsNameVendorAndModelWithinTheirLengths() {
        Violations v = new Violations();
        DeviceRules.checkDescription(v, " ", null, "m".repeat(DeviceRules.MAX_MODEL + 1), "", null);
        assertEquals(List.of("name", "vendor", "model", "serialNumber"), v.list().stream().map(Violation::field).toList());
    }
}
