package io.chargeplane.testkit.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One instance of each engine per JVM, started on first use on free ports with temp data, and stopped
 * (processes killed, folders deleted) by a shutdown hook in reverse start order. Test classes, Quarkus
 * test resources and profiles of one module all share them, so a module pays each start once.
 *
 * <p>Quarkus loads this class again for every test profile (one class loader per application), so static
 * fields alone would start a second set of engines. The JVM-wide registry is therefore kept in system
 * properties ({@code io.chargeplane.testkit.shared.<engine>.<fact>}, plain strings) and guarded by an
 * interned string, which is the same object in every class loader: the first class loader to start an
 * engine owns and stops it, later ones get a view built from the endpoint it published.
 */
public final class SharedServices {

    private static final String PREFIX = "io.chargeplane.testkit.shared.";
    /** A string literal is interned: one monitor for the whole JVM, whichever class loader asks. */
    private static final Object JVM_LOCK = "io.chargeplane.testkit.shared-services-lock";

    private static final List<AutoCloseable> OWNED = new ArrayList<>();
    private static final Map<String, Object> LOCAL = new ConcurrentHashMap<>();
    private static boolean hookInstalled;

    private SharedServices() {
    }

    public static PostgresServer postgres() {
        return shared("postgres", "PostgreSQL",
                () -> new PostgresServer(PostgresServer.Options.defaults()).start(),
                PostgresServer::facts, PostgresServer::attach);
    }

    public static KafkaServer kafka() {
        return shared("kafka", "Kafka",
                () -> new KafkaServer(KafkaServer.Options.defaults()).start(),
                KafkaServer::facts, KafkaServer::attach);
    }

    public static MqttBroker mqtt() {
        return shared("mqtt", "MQTT broker",
                () -> new MqttBroker(MqttBroker.Options.defaults()).start(),
                MqttBroker::facts, MqttBroker::attach);
    }

    public static RedisServer redis() {
        return shared("redis", "Redis",
                () -> new RedisServer(RedisServer.Options.defaults()).start(),
                RedisServer::facts, RedisServer::attach);
    }

    public static KeycloakServer keycloak() {
        return shared("keycloak", "Keycloak",
                () -> new KeycloakServer(KeycloakServer.Options.defaults()).start(),
                KeycloakServer::facts, KeycloakServer::attach);
    }

    /** How often an engine was started in this JVM, over all class loaders: 1 when sharing works. */
    public static int starts(String engine) {
        return Integer.parseInt(System.getProperty(PREFIX + engine + ".starts", "0"));
    }

    /** Stops the engines this class loader started, newest first; also what the shutdown hook runs. */
    public static void stopAll() {
        synchronized (JVM_LOCK) {
            for (int i = OWNED.size() - 1; i >= 0; i--) {
                try {
                    OWNED.get(i).close();
                } catch (Exception e) {
                    System.err.println("chargeplane-testkit: stopping " + OWNED.get(i).getClass().getSimpleName()
                            + " failed: " + e);
                }
            }
            OWNED.clear();
            for (String engine : List.copyOf(LOCAL.keySet())) {
                unpublish(engine);
            }
            LOCAL.clear();
        }
    }

    private static <T extends AutoCloseable> T shared(String engine, String name, Supplier<T> starter,
                                                      Function<T, Map<String, String>> describe,
                                                      Function<Map<String, String>, T> attach) {
        synchronized (JVM_LOCK) {
            @SuppressWarnings("unchecked")
            T local = (T) LOCAL.get(engine);
            if (local != null) {
                return local;
            }
            Map<String, String> published = published(engine);
            if (published != null) {
                T view = attach.apply(published);
                LOCAL.put(engine, view);
                return view;
            }
            installHook();
            long begin = System.nanoTime();
            T server = starter.get();
            OWNED.add(server);
            LOCAL.put(engine, server);
            publish(engine, describe.apply(server));
            System.setProperty(PREFIX + engine + ".starts", Integer.toString(starts(engine) + 1));
            System.out.printf("chargeplane-testkit: %s started in %d ms%n", name, (System.nanoTime() - begin) / 1_000_000);
            return server;
        }
    }

    private static void publish(String engine, Map<String, String> facts) {
        facts.forEach((fact, value) -> System.setProperty(PREFIX + engine + "." + fact, value));
        System.setProperty(PREFIX + engine, String.join(",", facts.keySet()));
    }

    private static Map<String, String> published(String engine) {
        String facts = System.getProperty(PREFIX + engine);
        if (facts == null) {
            return null;
        }
        Map<String, String> values = new HashMap<>();
        for (String fact : facts.split(",")) {
            values.put(fact, System.getProperty(PREFIX + engine + "." + fact));
        }
        return values;
    }

    private static void unpublish(String engine) {
        String facts = System.clearProperty(PREFIX + engine);
        if (facts != null) {
            for (String fact : facts.split(",")) {
                System.clearProperty(PREFIX + engine + "." + fact);
            }
        }
    }

    private static synchronized void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedServices::stopAll, "chargeplane-testkit-shutdown"));
            hookInstalled = true;
        }
    }
}
