package io.chargeplane.model.topic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.model.Fixtures;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.AdapterInstanceId;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PresenceTest {

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();
    private final AdapterInstanceId adapter = AdapterInstanceId.of("bridge-ykc-2");

    @Test
    void devicePresenceRoundTripsAsPlainJson() {
        DevicePresence online = DevicePresence.online(adapter, Protocol.YKC, Fixtures.T0);
        DevicePresence offline = DevicePresence.offline(Fixtures.T0);

        assertEquals(online, codec.readJson(codec.writeJson(online), DevicePresence.class));
        assertEquals(offline, codec.readJson(codec.writeJson(offline), DevicePresence.class));
        assertEquals("{\"online\":false,\"since\":\"2026-11-25T08:00:00Z\"}",
                new String(codec.writeJson(offline), StandardCharsets.UTF_8));
    }

    @Test
    void onlineDevicePresenceNamesItsAdapter() {
        assertEquals("adapter: is required", assertThrows(ModelValidationException.class,
                () -> new DevicePresence(true, null, null, Fixtures.T0)).getMessage());
    }

    @Test
    void adapterLastWillIsOfflineWithoutATime() {
        AdapterPresence will = AdapterPresence.lastWill(adapter, Protocol.YKC);

        assertEquals(will, codec.readJson(codec.writeJson(will), AdapterPresence.class));
        assertEquals(false, will.online());
        AdapterPresence online = AdapterPresence.online(adapter, Protocol.YKC, Fixtures.T0, 1_200);
        assertEquals(online, codec.readJson(codec.writeJson(online), AdapterPresence.class));
    }

    @Test
    void readingPresenceNamesTheBadField() {
        ModelValidationException e = assertThrows(ModelValidationException.class, () -> codec.readJson(
                "{\"online\":true,\"adapter\":\"a/b\",\"since\":\"2026-11-25T08:00:00Z\"}".getBytes(StandardCharsets.UTF_8),
                DevicePresence.class));

        assertEquals("adapter", e.field());
    }
}
