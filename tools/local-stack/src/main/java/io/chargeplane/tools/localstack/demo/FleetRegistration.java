package io.chargeplane.tools.localstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.tools.localstack.demo.DemoApi.Answer;
import io.chargeplane.tools.localstack.demo.DemoApi.Caller;
import io.chargeplane.tools.localstack.demo.DemoPlan.Charger;
import io.chargeplane.tools.localstack.demo.DemoPlan.Tenant;
import io.chargeplane.tools.simulator.StationSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The demo's tenants, sites and chargers in device-service, through its public API. A charger registered now
 * comes with its secret; one that already exists (kept data) gets a new secret by rotation. The secrets live only
 * in this JVM's memory: device-service returns a secret once and keeps no copy, and rotating on every start
 * means the launcher never has to write one to disk.
 */
public final class FleetRegistration {

    /** The registered chargers: the simulator's stations (with secrets) and the registry ids by identity. */
    public record Registered(List<StationSpec> stations, Map<String, String> deviceIds) {
    }

    private final DemoApi api;
    private final PrintStream out;

    public FleetRegistration(DemoApi api, PrintStream out) {
        this.api = api;
        this.out = out;
    }

    public Registered register(DemoPlan plan) {
        Caller platform = api.as("platform-admin", api.urls().deviceService());
        List<StationSpec> stations = new ArrayList<>();
        Map<String, String> deviceIds = new LinkedHashMap<>();
        for (Tenant tenant : plan.tenants()) {
            ensureTenant(platform, tenant);
            Caller admin = api.as(tenant.admin(), api.urls().deviceService());
            String siteId = ensureSite(admin, tenant);
            int created = 0;
            for (Charger charger : tenant.chargers()) {
                Secret secret = registerOrRotate(admin, siteId, charger, plan.connectors());
                created += secret.created() ? 1 : 0;
                deviceIds.put(charger.identity(), secret.deviceId());
                stations.add(new StationSpec(charger.identity(), secret.value(), charger.dialect(), plan.connectors()));
            }
            out.printf("  demo: tenant %s, site \"%s\", %d chargers (%d registered now, %d given a new secret)%n",
                    tenant.id(), tenant.siteName(), tenant.chargers().size(), created,
                    tenant.chargers().size() - created);
        }
        return new Registered(List.copyOf(stations), Map.copyOf(deviceIds));
    }

    private static void ensureTenant(Caller platform, Tenant tenant) {
        Answer answer = platform.post("/api/v1/tenants", Map.of("id", tenant.id(), "name", tenant.name()),
                "demo-tenant-" + tenant.id());
        if (!answer.ok() && answer.status() != 409) {
            throw new DemoException("tenant " + tenant.id() + ": " + answer);
        }
    }

    private static String ensureSite(Caller admin, Tenant tenant) {
        Answer found = admin.get("/api/v1/sites?size=100&q=" + DemoApi.enc(tenant.siteName()));
        for (JsonNode site : found.body().path("items")) {
            if (tenant.siteName().equals(site.path("name").asText())) {
                return site.path("id").asText();
            }
        }
        Answer created = admin.post("/api/v1/sites", site(tenant), "demo-site-" + tenant.id());
        if (!created.ok()) {
            throw new DemoException("site of " + tenant.id() + ": " + created);
        }
        return created.body().path("id").asText();
    }

    private record Secret(String deviceId, String value, boolean created) {
    }

    private static Secret registerOrRotate(Caller admin, String siteId, Charger charger, int connectors) {
        String existing = deviceId(admin, charger.identity());
        if (existing == null) {
            // A fresh key per attempt: a replayed registration would come back without its secret.
            Answer created = admin.post("/api/v1/devices", device(siteId, charger, connectors), UUID.randomUUID().toString());
            if (created.ok()) {
                return new Secret(created.body().path("id").asText(),
                        created.body().path("credentials").path("secret").asText(), true);
            }
            if (created.status() != 409) {
                throw new DemoException("charger " + charger.identity() + ": " + created);
            }
            existing = deviceId(admin, charger.identity());
            if (existing == null) {
                throw new DemoException("charger " + charger.identity() + " is taken by another tenant: " + created);
            }
        }
        Answer rotated = admin.post("/api/v1/devices/" + existing + "/credentials/rotate", Map.of(),
                UUID.randomUUID().toString());
        if (!rotated.ok()) {
            throw new DemoException("new secret for " + charger.identity() + ": " + rotated);
        }
        return new Secret(existing, rotated.body().path("credentials").path("secret").asText(), false);
    }

    private static String deviceId(Caller admin, String identity) {
        Answer found = admin.get("/api/v1/devices?size=100&q=" + DemoApi.enc(identity));
        if (!found.ok()) {
            throw new DemoException("looking up " + identity + ": " + found);
        }
        for (JsonNode device : found.body().path("items")) {
            if (identity.equals(device.path("identity").asText())) {
                return device.path("id").asText();
            }
        }
        return null;
    }

    private static Map<String, Object> site(Tenant tenant) {
        boolean acme = tenant.id().equals("acme");
        return Map.of("name", tenant.siteName(),
                "address", Map.of("street", acme ? "88 Century Avenue" : "1 Keyuan Road",
                        "postalCode", acme ? "200120" : "518057", "city", acme ? "Shanghai" : "Shenzhen", "country", "CN"),
                "location", acme ? Map.of("latitude", 31.2397, "longitude", 121.4998)
                        : Map.of("latitude", 22.5431, "longitude", 113.9436),
                "timeZone", "Asia/Shanghai");
    }

    /** A 7 kW GB/T AC pile; every connector is an EVSE of its own (OCPP 1.6 connector n = EVSE n). */
    private static Map<String, Object> device(String siteId, Charger charger, int connectors) {
        List<Map<String, Object>> evses = new ArrayList<>();
        for (int evse = 1; evse <= connectors; evse++) {
            evses.add(Map.of("evseNumber", evse, "connectors", List.of(Map.of("connectorNumber", 1,
                    "type", "GBT_AC", "powerType", "AC_1_PHASE", "maxPowerW", 7000))));
        }
        return Map.of("siteId", siteId, "name", "Demo pile " + charger.identity(), "kind", "CHARGER",
                "vendor", "Chargeplane", "model", "SIM-AC7", "serialNumber", charger.identity() + "-SN",
                "protocol", charger.protocol(), "firmwareVersion", "1.0.0", "identity", charger.identity(),
                "evses", evses);
    }
}
