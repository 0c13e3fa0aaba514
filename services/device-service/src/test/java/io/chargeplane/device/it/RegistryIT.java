package io.chargeplane.device.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.chargeplane.device.it.Api.PROBLEM;
import static io.chargeplane.device.it.Api.TENANT_HEADER;
import static io.chargeplane.device.it.Api.as;
import static io.chargeplane.device.it.Api.change;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The registry's behaviour against real PostgreSQL, Redis and Keycloak tokens. */
@QuarkusTest
@TestProfile(DeviceServiceProfile.class)
class RegistryIT {

    private static String siteId;

    /** Once per class; not in {@code @BeforeAll}, where RestAssured does not yet know the application's port. */
    @BeforeEach
    void acmeSite() {
        if (siteId != null) {
            return;
        }
        Api.ensureTenants();
        siteId = Api.createSite("acme-admin", Api.unique("acme-hub"));
    }

    @Test
    void siteIsCreatedReadChangedAndDeleted() {
        String name = Api.unique("depot");
        String id = change("acme-admin").body(Api.site(name)).post("/api/v1/sites")
                .then().statusCode(201).header("Location", notNullValue())
                .body("tenantId", equalTo("acme")).body("address.country", equalTo("DE"))
                .body("location.latitude", equalTo(52.520008f)).body("version", equalTo(0))
                .extract().path("id");
        as("acme-staff").get("/api/v1/sites/" + id).then().statusCode(200).header("ETag", "\"0\"")
                .body("name", equalTo(name));
        change("acme-admin").header("If-Match", "\"0\"")
                .body(Map.of("name", name + "-renamed", "timeZone", "Asia/Shanghai")).patch("/api/v1/sites/" + id)
                .then().statusCode(200).body("version", equalTo(1))
                .body("name", equalTo(name + "-renamed")).body("timeZone", equalTo("Asia/Shanghai"))
                .body("address.city", equalTo("Berlin"));
        change("acme-admin").delete("/api/v1/sites/" + id).then().statusCode(204);
        as("acme-admin").get("/api/v1/sites/" + id).then().statusCode(404);
    }

    @Test
    void chargerIsRegisteredWithItsEvsesAndConnectors() {
        String identity = Api.unique("CP");
        String id = Api.createDevice("acme-admin", Api.charger(siteId, identity));
        as("acme-staff").get("/api/v1/devices/" + id).then().statusCode(200)
                .body("identity", equalTo(identity)).body("protocol", equalTo("ocpp1.6"))
                .body("status", equalTo("ENABLED")).body("siteId", equalTo(siteId))
                .body("evses.evseNumber", equalTo(List.of(1, 2)))
                .body("evses[1].connectors.connectorNumber", equalTo(List.of(1, 2)))
                .body("evses[1].connectors[1].type", equalTo("CHADEMO"))
                .body("evses[0].connectors[0].maxPowerW", equalTo(60000));
    }

    @Test
    void gateIsRegisteredWithoutEvses() {
        String id = Api.createDevice("acme-admin", Api.gate(siteId, Api.unique("GATE")));
        as("acme-admin").get("/api/v1/devices/" + id).then().statusCode(200)
                .body("kind", equalTo("BARRIER")).body("evses", equalTo(List.of()));
    }

    @Test
    void chargerWithoutEvsesAndGateWithEvsesAreRefusedNamingTheField() {
        Map<String, Object> charger = new HashMap<>(Api.charger(siteId, Api.unique("CP")));
        charger.remove("evses");
        change("acme-admin").body(charger).post("/api/v1/devices").then().statusCode(400).contentType(PROBLEM)
                .body("code", equalTo("validation_failed")).body("errors.field", hasItem("evses"));

        Map<String, Object> gate = new HashMap<>(Api.gate(siteId, Api.unique("G")));
        gate.put("evses", Api.charger(siteId, "x").get("evses"));
        gate.put("protocol", "ocpp1.6");
        change("acme-admin").body(gate).post("/api/v1/devices").then().statusCode(400)
                .body("errors.field", hasItems("evses", "protocol"));
    }

    @Test
    void invalidFieldsAreEachNamedInTheProblem() {
        Map<String, Object> site = new HashMap<>(Api.site(Api.unique("bad")));
        site.put("location", Map.of("latitude", 91, "longitude", 13.4));
        site.put("timeZone", "Mars/Olympus");
        site.put("address", Map.of("city", "Berlin", "country", "XX"));
        change("acme-admin").body(site).post("/api/v1/sites").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", containsInAnyOrder("location.latitude", "timeZone", "address.country"));

        Map<String, Object> device = new HashMap<>(Api.gate(siteId, Api.unique("G")));
        device.put("kind", "SPACESHIP");
        change("acme-admin").body(device).post("/api/v1/devices").then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("kind"));
        device.put("kind", "BARRIER");
        device.put("identity", "bad/identity");
        change("acme-admin").body(device).post("/api/v1/devices").then().statusCode(400)
                .body("errors[0].field", equalTo("identity"));

        as("acme-admin").get("/api/v1/devices?size=1000").then().statusCode(400).body("errors[0].field", equalTo("size"));
        as("acme-admin").get("/api/v1/devices?protocol=ocpp9").then().statusCode(400)
                .body("errors[0].field", equalTo("protocol"));
    }

    @Test
    void listPagesAreStableAndCountTheTotal() {
        String site = Api.createSite("acme-admin", Api.unique("paging"));
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(Api.createDevice("acme-admin", Api.gate(site, Api.unique("P" + i))));
        }
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            paged.addAll(as("acme-staff").queryParam("siteId", site).queryParam("page", page).queryParam("size", 2)
                    .get("/api/v1/devices").then().statusCode(200)
                    .body("total", equalTo(5)).body("page", equalTo(page)).body("size", equalTo(2))
                    .extract().<List<String>>path("items.id"));
        }
        assertEquals(created, paged);
    }

    @Test
    void devicesAreFilteredBySiteKindProtocolVendorStatusAndText() {
        String site = Api.createSite("acme-admin", Api.unique("filters"));
        String identity = Api.unique("FILTER-CP");
        String charger = Api.createDevice("acme-admin", Api.charger(site, identity));
        String gate = Api.createDevice("acme-admin", Api.gate(site, Api.unique("FILTER-G")));

        as("acme-admin").queryParam("siteId", site).queryParam("kind", "BARRIER").get("/api/v1/devices")
                .then().body("items.id", equalTo(List.of(gate)));
        as("acme-admin").queryParam("siteId", site).queryParam("protocol", "ocpp1.6").get("/api/v1/devices")
                .then().body("items.id", equalTo(List.of(charger)));
        as("acme-admin").queryParam("siteId", site).queryParam("vendor", "GateWorks").get("/api/v1/devices")
                .then().body("items.id", equalTo(List.of(gate)));
        as("acme-admin").queryParam("q", identity.toLowerCase()).get("/api/v1/devices")
                .then().body("items.id", equalTo(List.of(charger)));
        as("acme-admin").queryParam("q", "%").queryParam("siteId", site).get("/api/v1/devices")
                .then().body("total", equalTo(0));

        change("acme-admin").body(Map.of("status", "BLOCKED")).patch("/api/v1/devices/" + gate)
                .then().statusCode(200).body("status", equalTo("BLOCKED"));
        as("acme-admin").queryParam("siteId", site).queryParam("status", "BLOCKED").get("/api/v1/devices")
                .then().body("items.id", equalTo(List.of(gate)));
        change("acme-admin").body(Map.of("status", "ENABLED")).patch("/api/v1/devices/" + gate)
                .then().statusCode(200).body("status", equalTo("ENABLED"));
    }

    @Test
    void repeatedCreateWithTheSameKeyReturnsTheFirstAnswerAndRegistersOnce() {
        String key = UUID.randomUUID().toString();
        String identity = Api.unique("IDEM");
        Map<String, Object> body = Api.gate(siteId, identity);
        String first = as("acme-admin").header("Idempotency-Key", key).body(body).post("/api/v1/devices")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        as("acme-admin").header("Idempotency-Key", key).body(body).post("/api/v1/devices")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        as("acme-admin").queryParam("q", identity).get("/api/v1/devices").then().body("total", equalTo(1));

        Map<String, Object> other = new HashMap<>(body);
        other.put("name", "Another");
        as("acme-admin").header("Idempotency-Key", key).body(other).post("/api/v1/devices")
                .then().statusCode(422).contentType(PROBLEM).body("code", equalTo("idempotency_key_reused"));
    }

    @Test
    void everyChangeNeedsAnIdempotencyKey() {
        as("acme-admin").body(Api.site(Api.unique("nokey"))).post("/api/v1/sites")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("idempotency_key_missing"));
        as("acme-admin").body(Map.of("name", "x")).patch("/api/v1/sites/" + siteId)
                .then().statusCode(400).body("code", equalTo("idempotency_key_missing"));
        as("acme-admin").delete("/api/v1/sites/" + siteId)
                .then().statusCode(400).body("code", equalTo("idempotency_key_missing"));
    }

    @Test
    void staleIfMatchIsAVersionConflict() {
        String id = Api.createDevice("acme-admin", Api.gate(siteId, Api.unique("V")));
        change("acme-admin").header("If-Match", "\"0\"").body(Map.of("firmwareVersion", "2.0"))
                .patch("/api/v1/devices/" + id).then().statusCode(200).body("version", equalTo(1));
        change("acme-admin").header("If-Match", "\"0\"").body(Map.of("firmwareVersion", "3.0"))
                .patch("/api/v1/devices/" + id).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("conflict")).body("errors[0].field", equalTo("version"));
        change("acme-admin").header("If-Match", "\"0\"").delete("/api/v1/devices/" + id)
                .then().statusCode(409).body("code", equalTo("conflict"));
        as("acme-admin").get("/api/v1/devices/" + id).then().body("firmwareVersion", equalTo("2.0"));
        change("acme-admin").header("If-Match", "\"1\"").delete("/api/v1/devices/" + id).then().statusCode(204);
    }

    @Test
    void takenIdentityIsAConflictNamingTheFieldInAnyTenant() {
        String identity = Api.unique("TAKEN");
        Api.createDevice("acme-admin", Api.gate(siteId, identity));
        change("acme-admin").body(Api.gate(siteId, identity)).post("/api/v1/devices")
                .then().statusCode(409).contentType(PROBLEM).body("code", equalTo("conflict"))
                .body("errors[0].field", equalTo("identity"));
        String voltSite = Api.createSite("volt-admin", Api.unique("volt"));
        change("volt-admin").body(Api.gate(voltSite, identity)).post("/api/v1/devices")
                .then().statusCode(409).body("errors[0].field", equalTo("identity"));

        String siteName = Api.unique("dup-site");
        Api.createSite("acme-admin", siteName);
        change("acme-admin").body(Api.site(siteName)).post("/api/v1/sites")
                .then().statusCode(409).body("errors[0].field", equalTo("name"));
        // Site names are unique per tenant only.
        Api.createSite("volt-admin", siteName);
    }

    @Test
    void siteWithDevicesCannotBeDeleted() {
        String site = Api.createSite("acme-admin", Api.unique("occupied"));
        Api.createDevice("acme-admin", Api.gate(site, Api.unique("G")));
        change("acme-admin").delete("/api/v1/sites/" + site).then().statusCode(409).contentType(PROBLEM)
                .body("code", equalTo("conflict"));
    }

    @Test
    void deviceMovesOnlyToASiteOfItsOwnTenant() {
        String id = Api.createDevice("acme-admin", Api.gate(siteId, Api.unique("MOVE")));
        String other = Api.createSite("acme-admin", Api.unique("target"));
        change("acme-admin").body(Map.of("siteId", other)).patch("/api/v1/devices/" + id)
                .then().statusCode(200).body("siteId", equalTo(other));
        String voltSite = Api.createSite("volt-admin", Api.unique("volt-target"));
        change("acme-admin").body(Map.of("siteId", voltSite)).patch("/api/v1/devices/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("siteId"));
    }

    @Test
    void platformAdminSeesAllTenantsButNamesOneToChange() {
        String voltSite = Api.createSite("volt-admin", Api.unique("pa-volt"));
        as("platform-admin").queryParam("size", 100).get("/api/v1/tenants").then().statusCode(200)
                .body("items.id", hasItems("acme", "volt"));
        as("platform-admin").get("/api/v1/sites/" + voltSite).then().statusCode(200).body("tenantId", equalTo("volt"));
        as("platform-admin").header(TENANT_HEADER, "acme").get("/api/v1/sites/" + voltSite).then().statusCode(404);

        change("platform-admin").body(Api.gate(voltSite, Api.unique("PA"))).post("/api/v1/devices")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("validation_failed"));
        change("platform-admin").header(TENANT_HEADER, "volt").body(Api.gate(voltSite, Api.unique("PA")))
                .post("/api/v1/devices").then().statusCode(201).body("tenantId", equalTo("volt"));
    }

    @Test
    void platformAdminManagesTenants() {
        String id = Api.unique("tenant");
        change("platform-admin").body(Map.of("id", id, "name", "New Operator")).post("/api/v1/tenants")
                .then().statusCode(201).body("id", equalTo(id)).body("version", equalTo(0));
        change("platform-admin").body(Map.of("id", id, "name", "Again")).post("/api/v1/tenants")
                .then().statusCode(409).body("errors[0].field", equalTo("id"));
        change("platform-admin").header("If-Match", "\"0\"").body(Map.of("name", "Renamed"))
                .patch("/api/v1/tenants/" + id).then().statusCode(200).body("name", equalTo("Renamed"));
        change("platform-admin").body(Map.of("id", "_reserved", "name", "x")).post("/api/v1/tenants")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
    }
}
