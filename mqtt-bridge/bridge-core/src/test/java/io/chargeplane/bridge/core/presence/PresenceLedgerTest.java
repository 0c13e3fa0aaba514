package io.chargeplane.bridge.core.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.presence.PresenceLedger.Orphan;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.DevicePresence;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PresenceLedgerTest {

    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");
    private static final AdapterInstanceId A = AdapterInstanceId.of("bridge-a");
    private static final AdapterInstanceId B = AdapterInstanceId.of("bridge-b");
    private static final DeviceAddress D1 = DeviceAddress.of("acme", "CP-1");
    private static final DeviceAddress D2 = DeviceAddress.of("acme", "CP-2");
    private static final DeviceAddress D3 = DeviceAddress.of("other", "CP-3");

    private final PresenceLedger ledger = new PresenceLedger(2);

    @Test
    void instanceGoingOfflineReleasesEveryDeviceItStillHeld() {
        ledger.onDevicePresence(D1, online(A));
        ledger.onDevicePresence(D2, online(A));
        ledger.onDevicePresence(D3, online(B));

        List<Orphan> orphans = ledger.onAdapterPresence(AdapterPresence.lastWill(A, null));

        assertEquals(Set.of(D1, D2), addresses(orphans));
        assertEquals(A, orphans.get(0).adapter());
        assertEquals(Protocol.OCPP_1_6, orphans.get(0).protocol());
        assertEquals(T0, orphans.get(0).onlineSince());
        assertEquals(1, ledger.onlineDevices(), "released devices are forgotten, the other instance's stays");
        assertEquals(List.of(), ledger.onAdapterPresence(AdapterPresence.lastWill(A, null)), "nothing twice");
    }

    @Test
    void deviceThatReconnectedElsewhereIsLeftAlone() {
        ledger.onDevicePresence(D1, online(A));
        ledger.onDevicePresence(D1, online(B));

        assertEquals(List.of(), ledger.onAdapterPresence(AdapterPresence.lastWill(A, null)));
        assertEquals(B, ledger.holderOf(D1).orElseThrow());
    }

    @Test
    void deviceAlreadyOfflineIsNotReleasedAgain() {
        ledger.onDevicePresence(D1, online(A));
        ledger.onDevicePresence(D1, DevicePresence.offline(T0.plusSeconds(5)));

        assertEquals(List.of(), ledger.onAdapterPresence(AdapterPresence.lastWill(A, null)));
        assertEquals(0, ledger.onlineDevices());
    }

    @Test
    void devicePresenceArrivingAfterItsInstanceDiedIsAnOrphanAtOnce() {
        // Retained messages reach a new subscriber in any order: the will may come before the device.
        ledger.onAdapterPresence(AdapterPresence.lastWill(A, null));

        assertEquals(D1, ledger.onDevicePresence(D1, online(A)).orElseThrow().address());
        assertTrue(ledger.onDevicePresence(D2, online(B)).isEmpty());
        assertEquals(1, ledger.onlineDevices());
    }

    @Test
    void instanceBackOnlineUnderTheSameIdHoldsDevicesAgain() {
        ledger.onAdapterPresence(AdapterPresence.lastWill(A, null));
        ledger.onAdapterPresence(AdapterPresence.online(A, null, T0.plusSeconds(60), 0));

        assertTrue(ledger.onDevicePresence(D1, online(A)).isEmpty());
        assertEquals(A, ledger.holderOf(D1).orElseThrow());
    }

    @Test
    void onlineAdapterPresenceReleasesNothing() {
        ledger.onDevicePresence(D1, online(A));

        assertEquals(List.of(), ledger.onAdapterPresence(AdapterPresence.online(A, null, T0, 1)));
        assertEquals(A, ledger.holderOf(D1).orElseThrow());
    }

    @Test
    void remembersOnlyTheNewestDeadInstances() {
        AdapterInstanceId c = AdapterInstanceId.of("bridge-c");
        ledger.onAdapterPresence(AdapterPresence.lastWill(A, null));
        ledger.onAdapterPresence(AdapterPresence.lastWill(B, null));
        ledger.onAdapterPresence(AdapterPresence.lastWill(c, null));

        assertTrue(ledger.onDevicePresence(D1, online(A)).isEmpty(), "A was forgotten (capacity 2)");
        assertTrue(ledger.onDevicePresence(D2, online(c)).isPresent());
    }

    @Test
    void everyReaperDerivesTheSameEventIdForOneRelease() {
        Orphan orphan = new Orphan(D1, A, Protocol.OCPP_1_6, T0);

        assertEquals(PresenceReaper.eventId(orphan), PresenceReaper.eventId(new Orphan(D1, A, null, T0)));
        assertTrue(!PresenceReaper.eventId(orphan).equals(PresenceReaper.eventId(new Orphan(D1, A, null, T0.plusSeconds(1)))),
                "a later session of the device released from the same instance is another disconnect");
    }

    private static DevicePresence online(AdapterInstanceId adapter) {
        return DevicePresence.online(adapter, Protocol.OCPP_1_6, T0);
    }

    private static Set<DeviceAddress> addresses(List<Orphan> orphans) {
        return orphans.stream().map(Orphan::address).collect(Collectors.toSet());
    }
}
