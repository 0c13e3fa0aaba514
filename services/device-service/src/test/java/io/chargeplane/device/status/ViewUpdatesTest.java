package io.chargeplane.device.status;

import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.event.MeterContext;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Power;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ViewUpdatesTest {

    private static final Instant SENT = Instant.parse("2026-11-25T06:00:00Z");
    private static final Instant MEASURED = Instant.parse("2026-11-25T05:59:58Z");

    private static <T extends DeviceEvent> CanonicalEvent<T> event(T data) {
        return CanonicalEvent.builder(TenantId.of("acme"), DeviceId.of("CP-1"), data).time(SENT)
                .adapter(AdapterInstanceId.of("bridge-7")).build();
    }

    @Test
    void connectedIsOrderedByEnvelopeTimeAndNamesTheAdapter() {
        ViewUpdate update = ViewUpdates.of(event(new Connected(null, Protocol.OCPP_2_0_1)));
        assertEquals(ViewFields.PRESENCE_AT, update.guardField());
        assertEquals(SENT.toEpochMilli(), update.guardTime());
        assertEquals(Map.of("online", "1", "adapter", "bridge-7", "protocol", "ocpp2.0.1"), update.fields());
        assertEquals(true, update.change().online());
        assertNull(update.onlyIfAdapter());
    }

    @Test
    void disconnectAppliesOnlyWhileItsAdapterHoldsTheDevice() {
        ViewUpdate update = ViewUpdates.of(event(new Disconnected(DisconnectReason.TIMEOUT, null)));
        assertEquals(Map.of("online", "0"), update.fields());
        assertEquals("bridge-7", update.onlyIfAdapter());
        assertEquals("TIMEOUT", update.change().reason());
    }

    @Test
    void replacedConnectionDoesNotTakeTheDeviceOffline() {
        assertFalse(ViewUpdates.of(event(new Disconnected(DisconnectReason.REPLACED, null))).guarded());
    }

    @Test
    void connectorStatusIsOrderedByTheDevicesOwnTimestampPerConnector() {
        ViewUpdate update = ViewUpdates.of(event(new ConnectorStatusChanged(EvseId.of(2), ConnectorId.of(1),
                ConnectorStatus.FAULTED, "GroundFailure", null, MEASURED)));
        assertEquals("c:2/1:at", update.guardField());
        assertEquals(MEASURED.toEpochMilli(), update.guardTime());
        assertEquals(Map.of("c:2/1:status", "FAULTED", "c:2/1:error", "GroundFailure"), update.fields());
        assertEquals(StatusChange.Kind.CONNECTOR, update.change().kind());
    }

    @Test
    void meterSampleUpdatesPowerAndEnergyWithoutAStatusChange() {
        ViewUpdate update = ViewUpdates.of(event(new MeterSample(null, null, null, MEASURED,
                Energy.ofMilliwattHours(42_000), Power.ofWatts(-500), null, null, null, MeterContext.SAMPLE_PERIODIC)));
        assertEquals("m:station:at", update.guardField());
        assertEquals(Map.of("m:station:energyMwh", "42000", "m:station:powerW", "-500"), update.fields());
        assertNull(update.change());
    }

    @Test
    void viewIsReadBackPerLocation() {
        Map<String, String> hash = new HashMap<>();
        hash.put("online", "1");
        hash.put("adapter", "bridge-7");
        hash.put("lastSeen", Long.toString(SENT.toEpochMilli()));
        hash.put("c:2/1:status", "CHARGING");
        hash.put("c:2/1:error", "");
        hash.put("c:2/1:at", Long.toString(MEASURED.toEpochMilli()));
        hash.put("c:2/1:at#id", "e-1");
        hash.put("c:station:status", "AVAILABLE");
        hash.put("c:station:at", "0");
        hash.put("m:2:energyMwh", "7");
        LiveView view = LiveView.of(UUID.randomUUID(), "CP-1", hash);
        assertTrue(view.online());
        assertEquals(SENT, view.lastSeen());
        assertEquals(List.of(new LiveView.Connector(null, null, "AVAILABLE", null, Instant.EPOCH),
                new LiveView.Connector(2, 1, "CHARGING", null, MEASURED)), view.connectors());
        assertEquals(List.of(new LiveView.Meter(2, null, null, 7L, null)), view.meters());
    }
}
