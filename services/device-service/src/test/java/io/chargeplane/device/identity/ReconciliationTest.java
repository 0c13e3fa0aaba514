package io.chargeplane.device.identity;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReconciliationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(10);

    private static DeviceIdentities.Desired device(String identity, boolean enabled) {
        return new DeviceIdentities.Desired("acme", identity, "ocpp1.6", enabled);
    }

    private static Reconciliation.Client client(String identity, boolean enabled, Instant created) {
        Map<String, String> attributes = new HashMap<>(Map.of("chargeplane.tenant", "acme",
                "chargeplane.device", identity, "chargeplane.protocol", "ocpp1.6"));
        if (created != null) {
            attributes.put("chargeplane.created-at", created.toString());
        }
        return new Reconciliation.Client("kc-" + identity, "device-" + identity, enabled, attributes);
    }

    @Test
    void matchingDevicesAndClientsNeedNothing() {
        assertEquals(List.of(), Reconciliation.plan(List.of(device("A", true), device("B", false)),
                List.of(client("A", true, NOW), client("B", false, NOW)), NOW, GRACE));
    }

    @Test
    void enabledClientOfABlockedDeviceIsDisabled() {
        assertEquals(List.of(new Reconciliation.Repair("kc-A", device("A", false))),
                Reconciliation.plan(List.of(device("A", false)), List.of(client("A", true, NOW)), NOW, GRACE));
    }

    @Test
    void disabledClientOfAnEnabledDeviceIsOnlyReported() {
        List<Reconciliation.Action> plan = Reconciliation.plan(List.of(device("A", true)),
                List.of(client("A", false, NOW)), NOW, GRACE);
        assertEquals(1, plan.size());
        assertEquals("A", ((Reconciliation.Report) plan.getFirst()).identity());
    }

    @Test
    void changedAttributesAreRewritten() {
        DeviceIdentities.Desired moved = new DeviceIdentities.Desired("acme", "A", "ocpp2.0.1", true);
        assertEquals(List.of(new Reconciliation.Repair("kc-A", moved)),
                Reconciliation.plan(List.of(moved), List.of(client("A", true, NOW)), NOW, GRACE));
    }

    @Test
    void deviceWithoutClientIsReported() {
        List<Reconciliation.Action> plan = Reconciliation.plan(List.of(device("A", true)), List.of(), NOW, GRACE);
        assertEquals(Reconciliation.Report.class, plan.getFirst().getClass());
    }

    @Test
    void orphanIsDeletedOnlyAfterTheGracePeriod() {
        Reconciliation.Client old = client("OLD", true, NOW.minus(GRACE).minusSeconds(1));
        Reconciliation.Client young = client("YOUNG", true, NOW.minusSeconds(5));
        assertEquals(List.of(new Reconciliation.DeleteOrphan("kc-OLD", "device-OLD")),
                Reconciliation.plan(List.of(), List.of(old, young), NOW, GRACE));
    }

    @Test
    void orphanWithoutCreationTimeIsDeletedOnlyWhenDisabled() {
        assertEquals(List.of(new Reconciliation.DeleteOrphan("kc-X", "device-X")),
                Reconciliation.plan(List.of(), List.of(client("X", false, null), client("Y", true, null)), NOW, GRACE));
    }

    @Test
    void clientsThatAreNotDeviceIdentitiesAreIgnored() {
        Reconciliation.Client service = new Reconciliation.Client("kc-s", "device-service", true, Map.of());
        assertEquals(List.of(), Reconciliation.plan(List.of(), List.of(service), NOW, GRACE));
    }
}
