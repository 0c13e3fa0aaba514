package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.command.StartCharging;
import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.StopReason;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.tools.loadgen.OcppDialect;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A simulated fleet of OCPP 1.6J and 2.0.1 chargers against the packaged bridge on a real HiveMQ CE broker,
 * observed from the platform's side of the bus. No charging-service runs: the bridge's offline policy
 * ({@code accept}) answers Authorize, and this test answers {@code start_transaction} as the platform would.
 * Each test uses its own pair of chargers (one per version), so the tests do not disturb each other.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FleetIT {

    private static final TenantId TENANT = TenantId.of("sim-it");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TAG = "SIM-TAG-0007";

    /** A fleet with drivers arriving and every fault at a high rate. */
    private static final List<StationSpec> BUSY = FleetSettings.generated("BUSY-", 6, "mixed", 2,
            "busy-fleet-secret-01");

    private static BridgeUnderTest bridge;
    private static PlatformSide platform;
    private static Fleet fleet;

    @BeforeAll
    static void startBridgeAndFleet() throws Exception {
        List<StationSpec> stations = new ArrayList<>();
        for (String use : List.of("BOOT", "LOCAL", "REMOTE", "REBOOT", "DROP")) {
            stations.add(new StationSpec("V16-" + use, "v16-" + use.toLowerCase() + "-secret-01", OcppDialect.OCPP16, 2));
            stations.add(new StationSpec("V201-" + use, "v201-" + use.toLowerCase() + "-secret-01", OcppDialect.OCPP201, 2));
        }
        List<StationSpec> all = new ArrayList<>(stations);
        all.addAll(BUSY);
        bridge = BridgeUnderTest.start(all, TENANT.value(), "accept");
        platform = new PlatformSide("127.0.0.1", bridge.broker.port(), TENANT);
        fleet = Fleet.start(FleetSettings.builder()
                .bridgeUrl(bridge.ocppUrl())
                .stations(stations)
                .arrivalsPerHour(0)
                .sessionLength(new SessionLength.Fixed(Duration.ofSeconds(8)))
                .powerKw(22)
                .meterInterval(Duration.ofSeconds(2))
                .downtime(Duration.ofSeconds(2))
                .plugOutDelay(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(10))
                .seed(2026)
                .build());
        assertTrue(fleet.awaitBooted(Duration.ofSeconds(60)),
                () -> "not all booted: " + fleet.status() + "\n" + bridge.logTail());
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (fleet != null) {
                fleet.stop();
            }
            if (platform != null) {
                platform.close();
            }
        } finally {
            if (bridge != null) {
                bridge.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"V16-BOOT", "V201-BOOT"})
    void chargersOfBothVersionsBootAndReportEveryConnectorAvailableOnTheBus(String station) {
        platform.await(station, seen -> seen.stream().anyMatch(s -> Boolean.TRUE.equals(s.online())), WAIT,
                "presence online");
        Booted booted = platform.awaitEvents(station, Booted.class, 1, WAIT).get(0);
        assertEquals("Simulator", booted.model());
        assertEquals(station, booted.serialNumber());
        platform.await(station, seen -> availableEvses(seen).containsAll(List.of(1, 2)), WAIT,
                "connector_status AVAILABLE on EVSEs 1 and 2");
        assertTrue(fleet.view(station).booted());
    }

    @ParameterizedTest
    @ValueSource(strings = {"V16-LOCAL", "V201-LOCAL"})
    void aLocalRfidSessionRunsFromAuthorizeToStopWithConsistentEnergy(String station) {
        assertTrue(fleet.plugIn(station, 1, TAG));

        TransactionStarted started = platform.awaitEvents(station, TransactionStarted.class, 1, WAIT).get(0);
        assertEquals(TAG, started.idToken().value());
        assertEquals(1, started.evse().value());
        String tx = started.transaction().deviceTransactionId();

        TransactionEnded ended = platform.awaitEvents(station, TransactionEnded.class, 1, WAIT).get(0);
        assertEquals(tx, ended.transaction().deviceTransactionId());
        assertEquals(StopReason.LOCAL, ended.stopReason());
        assertEquals(started.meterStart(), ended.meterStart());
        long delivered = ended.meterStop().milliwattHours() - ended.meterStart().milliwattHours();
        // 22 kW for the 8 s session: about 49 Wh; whole Wh on the wire, so a multiple of 1,000 mWh
        assertTrue(delivered > 20_000 && delivered < 80_000, "delivered " + delivered + " mWh");
        assertEquals(0, delivered % 1_000);

        List<Long> registers = platform.events(station, MeterSample.class).stream()
                .filter(m -> m.transaction() != null && tx.equals(m.transaction().deviceTransactionId()))
                .map(m -> m.energyRegister().milliwattHours()).toList();
        assertTrue(registers.size() >= 3, "meter samples " + registers);
        for (int i = 1; i < registers.size(); i++) {
            assertTrue(registers.get(i) >= registers.get(i - 1), "registers go down: " + registers);
        }
        assertTrue(registers.get(0) >= ended.meterStart().milliwattHours());
        assertEquals(ended.meterStop().milliwattHours(), registers.get(registers.size() - 1));
        assertEquals(ended.meterStop().milliwattHours(), fleet.view(station).connector(1).registerWh() * 1_000);
        platform.await(station, seen -> lastStatus(seen, 1) == ConnectorStatus.AVAILABLE, WAIT,
                "EVSE 1 Available again after the car left");
    }

    @ParameterizedTest
    @ValueSource(strings = {"V16-REMOTE", "V201-REMOTE"})
    void aStartChargingCommandStartsATransactionOnTheSimulatedCharger(String station) {
        platform.await(station, seen -> availableEvses(seen).contains(2), WAIT, "EVSE 2 available");
        CommandRequest command = platform.command(station, new StartCharging(EvseId.of(2), ConnectorId.of(1),
                new IdToken("REMOTE-0042", IdTokenType.RFID), null));

        platform.await(station, seen -> seen.stream().anyMatch(s -> s.result() != null
                && s.result().correlationId().equals(command.correlationId())
                && s.result().status() == CommandStatus.ACCEPTED), WAIT, "start_charging ACCEPTED");
        TransactionStarted started = platform.awaitEvents(station, TransactionStarted.class, 1, WAIT).get(0);
        assertEquals("REMOTE-0042", started.idToken().value());
        assertEquals(2, started.evse().value());
        // The bridge publishes the start before the charger has the answer with the id: wait for the charger.
        eventually(() -> started.transaction().deviceTransactionId().equals(fleet.view(station).connector(2).transactionId()),
                "the charger runs the transaction the bus announced");
        TransactionEnded ended = platform.awaitEvents(station, TransactionEnded.class, 1, WAIT).get(0);
        assertEquals(started.transaction().deviceTransactionId(), ended.transaction().deviceTransactionId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"V16-REBOOT", "V201-REBOOT"})
    void aRebootEndsTheSessionReconnectsAndBootsAgainWithTheRegisterKept(String station) {
        platform.awaitEvents(station, Booted.class, 1, WAIT);
        assertTrue(fleet.plugIn(station, 1, TAG));
        platform.awaitEvents(station, TransactionStarted.class, 1, WAIT);
        platform.awaitEvents(station, MeterSample.class, 1, WAIT);

        fleet.inject(station, FaultKind.REBOOT);

        TransactionEnded ended = platform.awaitEvents(station, TransactionEnded.class, 1, WAIT).get(0);
        assertEquals(StopReason.REBOOT, ended.stopReason());
        platform.awaitEvents(station, Disconnected.class, 1, WAIT);
        platform.awaitEvents(station, Booted.class, 2, WAIT);
        eventually(() -> fleet.view(station).bootCount() == 2, "the charger got its second boot accepted");
        ChargerView after = fleet.view(station);
        assertEquals(ended.meterStop().milliwattHours(), after.connector(1).registerWh() * 1_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"V16-DROP", "V201-DROP"})
    void aDroppedConnectionTakesTheDeviceOfflineAndItComesBackOnline(String station) {
        platform.await(station, seen -> Boolean.TRUE.equals(lastPresence(seen)), WAIT, "presence online");

        fleet.inject(station, FaultKind.DISCONNECT);

        platform.await(station, seen -> Boolean.FALSE.equals(lastPresence(seen)), WAIT, "presence offline");
        platform.await(station, seen -> Boolean.TRUE.equals(lastPresence(seen)), WAIT, "presence online again");
        platform.awaitEvents(station, Booted.class, 2, WAIT);
        eventually(() -> fleet.view(station).booted() && fleet.view(station).bootCount() == 2,
                "the charger is booted again");
    }

    @Test
    void theFleetCountersAddUp() throws InterruptedException {
        assertTrue(fleet.await(s -> s.bootsAccepted() >= 10, WAIT));
        FleetStatus status = fleet.status();
        assertEquals(10, status.chargers());
        assertEquals(0, status.callTimeouts(), status::toString);
        assertTrue(status.line(fleet.elapsed()).contains("booted"));
    }

    @Test
    void aBusyFleetWithEveryFaultLosesNoTransactionAndNoEnergy() throws Exception {
        FleetSettings settings = FleetSettings.builder()
                .bridgeUrl(bridge.ocppUrl())
                .stations(BUSY)
                .arrivalsPerHour(900)                   // a driver every 4 s per charger, on average
                .sessionLength(new SessionLength.Uniform(Duration.ofSeconds(3), Duration.ofSeconds(9)))
                .powerKw(50)
                .meterInterval(Duration.ofSeconds(1))
                .disconnectsPerHour(90).errorsPerHour(90).rebootsPerHour(90)
                .downtime(Duration.ofSeconds(2))
                .plugOutDelay(Duration.ofMillis(500))
                .callTimeout(Duration.ofSeconds(10))
                .seed(17)
                .build();
        Fleet busy = Fleet.start(settings);
        FleetStatus status;
        try {
            assertTrue(busy.awaitBooted(Duration.ofSeconds(30)), () -> busy.status().toString());
            Thread.sleep(45_000);
        } finally {
            busy.stop();
            status = busy.status();
        }
        String seen = status.summary(busy.elapsed());
        assertTrue(status.sessionsCompleted() >= 10, seen);
        assertTrue(status.disconnectFaults() > 0 && status.errorFaults() > 0 && status.rebootFaults() > 0, seen);
        assertEquals(0, status.sessionsActive(), seen);
        assertEquals(0, status.connected(), seen);
        assertEquals(0, status.callTimeouts(), seen);

        // Every completed session's stop reached the bus once its charger was back: the energy the chargers
        // counted equals what the platform's transaction_ended events say, to the mWh.
        eventually(() -> busEnergyMwh() == status.energyWh() * 1_000,
                () -> "bus energy " + busEnergyMwh() + " mWh = simulator " + status.energyWh() * 1_000 + " mWh; "
                        + seen + "\n" + transactionsOnTheBus());
    }

    private static long busEnergyMwh() {
        java.util.Map<String, Long> byTransaction = new java.util.HashMap<>();
        for (StationSpec s : BUSY) {
            for (TransactionEnded e : platform.events(s.id(), TransactionEnded.class)) {
                assertTrue(e.meterStop().compareTo(e.meterStart()) >= 0, e::toString);
                // A stop resent after a lost connection arrives twice (OCPP allows it); the bridge has forgotten
                // the transaction by then and reports the repeat from meterStop. Consumers keep the first.
                byTransaction.putIfAbsent(s.id() + "/" + e.transaction().deviceTransactionId(),
                        e.meterStop().milliwattHours() - e.meterStart().milliwattHours());
            }
        }
        return byTransaction.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Per transaction: start register, stop register and reason, for a failure message. */
    private static String transactionsOnTheBus() {
        StringBuilder out = new StringBuilder();
        for (StationSpec s : BUSY) {
            java.util.Map<String, Long> starts = new java.util.HashMap<>();
            platform.events(s.id(), TransactionStarted.class).forEach(t ->
                    starts.put(t.transaction().deviceTransactionId(), t.meterStart().milliwattHours()));
            for (TransactionEnded e : platform.events(s.id(), TransactionEnded.class)) {
                String tx = e.transaction().deviceTransactionId();
                out.append(s.id()).append(' ').append(tx).append(" started ").append(starts.get(tx))
                        .append(" ended ").append(e.meterStart().milliwattHours()).append("..")
                        .append(e.meterStop().milliwattHours()).append(' ').append(e.stopReason()).append('\n');
            }
            starts.keySet().removeAll(platform.events(s.id(), TransactionEnded.class).stream()
                    .map(e -> e.transaction().deviceTransactionId()).toList());
            if (!starts.isEmpty()) {
                out.append(s.id()).append(" never ended: ").append(starts).append('\n');
            }
        }
        return out.toString();
    }

    private static void eventually(java.util.function.BooleanSupplier condition, String what) {
        eventually(condition, () -> what);
    }

    private static void eventually(java.util.function.BooleanSupplier condition,
                                   java.util.function.Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what.get());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<Integer> availableEvses(List<PlatformSide.Seen> seen) {
        return seen.stream().map(PlatformSide.Seen::event).filter(ConnectorStatusChanged.class::isInstance)
                .map(ConnectorStatusChanged.class::cast).filter(c -> c.status() == ConnectorStatus.AVAILABLE)
                .map(c -> c.evse().value()).toList();
    }

    private static ConnectorStatus lastStatus(List<PlatformSide.Seen> seen, int evse) {
        ConnectorStatus last = null;
        for (PlatformSide.Seen s : seen) {
            if (s.event() instanceof ConnectorStatusChanged c && c.evse() != null && c.evse().value() == evse) {
                last = c.status();
            }
        }
        return last;
    }

    private static Boolean lastPresence(List<PlatformSide.Seen> seen) {
        Boolean last = null;
        for (PlatformSide.Seen s : seen) {
            if (s.online() != null) {
                last = s.online();
            }
        }
        return last;
    }
}
