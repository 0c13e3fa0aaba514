package io.chargeplane.tools.localstack;

import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.testkit.server.DataDirectory;
import io.chargeplane.testkit.server.KeycloakDistribution;
import io.chargeplane.testkit.server.Ports;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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

/**
 * The packaged launcher, run the way {@code ./chargeplane up --fresh --demo} runs it, on free ports and a temp data
 * folder so it never meets a developer's own stack. Starting it costs about a minute, so every stack IT of a test
 * JVM shares one: {@link #shared()} starts it on first use; {@link #down()} stops it (LocalStackIT does, last, and
 * asserts nothing is left), and a JVM shutdown hook stops it if no test did.
 */
public final class RunningStack {

    static final Duration UP_TIMEOUT = Duration.ofSeconds(300);

    private static RunningStack shared;

    private final Path dataDir;
    private final Map<String, Integer> ports;
    private final Process launcher;
    private final Thread reader;
    private final StringBuffer output = new StringBuffer();
    private volatile boolean down;

    private RunningStack(Path dataDir, Map<String, Integer> ports) throws IOException {
        this.dataDir = dataDir;
        this.ports = ports;
        this.launcher = launcher("up", ports).start();
        this.reader = echoOutput(launcher);
    }

    /** The stack of this test JVM, started (and awaited healthy) on the first call. */
    public static synchronized RunningStack shared() {
        if (shared != null && shared.down) {
            throw new IllegalStateException("The shared stack was already stopped; stack ITs that need it run before LocalStackIT");
        }
        if (shared == null) {
            try {
                Path dir = Files.createTempDirectory("chargeplane-stack-it");
                RunningStack stack = new RunningStack(dir, freePorts());
                shared = stack;
                Runtime.getRuntime().addShutdownHook(new Thread(stack::downQuietly, "running-stack-down"));
                stack.awaitAllHealthy();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int port(String name) {
        return ports.get(name);
    }

    public Map<String, Integer> ports() {
        return ports;
    }

    public String http(String component) {
        return "http://127.0.0.1:" + port(component);
    }

    public String realmUrl() {
        return http("keycloak") + "/realms/" + DemoRealm.REALM;
    }

    /** Base URL the chargers connect to; the station id is appended. */
    public String ocppUrl() {
        return "ws://127.0.0.1:" + port("ocpp") + "/ocpp";
    }

    public Process launcher() {
        return launcher;
    }

    public String output() {
        return output.toString();
    }

    /** Runs {@code status} or {@code down} from a second launcher process; returns its exit code. */
    public int run(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = launcher(command, Map.of());
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(text);
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("command did not finish: " + builder.command());
        }
        return process.exitValue();
    }

    /** {@code down} from a second process, as a developer would; the launcher then exits. Returns the exit code. */
    public int down() throws IOException, InterruptedException {
        synchronized (RunningStack.class) {
            down = true;
        }
        return run("down");
    }

    /** Waits for the launcher's output to end after it exited. */
    public void awaitOutputClosed(Duration timeout) throws InterruptedException {
        reader.join(timeout.toMillis());
    }

    private void downQuietly() {
        try {
            if (!down && launcher.isAlive()) {
                down = true;
                run("down");
            }
        } catch (Exception e) {
            System.err.println("stopping the shared stack: " + e);
        } finally {
            if (launcher.isAlive()) {
                launcher.descendants().forEach(ProcessHandle::destroyForcibly);
                launcher.destroyForcibly();
            }
            DataDirectory.deleteRecursively(dataDir);
        }
    }

    private void awaitAllHealthy() {
        long deadline = System.nanoTime() + UP_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (output.indexOf("all healthy in") >= 0) {
                    return;
                }
                if (!launcher.isAlive()) {
                    throw new IllegalStateException("launcher exited with " + launcher.exitValue() + ":\n" + output);
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("stack not healthy within " + UP_TIMEOUT.toSeconds() + " s:\n" + output);
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

    private ProcessBuilder launcher(String command, Map<String, Integer> ports) {
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
        cmd.addAll(List.of("-jar", Path.of("target/chargeplane-local-stack.jar").toAbsolutePath().toString(), command));
        if (command.equals("up")) {
            // The demo fleet runs on the shared stack: DemoIT checks it, and the other stack ITs meet real traffic.
            cmd.add("--fresh");
            cmd.add("--demo");
        }
        cmd.addAll(List.of("--root", repositoryRoot().toString(), "--data-dir", dataDir.toString()));
        ports.forEach((name, port) -> cmd.addAll(List.of("--port", name + "=" + port)));
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
