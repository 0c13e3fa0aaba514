package io.chargeplane.tools.localstack;

import io.chargeplane.testkit.server.KeycloakServer;
import io.chargeplane.testkit.server.MqttBroker;
import io.chargeplane.testkit.server.PostgresServer;
import io.chargeplane.testkit.server.RedisServer;
import io.chargeplane.tools.localstack.StackState.ComponentState;
import io.chargeplane.tools.localstack.StackState.ProcessRef;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code up}: the engines in order (PostgreSQL, Kafka, MQTT, Redis, Keycloak), then every built deployable,
 * each awaited healthy with a progress line; stops in reverse order on Ctrl-C, {@code down} or a failed start.
 */
public final class LocalStack {

    /** Something started that must be stopped. */
    private record Started(String name, Runnable stop) {
    }

    static final Duration ENGINE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(240);
    static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(150);

    private final StackLayout layout;
    private final StackPorts ports;
    private final PrintStream out;
    private final Deque<Started> started = new ArrayDeque<>();
    private StackState state;
    private boolean stopped;

    public LocalStack(StackLayout layout, StackPorts ports, PrintStream out) {
        this.layout = layout;
        this.ports = ports;
        this.out = out;
    }

    /** Starts everything; on a failure stops what already runs and throws naming the component and its log. */
    public synchronized StackState up() {
        layout.prepare();
        EngineLogs.toFile(layout.log("engines"));
        EngineAddresses engines = new EngineAddresses(ports.get("postgres"), "127.0.0.1:" + ports.get("kafka"),
                ports.get("mqtt"), ports.get("redis"), "http://127.0.0.1:" + ports.get("keycloak") + "/realms/"
                + KeycloakServer.CHARGEPLANE_REALM);
        ServiceCatalog catalog = new ServiceCatalog(layout, ports);
        List<ServiceSpec> services = catalog.available(engines);
        checkPorts(services);
        catalog.skipped(engines).forEach(skip -> out.println("  (" + skip.name() + " not included: " + skip.reason() + ")"));
        state = new StackState(ProcessRef.of(ProcessHandle.current()), layout.dataDir().toString(), List.of());
        state.write(layout.stateFile());
        try {
            startEngines(services);
            for (ServiceSpec spec : services) {
                startService(spec);
            }
            return state;
        } catch (StartFailure failure) {
            stopAll();
            throw failure;
        }
    }

    private void checkPorts(List<ServiceSpec> services) {
        List<String> names = new ArrayList<>(List.of("postgres", "kafka", "kafka-controller", "mqtt", "redis",
                "keycloak", "keycloak-management"));
        Set<String> included = services.stream().map(ServiceSpec::name).collect(Collectors.toSet());
        ServiceCatalog.portNames().stream()
                .filter(name -> included.contains(name) || (name.equals("ocpp") && included.contains("bridge")))
                .forEach(names::add);
        List<String> problems = new ArrayList<>(ports.duplicates());
        problems.addAll(ports.taken(names));
        if (!problems.isEmpty()) {
            throw new StartFailure("stack", String.join("; ", problems), null, null);
        }
    }

    private void startEngines(List<ServiceSpec> services) {
        Path engineLog = layout.log("engines");
        PostgresServer postgres = step("postgres", engineLog, () -> new PostgresServer(PostgresServer.Options.defaults()
                .withPort(ports.get("postgres")).withDataDir(layout.engineDir("postgres"))).start());
        started.push(new Started("postgres", postgres::stop));
        services.stream().flatMap(spec -> spec.database().stream()).forEach(postgres::createDatabase);
        record("postgres", "engine", "postgresql://127.0.0.1:" + postgres.port() + " (user postgres)",
                "tcp://127.0.0.1:" + postgres.port(), engineLog, "", postmaster(postgres), List.of(postgres.port()));

        KafkaNode kafka = step("kafka", engineLog, () -> new KafkaNode(layout.engineDir("kafka"), ports.get("kafka"),
                ports.get("kafka-controller")).start(ENGINE_TIMEOUT));
        started.push(new Started("kafka", kafka::stop));
        record("kafka", "engine", kafka.bootstrapServers(), "tcp://" + kafka.bootstrapServers(), engineLog, "",
                List.of(), List.of(ports.get("kafka"), ports.get("kafka-controller")));

        MqttBroker mqtt = step("mqtt", engineLog, () -> new MqttBroker(MqttBroker.Options.defaults()
                .withPort(ports.get("mqtt")).withDataDir(layout.engineDir("mqtt"))).start());
        started.push(new Started("mqtt", mqtt::stop));
        record("mqtt", "engine", mqtt.uri() + " (MQTT 5)", "tcp://127.0.0.1:" + mqtt.port(), engineLog, "",
                List.of(), List.of(mqtt.port()));

        Set<Long> before = descendants();
        RedisServer redis = step("redis", engineLog, () -> new RedisServer(RedisServer.Options.defaults()
                .withPort(ports.get("redis")).withDataDir(layout.engineDir("redis"))).start());
        started.push(new Started("redis", redis::stop));
        record("redis", "engine", redis.uri(), "tcp://127.0.0.1:" + redis.port(), engineLog, "", newSince(before),
                List.of(redis.port()));

        before = descendants();
        out.println("  (keycloak: the first start builds its server and imports the realm; later starts are faster)");
        KeycloakServer keycloak = step("keycloak", layout.engineDir("keycloak").resolve("keycloak.log"),
                () -> new KeycloakServer(KeycloakServer.Options.defaults()
                        .withPorts(ports.get("keycloak"), ports.get("keycloak-management"))
                        .withDataDir(layout.engineDir("keycloak"), true)).start());
        started.push(new Started("keycloak", keycloak::stop));
        record("keycloak", "engine", keycloak.url() + " (admin " + keycloak.adminUsername() + "/"
                        + keycloak.adminPassword() + ")", keycloak.managementUrl() + "/health/ready",
                keycloak.logFile(), "realm " + keycloak.realmUrl(), newSince(before),
                List.of(keycloak.port(), keycloak.managementPort()));
    }

    private void startService(ServiceSpec spec) {
        Path log = layout.log(spec.name());
        ServiceProcess service = new ServiceProcess(spec, log);
        step(spec.name(), log, () -> {
            service.start();
            started.push(new Started(spec.name(), () -> service.stop(Duration.ofSeconds(30))));
            service.awaitHealthy(SERVICE_TIMEOUT);
            return service;
        });
        List<Integer> bound = new ArrayList<>(List.of(spec.port()));
        bound.addAll(spec.extraPorts());
        record(spec.name(), "service", spec.url(), spec.healthUrl(), log, spec.note(),
                List.of(ProcessRef.of(service.process().toHandle())), bound);
    }

    private <T> T step(String name, Path log, java.util.function.Supplier<T> start) {
        out.printf("starting %-16s … ", name);
        out.flush();
        long begin = System.nanoTime();
        try {
            T result = start.get();
            out.printf("ready in %s s%n", seconds(System.nanoTime() - begin));
            return result;
        } catch (StartFailure failure) {
            out.println("FAILED");
            throw failure;
        } catch (RuntimeException e) {
            out.println("FAILED");
            throw new StartFailure(name, firstLine(e), log, e);
        }
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f", nanos / 1e9);
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private void record(String name, String kind, String url, String health, Path log, String note,
                        List<ProcessRef> processes, List<Integer> bound) {
        state = state.with(new ComponentState(name, kind, url, health, log.toString(), note, processes, bound));
        state.write(layout.stateFile());
    }

    private static Set<Long> descendants() {
        return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
    }

    private static List<ProcessRef> newSince(Set<Long> before) {
        return ProcessHandle.current().descendants().filter(handle -> !before.contains(handle.pid()))
                .map(ProcessRef::of).toList();
    }

    /** The postmaster runs detached from this JVM (pg_ctl starts it), so its PID comes from its lock file. */
    private static List<ProcessRef> postmaster(PostgresServer postgres) {
        try {
            String pid = Files.readAllLines(postgres.dataDir().resolve("data/postmaster.pid")).getFirst().trim();
            return ProcessHandle.of(Long.parseLong(pid)).map(ProcessRef::of).map(List::of).orElse(List.of());
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Stops everything started, newest first; safe to call from the shutdown hook and again after it. */
    public synchronized void stopAll() {
        if (stopped) {
            return;
        }
        stopped = true;
        if (!started.isEmpty()) {
            out.println("stopping the stack (newest first)");
        }
        while (!started.isEmpty()) {
            Started next = started.pop();
            out.printf("stopping %-16s … ", next.name());
            out.flush();
            long begin = System.nanoTime();
            try {
                next.stop().run();
                out.printf("stopped in %s s%n", seconds(System.nanoTime() - begin));
            } catch (RuntimeException e) {
                out.println("error: " + firstLine(e));
            }
        }
        try {
            Files.deleteIfExists(layout.stateFile());
        } catch (IOException e) {
            out.println("could not delete " + layout.stateFile() + ": " + e.getMessage());
        }
        out.flush();
    }
}
