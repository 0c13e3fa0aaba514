package io.chargeplane.model.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.ModelValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CapabilityTest {

    @Test
    void wireNamesAreTheAgreedTopicLevels() {
        assertEquals(List.of("start_charging", "stop_charging", "get_status", "reset", "unlock_connector",
                        "set_availability", "set_charging_limit", "update_tariff", "update_firmware", "open_barrier",
                        "close_barrier", "raise_lock", "lower_lock"),
                Arrays.stream(Capability.values()).map(Capability::wireName).toList());
    }

    @Test
    void everyWireNameReadsBack() {
        for (Capability capability : Capability.values()) {
            assertEquals(capability, Capability.fromWireName(capability.wireName()));
        }
    }

    @Test
    void unknownWireNameErrorListsTheKnownOnes() {
        ModelValidationException e = assertThrows(ModelValidationException.class,
                () -> Capability.fromWireName("START_CHARGING"));

        assertTrue(e.getMessage().startsWith("unknown capability 'START_CHARGING' (known: start_charging,"),
                e.getMessage());
    }

    @Test
    void barriersAndLocksOfferOnlyWhatTheyPhysicallyCan() {
        assertEquals(Set.of(Capability.GET_STATUS, Capability.RESET, Capability.UPDATE_FIRMWARE,
                Capability.OPEN_BARRIER, Capability.CLOSE_BARRIER), Capability.supportedBy(DeviceKind.BARRIER));
        assertTrue(Capability.RAISE_LOCK.supports(DeviceKind.PARKING_LOCK));
        assertFalse(Capability.START_CHARGING.supports(DeviceKind.PARKING_LOCK));
        assertFalse(Capability.supportedBy(DeviceKind.CHARGER).contains(Capability.OPEN_BARRIER));
    }

    @Test
    void protocolWireNamesMatchOcppSubprotocols() {
        assertEquals(Protocol.OCPP_1_6, Protocol.fromWireName("ocpp1.6"));
        assertEquals("ocpp2.0.1", Protocol.OCPP_2_0_1.wireName());
        assertEquals(Protocol.VENDOR_CLOUD, Protocol.fromWireName("vendor-cloud"));
        assertThrows(ModelValidationException.class, () -> Protocol.fromWireName("OCPP16"));
    }

    @Test
    void onlyNoAuthorizationTokensMayBeEmpty() {
        assertEquals("", new IdToken("", IdTokenType.NO_AUTHORIZATION).value());
        assertEquals("value: must not be blank",
                assertThrows(ModelValidationException.class, () -> IdToken.rfid("")).getMessage());
        assertEquals("type: is required",
                assertThrows(ModelValidationException.class, () -> new IdToken("x", null)).getMessage());
    }

    @Test
    void occupiedCoversEveryPhaseWithAVehiclePluggedIn() {
        assertTrue(ConnectorStatus.OCCUPIED.occupied());
        assertTrue(ConnectorStatus.SUSPENDED_EV.occupied());
        assertFalse(ConnectorStatus.RESERVED.occupied());
    }
}
