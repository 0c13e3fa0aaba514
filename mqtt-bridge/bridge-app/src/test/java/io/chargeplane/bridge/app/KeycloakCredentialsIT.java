package io.chargeplane.bridge.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.ocpp.server.OcppAdapter;
import io.chargeplane.testkit.quarkus.MqttResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bridge in Keycloak credential mode against the test kit's real Keycloak: device clients are created
 * through the admin API as device-service creates them, and a real OCPP-J client connects with the client
 * secret as its Basic-auth password. The cache TTL is 3 s here so revocation paths run in seconds.
 */
@QuarkusTest
@QuarkusTestResource(MqttResource.class)
@QuarkusTestResource(KeycloakGate.class)
@TestProfile(KeycloakCredentialsIT.KeycloakMode.class)
class KeycloakCredentialsIT {

    static final Duration TTL = Duration.ofSeconds(3);
    private static final AtomicInteger NEXT = new AtomicInteger();

    public static class KeycloakMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("chargeplane.bridge.protocols", "ocpp"),
                    Map.entry("quarkus.http.test-port", "0"),
                    Map.entry("chargeplane.bridge.ocpp.port", "0"),
                    Map.entry("chargeplane.bridge.ocpp.host", "127.0.0.1"),
                    Map.entry("chargeplane.bridge.mqtt.host", "${chargeplane.mqtt.host}"),
                    Map.entry("chargeplane.bridge.mqtt.port", "${chargeplane.mqtt.port}"),
                    Map.entry("chargeplane.bridge.credentials.source", "keycloak"),
                    Map.entry("chargeplane.bridge.credentials.keycloak.cache-ttl", TTL.toSeconds() + "s"),
                    Map.entry("chargeplane.bridge.credentials.keycloak.unknown-ttl", "1s"),
                    Map.entry("chargeplane.bridge.credentials.keycloak.queue-timeout", "20s"),
                    Map.entry("quarkus.log.category.\"oshi\".level", "OFF"));
        }
    }

    @Inject
    OcppAdapter adapter;

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
        KeycloakGate.gate().restore();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> adapter.port() > 0);
    }

    @Test
    void aChargerConnectsWithItsClientSecretAndIsServed() {
        String station = station("ok");
        devices.create(station, "acme", "secret-" + station);
        Charger.Connection charger = Charger.connect(adapter.port(), station, "secret-" + station).join();
        try {
            assertEquals(101, charger.status());
            String answer = charger.boot();
            assertTrue(answer.startsWith("[3,\"boot-1\""), answer);
        } finally {
            charger.close();
        }
    }

    @Test
    void aWrongPasswordIs401AndAnUnknownStationIs404BeforeTheUpgrade() {
        String station = station("wrong");
        devices.create(station, "acme", "secret-" + station);
        assertEquals(401, Charger.handshakeStatus(adapter.port(), station, "not-the-secret"));
        assertEquals(401, Charger.handshakeStatus(adapter.port(), station, null));
        assertEquals(404, Charger.handshakeStatus(adapter.port(), station("never-registered"), "anything"));
    }

    @Test
    void aDisabledClientIsStillAcceptedWithinTheCacheTtlAndRefusedAfterIt() {
        String station = station("disabled");
        devices.create(station, "acme", "secret-" + station);
        assertEquals(101, Charger.handshakeStatus(adapter.port(), station, "secret-" + station));
        long verifiedAt = System.nanoTime();
        devices.setEnabled(station, false);
        assertEquals(101, Charger.handshakeStatus(adapter.port(), station, "secret-" + station),
                "within the TTL the cached verification stands");
        assertTrue(System.nanoTime() - verifiedAt < TTL.toNanos(), "the second connect must fall within the TTL");
        Awaitility.await().pollDelay(TTL).atMost(TTL.multipliedBy(3)).until(() ->
                Charger.handshakeStatus(adapter.port(), station, "secret-" + station) == 404);
    }

    @Test
    void aRotatedSecretWorksAtOnceAndTheOldOneIsRefusedAfterTheTtl() {
        String station = station("rotated");
        String old = "secret-" + station;
        devices.create(station, "acme", old);
        assertEquals(101, Charger.handshakeStatus(adapter.port(), station, old));
        String rotated = devices.rotateSecret(station);
        assertEquals(101, Charger.handshakeStatus(adapter.port(), station, rotated), "the new secret works at once");
        Awaitility.await().pollDelay(TTL).atMost(TTL.multipliedBy(3)).until(() ->
                Charger.handshakeStatus(adapter.port(), station, old) == 401);
        assertEquals(101, Charger.handshakeStatus(adapter.port(), station, rotated));
    }

    @Test
    void withKeycloakDownCachedStationsConnectAndUncachedOnesAreToldToRetry() {
        String cached = station("down-cached");
        String uncached = station("down-uncached");
        devices.create(cached, "acme", "secret-" + cached);
        devices.create(uncached, "acme", "secret-" + uncached);
        assertEquals(101, Charger.handshakeStatus(adapter.port(), cached, "secret-" + cached));
        KeycloakGate.gate().cut();
        try {
            assertEquals(101, Charger.handshakeStatus(adapter.port(), cached, "secret-" + cached));
            assertEquals(503, Charger.handshakeStatus(adapter.port(), uncached, "secret-" + uncached),
                    "not 401: the secret may well be right");
        } finally {
            KeycloakGate.gate().restore();
        }
        assertEquals(101, Charger.handshakeStatus(adapter.port(), uncached, "secret-" + uncached));
    }

    static String station(String kind) {
        return "KC-" + kind + "-" + NEXT.incrementAndGet() + "-" + Long.toString(System.nanoTime() % 100_000, 36);
    }
}
