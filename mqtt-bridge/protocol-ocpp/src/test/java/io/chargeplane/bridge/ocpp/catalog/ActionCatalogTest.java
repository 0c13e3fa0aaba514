package io.chargeplane.bridge.ocpp.catalog;

import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionCatalogTest {

    private final ActionCatalog catalog = ActionCatalog.standard();

    private List<String> names(List<ActionSpec> specs) {
        return specs.stream().map(ActionSpec::action).sorted().toList();
    }

    @Test
    void ocpp16ProfilesHoldTheirMessages() {
        assertEquals(16, catalog.actions(FeatureGroup.CORE).size());
        assertEquals(List.of("DiagnosticsStatusNotification", "FirmwareStatusNotification", "GetDiagnostics",
                "UpdateFirmware"), names(catalog.actions(FeatureGroup.FIRMWARE_MANAGEMENT)));
        assertEquals(List.of("GetLocalListVersion", "SendLocalList"),
                names(catalog.actions(FeatureGroup.LOCAL_AUTH_LIST_MANAGEMENT)));
        assertEquals(List.of("CancelReservation", "ReserveNow"), names(catalog.actions(FeatureGroup.RESERVATION)));
        assertEquals(List.of("ClearChargingProfile", "GetCompositeSchedule", "SetChargingProfile"),
                names(catalog.actions(FeatureGroup.SMART_CHARGING)));
        assertEquals(List.of("TriggerMessage"), names(catalog.actions(FeatureGroup.REMOTE_TRIGGER)));
    }

    @Test
    void directionsFollowTheSpecification() {
        assertEquals(Direction.STATION_TO_CSMS, catalog.find(OcppVersion.OCPP16, "StartTransaction").orElseThrow().direction());
        assertEquals(Direction.CSMS_TO_STATION, catalog.find(OcppVersion.OCPP201, "RequestStartTransaction").orElseThrow().direction());
        assertEquals(Direction.BOTH, catalog.find(OcppVersion.OCPP201, "DataTransfer").orElseThrow().direction());
        List<String> stationCalls201 = names(catalog.actions(OcppVersion.OCPP201, Direction.STATION_TO_CSMS));
        assertEquals(List.of("Authorize", "BootNotification", "DataTransfer", "FirmwareStatusNotification",
                "Heartbeat", "MeterValues", "NotifyReport", "ReservationStatusUpdate", "SecurityEventNotification",
                "StatusNotification", "TransactionEvent"), stationCalls201);
    }

    @Test
    void versionsDoNotShareActionsThatOnlyTheOtherHas() {
        assertTrue(catalog.contains(OcppVersion.OCPP16, "StartTransaction"));
        assertFalse(catalog.contains(OcppVersion.OCPP201, "StartTransaction"));
        assertFalse(catalog.contains(OcppVersion.OCPP16, "TransactionEvent"));
        assertEquals(FeatureGroup.TRANSACTIONS_201,
                catalog.find(OcppVersion.OCPP201, "TransactionEvent").orElseThrow().group());
    }

    @Test
    void refusesAGroupOfTheWrongVersion() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new ActionSpec(OcppVersion.OCPP201, "X", Direction.BOTH, FeatureGroup.CORE));
    }
}
