package io.chargeplane.tools.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceCatalogTest {

    private static final EngineAddresses ENGINES = new EngineAddresses(25432, "127.0.0.1:29092", 21883, 26379,
            "http://127.0.0.1:28080/realms/chargeplane");

    @TempDir
    Path root;

    private ServiceCatalog catalog(String... overrides) {
        return new ServiceCatalog(StackLayout.of(root, null), StackPorts.withOverrides(List.of(overrides)));
    }

    private void build(String module) throws Exception {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "");
    }

    @Test
    void includesOnlyDeployablesWhoseJarIsBuilt() throws Exception {
        build("services/device-service");
        build("mqtt-bridge/bridge-app");
        ServiceCatalog catalog = catalog();
        assertEquals(List.of("device-service", "bridge"), catalog.available(ENGINES).stream().map(ServiceSpec::name).toList());
        assertEquals(List.of("billing-service", "charging-service"), catalog.skipped(ENGINES).stream().map(ServiceCatalog.Skipped::name).toList());
    }

    @Test
    void pointsDeviceServiceAtEveryEngineOnLoopback() {
        ServiceSpec device = catalog("device-service=28081").deviceService(ENGINES);
        Map<String, String> config = device.config();
        assertEquals("127.0.0.1", config.get("quarkus.http.host"));
        assertEquals("28081", config.get("quarkus.http.port"));
        assertEquals("jdbc:postgresql://127.0.0.1:25432/device", config.get("quarkus.datasource.jdbc.url"));
        assertEquals("postgresql://127.0.0.1:25432/device", config.get("quarkus.datasource.reactive.url"));
        assertEquals("redis://127.0.0.1:26379", config.get("quarkus.redis.hosts"));
        assertEquals("http://127.0.0.1:28080/realms/chargeplane", config.get("quarkus.oidc.auth-server-url"));
        assertEquals("127.0.0.1:29092", config.get("kafka.bootstrap.servers"));
        assertEquals("21883", config.get("chargeplane.device.mqtt.port"));
        assertEquals("http://127.0.0.1:28081/q/health/ready", device.healthUrl());
        assertEquals("device", device.database().orElseThrow());
        assertEquals("http://127.0.0.1:28080", config.get("chargeplane.device.identity.admin-url"));
        assertEquals("chargeplane", config.get("chargeplane.device.identity.realm"));
        assertEquals("device-service-demo-secret", config.get("chargeplane.device.identity.client-secret"));
    }

    @Test
    void pointsChargingServiceAtTheEnginesAndItsPeersWithItsOwnDatabase() {
        ServiceSpec charging = catalog("charging-service=28083", "device-service=28081", "billing-service=28082")
                .chargingService(ENGINES);
        Map<String, String> config = charging.config();
        assertEquals("28083", config.get("quarkus.http.port"));
        assertEquals("charging", charging.database().orElseThrow());
        assertEquals("jdbc:postgresql://127.0.0.1:25432/charging", config.get("quarkus.datasource.jdbc.url"));
        assertEquals("postgres", config.get("quarkus.datasource.username"));
        assertEquals("127.0.0.1:29092", config.get("kafka.bootstrap.servers"));
        assertEquals("21883", config.get("chargeplane.charging.mqtt.port"));
        assertEquals("redis://127.0.0.1:26379", config.get("quarkus.redis.hosts"));
        assertEquals("http://127.0.0.1:28080/realms/chargeplane/protocol/openid-connect/token",
                config.get("chargeplane.charging.oidc.token-url"));
        assertEquals("charging-service-demo-secret", config.get("chargeplane.charging.oidc.client-secret"));
        assertEquals("http://127.0.0.1:28081", config.get("chargeplane.charging.device-service.url"));
        assertEquals("http://127.0.0.1:28082", config.get("chargeplane.charging.billing-service.url"));
        assertEquals("http://127.0.0.1:28083/q/health/ready", charging.healthUrl());
    }

    @Test
    void runsTheBridgeAsAdapterAndPumpWithItsOcppPort() {
        ServiceSpec bridge = catalog("ocpp=28180").bridge(ENGINES);
        assertEquals("adapter,pump", bridge.config().get("chargeplane.bridge.roles"));
        assertEquals("28180", bridge.config().get("chargeplane.bridge.ocpp.port"));
        assertEquals("127.0.0.1:29092", bridge.config().get("chargeplane.bridge.pump.kafka.bootstrap-servers"));
        assertEquals(List.of(28180), bridge.extraPorts());
        assertTrue(bridge.note().contains("ws://127.0.0.1:28180/ocpp/"), bridge.note());
        assertTrue(bridge.database().isEmpty());
        assertEquals("keycloak", bridge.config().get("chargeplane.bridge.credentials.source"));
        assertEquals("http://127.0.0.1:28080", bridge.config().get("chargeplane.bridge.credentials.keycloak.server-url"));
        assertEquals("mqtt-bridge", bridge.config().get("chargeplane.bridge.credentials.keycloak.client-id"));
        assertEquals("mqtt-bridge-demo-secret", bridge.config().get("chargeplane.bridge.credentials.keycloak.client-secret"));
    }
}
