package io.chargeplane.tools.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.testkit.server.MqttBroker;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The burst: 5,000 chargers connect and boot at the same moment against the packaged bridge (its own
 * JVM) on a real HiveMQ CE broker, and every BootNotification is answered. Completeness, not speed: the only
 * time bound is a generous overall timeout.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BootBurstIT {

    private static final int BURST = 5_000;
    private static final String PASSWORD = "burst-secret";

    private static MqttBroker broker;
    private static Process bridge;
    private static Path work;
    private static int ocppPort;

    @BeforeAll
    static void startBrokerAndBridge() throws Exception {
        broker = new MqttBroker(MqttBroker.Options.defaults()).start();
        work = Files.createTempDirectory("boot-burst-it");
        Path stations = work.resolve("stations.properties");
        // Both versions' stations; PBKDF2 at the bridge's minimum work factor, so the test measures completeness
        // of the burst rather than 10,000 deliberate password derivations on two cores.
        CredentialsFile.write(stations, settings("1.6", 1, 2 * BURST), "bench", 1_000);
        ocppPort = freePort();
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dchargeplane.bridge.protocols=ocpp",
                "-Dchargeplane.bridge.instance-id=boot-burst-it",
                "-Dchargeplane.bridge.mqtt.host=127.0.0.1",
                "-Dchargeplane.bridge.mqtt.port=" + broker.port(),
                "-Dchargeplane.bridge.credentials.file=" + stations,
                "-Dchargeplane.bridge.ocpp.host=127.0.0.1",
                "-Dchargeplane.bridge.ocpp.port=" + ocppPort,
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-jar", bridgeJar().toString()));
        bridge = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("bridge.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> bridge.destroyForcibly()));
        awaitReady(httpPort);
    }

    @AfterAll
    static void stopEverything() throws Exception {
        try {
            if (bridge != null) {
                bridge.destroy();
                if (!bridge.waitFor(40, TimeUnit.SECONDS)) {
                    bridge.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        } finally {
            if (broker != null) {
                broker.stop();
            }
            if (work != null) {
                try (Stream<Path> files = Files.walk(work)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    @Test
    void everyOcpp16ChargerOfA5000BurstGetsItsBootNotificationAnswered() throws Exception {
        assertWholeBurstAnswered(settings("1.6", 1, BURST));
    }

    @Test
    void everyOcpp201ChargerOfA5000BurstGetsItsBootNotificationAnswered() throws Exception {
        assertWholeBurstAnswered(settings("2.0.1", BURST + 1, BURST));
    }

    private static void assertWholeBurstAnswered(Settings settings) throws Exception {
        PhaseResult burst;
        try (Fleet fleet = Fleet.open(settings, null)) {
            burst = fleet.connectAll(Scenario.BOOT_BURST.id());
        }
        String seen = "answered " + burst.answered() + ", failures " + burst.failures() + ", elapsed "
                + burst.elapsedMillis() + " ms";
        assertEquals(BURST, burst.attempted(), seen);
        assertEquals(0, burst.failed(), seen);
        assertEquals(BURST, burst.answered(), seen);
        assertEquals(BURST, burst.accepted(), seen);
        assertEquals(BURST, burst.histogram().getTotalCount(), seen);
    }

    private static Settings settings(String version, int first, int chargers) {
        return Settings.parse(List.of("--port", Integer.toString(ocppPort), "--version", version,
                "--chargers", Integer.toString(chargers), "--first-station", Integer.toString(first),
                "--password", PASSWORD, "--call-timeout", "90", "--scenario", Scenario.BOOT_BURST.id()));
    }

    private static Path bridgeJar() {
        String configured = System.getProperty("chargeplane.loadgen.bridge-jar");
        if (configured != null && Files.isRegularFile(Path.of(configured))) {
            return Path.of(configured);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("mqtt-bridge/bridge-app/target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("the packaged bridge is missing: mvn -B -pl mqtt-bridge/bridge-app -am install -DskipTests");
    }

    private static void awaitReady(int httpPort) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(bridge.isAlive(), () -> "bridge exited:\n" + log());
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("bridge not ready within 90 s:\n" + log());
    }

    private static String log() {
        try {
            List<String> lines = Files.readAllLines(work.resolve("bridge.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
