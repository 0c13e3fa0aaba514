package io.chargeplane.bridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.credentials.keycloak.CredentialMetrics;
import io.chargeplane.bridge.ocpp.server.OcppAdapter;
import io.chargeplane.testkit.quarkus.MqttResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A reconnect storm in Keycloak credential mode with the default-sized cache window: Keycloak verifies each
 * station once, every later reconnect is answered from the cache of salted digests.
 */
@QuarkusTest
@QuarkusTestResource(MqttResource.class)
@QuarkusTestResource(KeycloakGate.class)
@TestProfile(KeycloakReconnectStormIT.StormMode.class)
class KeycloakReconnectStormIT {

    public static class StormMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(new KeycloakCredentialsIT.KeycloakMode().getConfigOverrides());
            config.put("chargeplane.bridge.credentials.keycloak.cache-ttl", "5m");
            return config;
        }
    }

    @Inject
    OcppAdapter adapter;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "chargeplane.testkit.keycloak.url")
    String keycloakUrl;

    @ConfigProperty(name = "chargeplane.testkit.keycloak.admin-username")
    String adminUser;

    @ConfigProperty(name = "chargeplane.testkit.keycloak.admin-password")
    String adminPassword;

    private DeviceClients devices;

    @BeforeEach
    void ready() {
        devices = new DeviceClients(keycloakUrl, adminUser, adminPassword);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> adapter.port() > 0);
    }

    @Test
    void twoThousandReconnectsOfTwoHundredStationsCostAtMostOneTokenCallEach() throws Exception {
        List<String> stations = new ArrayList<>();
        ExecutorService creators = Executors.newFixedThreadPool(4);
        List<CompletableFuture<Void>> created = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String station = KeycloakCredentialsIT.station("storm");
            stations.add(station);
            created.add(CompletableFuture.runAsync(() -> devices.create(station, "volt", "secret-" + station),
                    creators));
        }
        CompletableFuture.allOf(created.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
        creators.shutdown();

        double tokenCallsBefore = tokenCalls();
        int accepted = 0;
        // Ten rounds over all 200 stations, 50 connecting at any moment (a storm paced by the test machine's two
        // cores, not by the bridge), all within one cache TTL of each station's first verification.
        java.util.concurrent.Semaphore connecting = new java.util.concurrent.Semaphore(50);
        long started = System.nanoTime();
        for (int round = 0; round < 10; round++) {
            List<CompletableFuture<Integer>> statuses = new ArrayList<>();
            for (String station : stations) {
                connecting.acquire();
                statuses.add(Charger.connect(adapter.port(), station, "secret-" + station)
                        .thenApply(connection -> {
                            connection.close();
                            return connection.status();
                        })
                        .whenComplete((status, failure) -> connecting.release()));
            }
            for (CompletableFuture<Integer> status : statuses) {
                if (status.get(60, TimeUnit.SECONDS) == 101) {
                    accepted++;
                }
            }
        }
        System.out.printf("storm: 2000 reconnects in %d ms%n", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        double tokenCalls = tokenCalls() - tokenCallsBefore;
        assertEquals(2_000, accepted);
        assertTrue(tokenCalls <= 200 + 10, "Keycloak token calls: " + tokenCalls);
        assertTrue(tokenCalls >= 200, "every station verified once: " + tokenCalls);
    }

    private double tokenCalls() {
        return registry.find(CredentialMetrics.CALLS).tag("operation", "token").counters().stream()
                .mapToDouble(Counter::count).sum();
    }
}
