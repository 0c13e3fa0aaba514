package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.KeycloakDistribution;
import io.chargeplane.testkit.server.Ports;
import io.chargeplane.tools.localstack.StackState.ComponentState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged launcher, run the way {@code ./chargeplane} runs it, on free ports and a temp data folder so it
 * never meets a developer's own stack: up, every component healthy, a demo user calls device-service through
 * Keycloak, then {@code down} from a second process leaves no process and no listening port.
 */
class LocalStackIT {

    private static final Duration UP_TIMEOUT = Duration.ofSeconds(300);

    @TempDir
    Path dataDir;

    private Process launcher;
    private final StringBuffer output = new StringBuffer();

    @AfterEach
    void killWhatIsLeft() {
        if (launcher != null && launcher.isAlive()) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
    }

    @Test
    void upStartsEveryComponentHealthyAndDownLeavesNoProcessNorPort() throws Exception {
        Map<String, Integer> ports = freePorts();
        launcher = launcher("up", "--fresh", ports).start();
        Thread reader = echoOutput(launcher);
        awaitAllHealthy();

        StackState state = StackState.read(dataDir.resolve("stack.json")).orElseThrow();
        List<String> names = state.components().stream().map(ComponentState::name).toList();
        assertTrue(names.containsAll(List.of("postgres", "kafka", "mqtt", "redis", "keycloak", "device-service", "bridge")),
                "components: " + names);
        for (ComponentState component : state.components()) {
            assertTrue(Health.probe(component.health()).up(), component.name() + " is not healthy");
        }
        assertEquals(0, run(launcher("status", false, ports)), "status of a healthy stack");

        demoUserListsDevices(ports);

        Set<ProcessHandle> processes = new HashSet<>(launcher.descendants().toList());
        processes.add(launcher.toHandle());
        state.components().forEach(c -> c.processes().forEach(ref -> ref.live().ifPresent(processes::add)));
        List<Integer> used = state.components().stream().flatMap(c -> c.ports().stream()).toList();

        assertEquals(0, run(launcher("down", false, ports)), "down");
        assertTrue(launcher.waitFor(30, TimeUnit.SECONDS), "launcher still running after down");
        reader.join(5000);
        assertTrue(output.toString().contains("stopping postgres"), output.toString());
        for (ProcessHandle process : processes) {
            assertFalse(process.isAlive(), "still running after down: " + process.pid() + " " + process.info().command());
        }
        for (int port : used) {
            assertFalse(Ports.isListening(port), "port " + port + " still listening after down");
        }
        assertFalse(Files.exists(dataDir.resolve("stack.json")), "stack.json left behind");
    }

    private void demoUserListsDevices(Map<String, Integer> ports) throws Exception {
        String realmUrl = "http://127.0.0.1:" + ports.get("keycloak") + "/realms/" + DemoRealm.REALM;
        String token = KeycloakTokens.forRealm(realmUrl).password("acme-admin", DemoRealm.password("acme-admin")).accessToken();
        HttpClient http = HttpClient.newHttpClient();
        URI devices = URI.create("http://127.0.0.1:" + ports.get("device-service") + "/api/v1/devices");
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(devices).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode(), "device-service must refuse a call without a token");
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(devices).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode(), listed.body());
        assertTrue(listed.body().contains("\"items\""), listed.body());
    }

    private void awaitAllHealthy() throws InterruptedException {
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (output.indexOf("all healthy in") >= 0) {
                return;
            }
            if (!launcher.isAlive()) {
                fail("launcher exited with " + launcher.exitValue() + ":\n" + output);
            }
            Thread.sleep(250);
        }
        fail("stack not healthy within " + UP_TIMEOUT.toSeconds() + " s:\n" + output);
    }

    /** One free port per name, all distinct. */
    private static Map<String, Integer> freePorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        Set<Integer> seen = new HashSet<>();
        for (String name : StackPorts.DEFAULTS.keySet()) {
            int port;
            do {
                port = Ports.free();
            } while (!seen.add(port));
            ports.put(name, port);
        }
        return ports;
    }

    private ProcessBuilder launcher(String command, String option, Map<String, Integer> ports) {
        ProcessBuilder builder = launcher(command, true, ports);
        builder.command().add(builder.command().indexOf(command) + 1, option);
        return builder;
    }

    private ProcessBuilder launcher(String command, boolean withPorts, Map<String, Integer> ports) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        String keycloakHome = System.getProperty(KeycloakDistribution.HOME_PROPERTY);
        if (keycloakHome != null) {
            cmd.add("-D" + KeycloakDistribution.HOME_PROPERTY + "=" + keycloakHome);
        }
        cmd.addAll(List.of("-jar", Path.of("target/chargeplane-local-stack.jar").toAbsolutePath().toString(), command,
                "--root", repositoryRoot().toString(), "--data-dir", dataDir.toString()));
        if (withPorts) {
            ports.forEach((name, port) -> cmd.addAll(List.of("--port", name + "=" + port)));
        }
        return new ProcessBuilder(cmd).redirectErrorStream(true);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("mqtt-bridge"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the Chargeplane repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private int run(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(text);
        assertTrue(process.waitFor(180, TimeUnit.SECONDS), "command did not finish: " + builder.command());
        return process.exitValue();
    }

    private Thread echoOutput(Process process) {
        Thread thread = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    System.out.println("[stack] " + line);
                    output.append(line).append('\n');
                }
            } catch (IOException e) {
                // stream closed with the process
            }
        }, "stack-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
