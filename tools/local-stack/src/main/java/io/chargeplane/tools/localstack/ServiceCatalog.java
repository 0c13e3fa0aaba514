package io.chargeplane.tools.localstack;

import io.chargeplane.testkit.keycloak.DemoRealm;
import io.chargeplane.testkit.server.PostgresServer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The deployables of the stack, in start order. Adding one is one entry here: its module, its port, the
 * configuration keys that point it at the engines, and its health URL. Deployables whose packaged jar does
 * not exist (not built, or not a Quarkus application yet) are left out and reported as such.
 */
public final class ServiceCatalog {

    /** A deployable the catalog knows but could not include, and why. */
    public record Skipped(String name, String reason) {
    }

    private final StackLayout layout;
    private final StackPorts ports;

    public ServiceCatalog(StackLayout layout, StackPorts ports) {
        this.layout = layout;
        this.ports = ports;
    }

    /** Every deployable the stack knows, whether built or not. */
    public List<ServiceSpec> all(EngineAddresses engines) {
        return List.of(deviceService(engines), billingService(engines), chargingService(engines), bridge(engines));
    }

    /** The deployables that are built and will start. */
    public List<ServiceSpec> available(EngineAddresses engines) {
        return all(engines).stream().filter(spec -> Files.isRegularFile(spec.jar())).toList();
    }

    public List<Skipped> skipped(EngineAddresses engines) {
        List<Skipped> skipped = new ArrayList<>();
        for (ServiceSpec spec : all(engines)) {
            if (!Files.isRegularFile(spec.jar())) {
                skipped.add(new Skipped(spec.name(), "no " + layout.root().relativize(spec.jar())));
            }
        }
        return skipped;
    }

    /** Ports of every known deployable, so the free-port check covers them before anything starts. */
    public static List<String> portNames() {
        return List.of("device-service", "billing-service", "charging-service", "bridge", "ocpp");
    }

    ServiceSpec deviceService(EngineAddresses engines) {
        Map<String, String> config = quarkusBasics("device-service");
        config.putAll(database(engines, "device"));
        config.put("quarkus.redis.hosts", engines.redisUri());
        config.put("quarkus.oidc.auth-server-url", engines.keycloakRealmUrl());
        config.put("kafka.bootstrap.servers", engines.kafkaBootstrap());
        config.put("chargeplane.device.mqtt.host", "127.0.0.1");
        config.put("chargeplane.device.mqtt.port", Integer.toString(engines.mqttPort()));
        // Device identities: a Keycloak client per registered device, created through the admin API.
        config.put("chargeplane.device.identity.admin-url", engines.keycloakUrl());
        config.put("chargeplane.device.identity.realm", DemoRealm.REALM);
        config.put("chargeplane.device.identity.client-id", "device-service");
        config.put("chargeplane.device.identity.client-secret", DemoRealm.clientSecret("device-service"));
        return service("device-service", "services/device-service", config, Optional.of("device"), "");
    }

    ServiceSpec billingService(EngineAddresses engines) {
        Map<String, String> config = quarkusBasics("billing-service");
        config.putAll(database(engines, "billing"));
        config.put("quarkus.redis.hosts", engines.redisUri());
        config.put("quarkus.oidc.auth-server-url", engines.keycloakRealmUrl());
        config.put("kafka.bootstrap.servers", engines.kafkaBootstrap());
        return service("billing-service", "services/billing-service", config, Optional.of("billing"), "");
    }

    /** Sessions: device events from Kafka, device requests over the bus, and calls to billing and device-service. */
    ServiceSpec chargingService(EngineAddresses engines) {
        Map<String, String> config = quarkusBasics("charging-service");
        config.putAll(database(engines, "charging"));
        config.put("quarkus.redis.hosts", engines.redisUri());
        config.put("quarkus.oidc.auth-server-url", engines.keycloakRealmUrl());
        config.put("kafka.bootstrap.servers", engines.kafkaBootstrap());
        config.put("chargeplane.charging.mqtt.host", "127.0.0.1");
        config.put("chargeplane.charging.mqtt.port", Integer.toString(engines.mqttPort()));
        config.put("chargeplane.charging.oidc.token-url", engines.keycloakRealmUrl() + "/protocol/openid-connect/token");
        config.put("chargeplane.charging.oidc.client-id", "charging-service");
        config.put("chargeplane.charging.oidc.client-secret", DemoRealm.clientSecret("charging-service"));
        config.put("chargeplane.charging.device-service.url", "http://127.0.0.1:" + ports.get("device-service"));
        config.put("chargeplane.charging.billing-service.url", "http://127.0.0.1:" + ports.get("billing-service"));
        return service("charging-service", "services/charging-service", config, Optional.of("charging"), "");
    }

    /** One bridge in both roles: the OCPP adapter and the event pump from the device bus into Kafka. */
    ServiceSpec bridge(EngineAddresses engines) {
        Map<String, String> config = quarkusBasics("bridge");
        int ocpp = ports.get("ocpp");
        config.put("chargeplane.bridge.roles", "adapter,pump");
        config.put("chargeplane.bridge.protocols", "ocpp");
        config.put("chargeplane.bridge.mqtt.host", "127.0.0.1");
        config.put("chargeplane.bridge.mqtt.port", Integer.toString(engines.mqttPort()));
        config.put("chargeplane.bridge.ocpp.host", "127.0.0.1");
        config.put("chargeplane.bridge.ocpp.port", Integer.toString(ocpp));
        // A stable pump session: events published while the stack was down are delivered after a restart.
        config.put("chargeplane.bridge.pump.client-id", "local-stack-pump");
        config.put("chargeplane.bridge.pump.kafka.bootstrap-servers", engines.kafkaBootstrap());
        // Chargers registered through device-service connect with the secret it returned: the bridge checks it
        // against the device's Keycloak client.
        config.put("chargeplane.bridge.credentials.source", "keycloak");
        config.put("chargeplane.bridge.credentials.keycloak.server-url", engines.keycloakUrl());
        config.put("chargeplane.bridge.credentials.keycloak.realm", DemoRealm.REALM);
        config.put("chargeplane.bridge.credentials.keycloak.client-id", "mqtt-bridge");
        config.put("chargeplane.bridge.credentials.keycloak.client-secret", DemoRealm.clientSecret("mqtt-bridge"));
        ServiceSpec spec = service("bridge", "mqtt-bridge/bridge-app", config, Optional.empty(),
                "OCPP ws://127.0.0.1:" + ocpp + "/ocpp/{stationId}");
        return new ServiceSpec(spec.name(), spec.jar(), spec.config(), spec.database(), spec.port(), List.of(ocpp),
                spec.healthUrl(), spec.note());
    }

    private Map<String, String> quarkusBasics(String name) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.http.host", "127.0.0.1");
        config.put("quarkus.http.port", Integer.toString(ports.get(name)));
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.log.console.color", "false");
        return config;
    }

    private static Map<String, String> database(EngineAddresses engines, String database) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.username", PostgresServer.USERNAME);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        config.put("quarkus.datasource.jdbc.url", engines.jdbcUrl(database));
        config.put("quarkus.datasource.reactive.url", engines.reactiveUrl(database));
        return config;
    }

    private ServiceSpec service(String name, String module, Map<String, String> config, Optional<String> database,
                                String note) {
        int port = ports.get(name);
        return new ServiceSpec(name, layout.quarkusApp(module), config, database, port, List.of(),
                "http://127.0.0.1:" + port + "/q/health/ready", note);
    }
}
