package io.chargeplane.model.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.model.Fixtures;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.unit.Energy;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeviceEventsTest {

    @Test
    void registryKnowsExactlyTheAgreedEventNames() {
        assertEquals(Set.of("connected", "disconnected", "booted", "connector_status", "meter_sample",
                "transaction_started", "transaction_updated", "transaction_ended", "authorization_requested",
                "vehicle_detected", "barrier_state", "lock_state", "fault", "firmware_status", "log"),
                DeviceEvents.names());
        assertEquals(MeterSample.class, DeviceEvents.typeFor("meter_sample"));
    }

    @Test
    void registryCoversEveryPermittedEventRecord() {
        assertEquals(Set.of(DeviceEvent.class.getPermittedSubclasses()), Set.copyOf(DeviceEvents.all().values()));
    }

    @Test
    void unknownEventNameIsAClearError() {
        assertEquals("unknown event 'foo'",
                assertThrows(ModelValidationException.class, () -> DeviceEvents.typeFor("foo")).getMessage());
    }

    @Test
    void aConnectorWithoutItsEvseIsRefused() {
        ModelValidationException e = assertThrows(ModelValidationException.class,
                () -> new MeterSample(null, ConnectorId.of(1), null, Fixtures.T0, Energy.ZERO, null, null, null, null,
                        MeterContext.SAMPLE_CLOCK));

        assertEquals("evse: is required when connector is given", e.getMessage());
    }

    @Test
    void stateOfChargeIsAPercentage() {
        assertEquals("socPercent: must be between 0 and 100", assertThrows(ModelValidationException.class,
                () -> new MeterSample(null, null, null, Fixtures.T0, Energy.ZERO, null, null, null, 101,
                        MeterContext.SAMPLE_CLOCK)).getMessage());
    }

    @Test
    void logMessagesAreBounded() {
        assertThrows(ModelValidationException.class,
                () -> new LogEvent(Severity.INFO, "x".repeat(LogEvent.MAX_MESSAGE_LENGTH + 1), null));
    }
}
