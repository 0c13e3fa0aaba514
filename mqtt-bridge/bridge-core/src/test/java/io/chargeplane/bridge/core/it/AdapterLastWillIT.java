package io.chargeplane.bridge.core.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.DevicePresence;
import io.chargeplane.model.topic.Topics;
import io.chargeplane.testkit.server.SharedServices;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A bridge process that dies without a DISCONNECT (SIGKILL: the kernel closes its socket, nothing runs in
 * the JVM) leaves its last will: the adapter presence flips to offline, and the devices whose presence names
 * that instance can be marked offline by whoever watches.
 */
class AdapterLastWillIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void killedBridgeLeavesItsAdapterPresenceOfflineThroughTheLastWill() throws Exception {
        int port = SharedServices.mqtt().port();
        String instance = "crash-" + UUID.randomUUID().toString().substring(0, 8);
        String device = "CP-" + UUID.randomUUID().toString().substring(0, 8);
        String adapterTopic = Topics.adapterPresence(AdapterInstanceId.of(instance));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashingBridgeMain.class.getName(), Integer.toString(port), instance, "acme", device)
                .redirectErrorStream(true).start();
        try (BusProbe probe = BusProbe.connect(port, adapterTopic)) {
            awaitLine(child, CrashingBridgeMain.READY);
            assertTrue(BusProbe.CODEC.readJson(probe.await(adapterTopic, WAIT).getPayloadAsBytes(),
                    AdapterPresence.class).online());

            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));

            AdapterPresence will = BusProbe.CODEC.readJson(
                    probe.await(adapterTopic, p -> true, WAIT).getPayloadAsBytes(), AdapterPresence.class);
            assertFalse(will.online());
        } finally {
            child.destroyForcibly();
        }
        String devicePresence = Topics.devicePresence(io.chargeplane.model.id.TenantId.of("acme"),
                io.chargeplane.model.id.DeviceId.of(device));
        try (BusProbe late = BusProbe.connect(port, adapterTopic, devicePresence)) {
            assertFalse(BusProbe.CODEC.readJson(late.await(adapterTopic, WAIT).getPayloadAsBytes(),
                    AdapterPresence.class).online(), "the will is retained for consumers that start later");
            DevicePresence stale = BusProbe.CODEC.readJson(late.await(devicePresence, WAIT).getPayloadAsBytes(),
                    DevicePresence.class);
            assertEquals(instance, stale.adapter().value(), "device presence names the dead instance");
        }
    }

    static void awaitLine(Process process, String expected) throws Exception {
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String line = reader.readLine();
            if (line == null) {
                throw new AssertionError("child bridge exited early:\n" + output);
            }
            output.append(line).append('\n');
            if (line.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("child bridge not ready in time:\n" + output);
    }
}
