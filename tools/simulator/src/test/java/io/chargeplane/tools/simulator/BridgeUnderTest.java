package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.PasswordHash;
import io.chargeplane.testkit.server.MqttBroker;
import java.io.IOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real thing the simulator talks to: a HiveMQ CE broker from the test kit and the packaged bridge
 * (bridge-app's quarkus-run.jar) in its own JVM, with the stations' credentials in its file store.
 */
final class BridgeUnderTest implements AutoCloseable {

    final MqttBroker broker;
    final int ocppPort;
    private final Process bridge;
    private final Path work;

    private BridgeUnderTest(MqttBroker broker, int ocppPort, Process bridge, Path work) {
        this.broker = broker;
        this.ocppPort = ocppPort;
        this.bridge = bridge;
        this.work = work;
    }

    /**
     * @param tenant the tenant every station belongs to
     * @param offlinePolicy how the bridge answers Authorize when the platform does not ({@code accept} here: no
     *                      charging-service runs in these tests)
     */
    static BridgeUnderTest start(List<StationSpec> stations, String tenant, String offlinePolicy) throws Exception {
        MqttBroker broker = new MqttBroker(MqttBroker.Options.defaults()).start();
        Path work = Files.createTempDirectory("simulator-it");
        Path credentials = work.resolve("stations.properties");
        try (Writer out = Files.newBufferedWriter(credentials, StandardCharsets.UTF_8)) {
            for (StationSpec s : stations) {
                // The bridge's minimum work factor: the tests are about the simulator, not about PBKDF2.
                String hash = PasswordHash.create(s.password().getBytes(StandardCharsets.UTF_8), 1_000).format();
                out.write(s.id() + ".tenant=" + tenant + "\n" + s.id() + ".password-hash=" + hash + "\n");
            }
        }
        int ocppPort = freePort();
        int httpPort = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dchargeplane.bridge.protocols=ocpp",
                "-Dchargeplane.bridge.instance-id=simulator-it",
                "-Dchargeplane.bridge.mqtt.host=127.0.0.1",
                "-Dchargeplane.bridge.mqtt.port=" + broker.port(),
                "-Dchargeplane.bridge.credentials.file=" + credentials,
                "-Dchargeplane.bridge.request.offline-policy=" + offlinePolicy,
                "-Dchargeplane.bridge.request.timeout=1s",
                "-Dchargeplane.bridge.ocpp.host=127.0.0.1",
                "-Dchargeplane.bridge.ocpp.port=" + ocppPort,
                "-Dchargeplane.bridge.ocpp.heartbeat-interval=20s",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + httpPort,
                "-jar", bridgeJar().toString()));
        Process bridge = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("bridge.log").toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(bridge::destroyForcibly));
        BridgeUnderTest started = new BridgeUnderTest(broker, ocppPort, bridge, work);
        started.awaitReady(httpPort);
        return started;
    }

    URI ocppUrl() {
        return URI.create("ws://127.0.0.1:" + ocppPort + "/ocpp");
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(work.resolve("bridge.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    @Override
    public void close() throws Exception {
        try {
            bridge.destroy();
            if (!bridge.waitFor(40, TimeUnit.SECONDS)) {
                bridge.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            broker.stop();
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private void awaitReady(int httpPort) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            assertTrue(bridge.isAlive(), () -> "bridge exited:\n" + logTail());
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("bridge not ready within 90 s:\n" + logTail());
    }

    private static Path bridgeJar() {
        String configured = System.getProperty("chargeplane.simulator.bridge-jar");
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

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
