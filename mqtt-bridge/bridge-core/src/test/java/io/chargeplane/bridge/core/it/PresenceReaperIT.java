package io.chargeplane.bridge.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.presence.PresenceReaper;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.topic.DevicePresence;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.server.SharedServices;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * A bridge JVM holding three devices is killed with SIGKILL; one of its devices has meanwhile reconnected
 * through another instance. Two reapers (as two pumps would run) mark the other two offline and publish their
 * {@code disconnected} events, with one id per device between them; the moved device stays online.
 */
class PresenceReaperIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void killedBridgeLeavesEveryDeviceItStillHeldOfflineOnTheBus() throws Exception {
        int port = SharedServices.mqtt().port();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String instance = "crash-" + run;
        String tenant = "reap" + run;
        DeviceAddress d1 = DeviceAddress.of(tenant, "CP-1");
        DeviceAddress d2 = DeviceAddress.of(tenant, "CP-2");
        DeviceAddress moved = DeviceAddress.of(tenant, "CP-3");
        AdapterInstanceId dead = AdapterInstanceId.of(instance);
        BridgeConfig.Mqtt mqtt = TestBridge.config(port, Map.of()).mqtt();
        PresenceReaper first = new PresenceReaper(mqtt, "reaper-1-" + run, BusProbe.CODEC, Clock.systemUTC());
        PresenceReaper second = new PresenceReaper(mqtt, "reaper-2-" + run, BusProbe.CODEC, Clock.systemUTC());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = null;
        TestBridge other = null;
        try (BusProbe probe = BusProbe.connect(port, disconnectedTopic(d1), disconnectedTopic(d2),
                disconnectedTopic(moved))) {
            first.start();
            second.start();
            awaitTrue(() -> first.isSubscribed() && second.isSubscribed(), "reapers subscribed");
            child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    CrashingBridgeMain.class.getName(), Integer.toString(port), instance, tenant,
                    "CP-1", "CP-2", "CP-3")
                    .redirectErrorStream(true).start();
            AdapterLastWillIT.awaitLine(child, CrashingBridgeMain.READY);

            other = TestBridge.start(port);
            other.registry.attach(moved, Protocol.OCPP_1_6, new RecordingEndpoint("other"))
                    .await().atMost(WAIT);
            AdapterInstanceId alive = other.instance;
            for (PresenceReaper reaper : List.of(first, second)) {
                awaitTrue(() -> reaper.holderOf(d1).equals(Optional.of(dead))
                        && reaper.holderOf(d2).equals(Optional.of(dead))
                        && reaper.holderOf(moved).equals(Optional.of(alive)), "reapers saw every presence");
            }

            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));

            for (DeviceAddress address : List.of(d1, d2)) {
                List<CanonicalEvent<Disconnected>> events = disconnectedEvents(probe, address);
                CanonicalEvent<Disconnected> event = events.get(0);
                assertEquals(DisconnectReason.ADAPTER_LOST, event.data().reason());
                assertEquals(dead, event.adapter(), "the event names the instance that held the device");
                assertEquals(Protocol.OCPP_1_6, event.protocol());
                assertEquals(1, events.stream().map(CanonicalEvent::id).distinct().count(),
                        "every reaper publishes one id per release: " + events);
            }
            probe.assertNone(disconnectedTopic(moved), publish -> true, Duration.ofSeconds(2));
        } finally {
            if (child != null) {
                child.destroyForcibly();
            }
            first.stop(Duration.ofSeconds(5));
            second.stop(Duration.ofSeconds(5));
        }
        try (BusProbe late = BusProbe.connect(port, presenceTopic(d1), presenceTopic(d2), presenceTopic(moved))) {
            assertFalse(presence(late, d1).online(), "retained presence of a released device is offline");
            assertFalse(presence(late, d2).online());
            DevicePresence stillOnline = presence(late, moved);
            assertTrue(stillOnline.online(), "a device that reconnected elsewhere stays online");
            assertEquals(other.instance, stillOnline.adapter());
        } finally {
            other.close();
        }
    }

    /** Every {@code disconnected} of the device that arrives within a short while of the first. */
    private static List<CanonicalEvent<Disconnected>> disconnectedEvents(BusProbe probe, DeviceAddress address) {
        List<CanonicalEvent<Disconnected>> events = new ArrayList<>();
        events.add(read(probe.await(disconnectedTopic(address), WAIT)));
        while (true) {
            try {
                events.add(read(probe.await(disconnectedTopic(address), Duration.ofSeconds(2))));
            } catch (AssertionError none) {
                return events;
            }
        }
    }

    private static CanonicalEvent<Disconnected> read(Mqtt5Publish publish) {
        return BusProbe.CODEC.readStructured(publish.getPayloadAsBytes(), Disconnected.class);
    }

    private static DevicePresence presence(BusProbe probe, DeviceAddress address) {
        return BusProbe.CODEC.readJson(probe.await(presenceTopic(address), WAIT).getPayloadAsBytes(),
                DevicePresence.class);
    }

    private static String disconnectedTopic(DeviceAddress address) {
        return Topics.event(address.tenant(), address.device(), Disconnected.NAME);
    }

    private static String presenceTopic(DeviceAddress address) {
        return Topics.devicePresence(address.tenant(), address.device());
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
