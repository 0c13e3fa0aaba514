package io.chargeplane.testkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak (the Quarkus distribution) as a child process in development mode, with the
 * {@code chargeplane} realm imported on every start.
 *
 * <p>The unpacked distribution is shared and never written to: each start runs from an overlay folder
 * that links the distribution's libraries and themes and holds its own launcher, configuration,
 * augmented bytecode, imported realm, transaction log and server log. Keycloak re-augments itself in
 * development mode; the result is cached next to the distribution (see {@link KeycloakAugmentationCache})
 * so only the first start of a build pays for it.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Realm JSON on the kit's class path, imported when no other realm files are given. */
    public static final String CHARGEPLANE_REALM_RESOURCE = "/io/chargeplane/testkit/keycloak/chargeplane-realm.json";
    public static final String CHARGEPLANE_REALM = "chargeplane";

    /**
     * @param port           HTTP port, 0 for a free one
     * @param managementPort port of {@code /health}, 0 for a free one
     * @param dataDir        folder for the overlay and, with {@code persistentDatabase}, the H2 file database
     *                       (local stack); {@code null} for a temp folder deleted on stop
     * @param persistentDatabase keep users and realms in {@code dataDir} instead of an in-memory database
     * @param realmFiles     realm JSON files to import; empty for the {@code chargeplane} realm
     * @param home           unpacked distribution; {@code null} to find or unpack it
     * @param adminUsername  bootstrap admin of the master realm
     * @param startupTimeout how long to wait for {@code /health/ready}
     */
    public record Options(int port, int managementPort, Path dataDir, boolean persistentDatabase,
                          List<Path> realmFiles, Path home, String adminUsername, String adminPassword,
                          Duration startupTimeout) {
        public Options {
            realmFiles = realmFiles == null ? List.of() : List.copyOf(realmFiles);
        }

        public static Options defaults() {
            return new Options(0, 0, null, false, List.of(), null, "admin", "admin", Duration.ofSeconds(180));
        }

        public Options withPorts(int newPort, int newManagementPort) {
            return new Options(newPort, newManagementPort, dataDir, persistentDatabase, realmFiles, home,
                    adminUsername, adminPassword, startupTimeout);
        }

        public Options withDataDir(Path newDataDir, boolean persistent) {
            return new Options(port, managementPort, newDataDir, persistent, realmFiles, home,
                    adminUsername, adminPassword, startupTimeout);
        }

        public Options withRealmFiles(List<Path> files) {
            return new Options(port, managementPort, dataDir, persistentDatabase, files, home,
                    adminUsername, adminPassword, startupTimeout);
        }

        public Options withHome(Path newHome) {
            return new Options(port, managementPort, dataDir, persistentDatabase, realmFiles, newHome,
                    adminUsername, adminPassword, startupTimeout);
        }
    }

    private final Options options;
    private DataDirectory work;
    private Process process;
    private int port;
    private int managementPort;
    private Path log;
    private boolean attached;

    public KeycloakServer(Options options) {
        this.options = options;
    }

    /** A view of a server another class loader of this JVM started; {@link #stop()} leaves it running. */
    static KeycloakServer attach(Map<String, String> facts) {
        Options defaults = Options.defaults();
        KeycloakServer view = new KeycloakServer(new Options(0, 0, null, false, List.of(), null,
                facts.get("admin-username"), facts.get("admin-password"), defaults.startupTimeout()));
        view.port = Integer.parseInt(facts.get("port"));
        view.managementPort = Integer.parseInt(facts.get("management-port"));
        view.log = Path.of(facts.get("log"));
        view.attached = true;
        return view;
    }

    Map<String, String> facts() {
        return Map.of("port", Integer.toString(port()), "management-port", Integer.toString(managementPort()),
                "log", log.toString(), "admin-username", adminUsername(), "admin-password", adminPassword());
    }

    public synchronized KeycloakServer start() {
        if (process != null) {
            return this;
        }
        Path home = options.home() != null ? options.home() : KeycloakDistribution.home();
        work = DataDirectory.of(options.dataDir(), "keycloak");
        port = Ports.resolve(options.port());
        managementPort = Ports.resolve(options.managementPort());
        List<String> buildOptions = buildOptions();
        KeycloakAugmentationCache cache = KeycloakAugmentationCache.forHome(home, buildOptions);
        try {
            Path overlay = KeycloakOverlay.create(home, work.resolve("keycloak"), cache);
            importRealms(overlay.resolve("data/import"));
            log = work.resolve("keycloak.log");
            process = launch(overlay, buildOptions);
            awaitReady();
            cache.store(overlay);
            return this;
        } catch (IOException e) {
            String tail = logTail();
            stop();
            throw new UncheckedIOException("Keycloak did not start" + tail, e);
        } catch (RuntimeException e) {
            String tail = logTail();
            stop();
            throw new IllegalStateException(e.getMessage() + tail, e);
        }
    }

    /** Options Keycloak treats as build-time: the augmentation cache is keyed on them. */
    private List<String> buildOptions() {
        return List.of("--db=" + (options.persistentDatabase() ? "dev-file" : "dev-mem"),
                "--cache=local", "--health-enabled=true");
    }

    private void importRealms(Path importDir) throws IOException {
        Files.createDirectories(importDir);
        if (options.realmFiles().isEmpty()) {
            try (InputStream in = KeycloakServer.class.getResourceAsStream(CHARGEPLANE_REALM_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(CHARGEPLANE_REALM_RESOURCE + " is missing from the class path");
                }
                Files.copy(in, importDir.resolve("chargeplane-realm.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (Path file : options.realmFiles()) {
            Files.copy(file, importDir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Process launch(Path overlay, List<String> buildOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of("/bin/sh", overlay.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-host=" + Ports.LOOPBACK, "--http-port=" + port,
                "--http-management-port=" + managementPort, "--import-realm"));
        command.addAll(buildOptions);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.path().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> env = builder.environment();
        // Settings leaking in from the caller's environment would change what Keycloak builds or binds.
        env.keySet().removeIf(key -> key.startsWith("KC_") || key.startsWith("JAVA_OPTS") || key.equals("JAVA"));
        env.put("JAVA_HOME", javaHome());
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", options.adminUsername());
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", options.adminPassword());
        return builder.start();
    }

    /** The running JVM's home: the kit already needs Java 21, and so does Keycloak 26. */
    private static String javaHome() {
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("Keycloak needs Java 21 or newer; this JVM is " + Runtime.version());
        }
        return System.getProperty("java.home");
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = System.nanoTime() + options.startupTimeout().toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with code " + process.exitValue() + " while starting");
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Keycloak was not ready within " + options.startupTimeout().toSeconds() + " s");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the server log, formatted for an exception message. */
    private String logTail() {
        if (log == null || !Files.exists(log)) {
            return "";
        }
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "\n--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return " (log unreadable: " + e.getMessage() + ")";
        }
    }

    public String host() {
        return Ports.LOOPBACK;
    }

    public synchronized int port() {
        running();
        return port;
    }

    public synchronized int managementPort() {
        running();
        return managementPort;
    }

    /** {@code http://127.0.0.1:port}, the server root. */
    public String url() {
        return "http://" + host() + ":" + port();
    }

    public String managementUrl() {
        return "http://" + host() + ":" + managementPort;
    }

    /** Issuer and OIDC discovery base of a realm, what {@code quarkus.oidc.auth-server-url} takes. */
    public String realmUrl(String realm) {
        return url() + "/realms/" + realm;
    }

    public String realmUrl() {
        return realmUrl(CHARGEPLANE_REALM);
    }

    public String tokenUrl(String realm) {
        return realmUrl(realm) + "/protocol/openid-connect/token";
    }

    public String adminUsername() {
        return options.adminUsername();
    }

    public String adminPassword() {
        return options.adminPassword();
    }

    /** The server log of this start, for diagnosis. */
    public Path logFile() {
        return log;
    }

    public synchronized boolean isRunning() {
        return attached || (process != null && process.isAlive());
    }

    /** Stops the launcher and the Keycloak JVM it forked, and deletes the temp folder; idempotent, a no-op on a shared view. */
    public synchronized void stop() {
        try {
            ProcessTree.destroy(process, Duration.ofSeconds(20));
        } finally {
            process = null;
            if (work != null) {
                work.release();
                work = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void running() {
        if (process == null && !attached) {
            throw new IllegalStateException("Keycloak is not running");
        }
    }
}
