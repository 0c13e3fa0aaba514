package io.chargeplane.device.it;

import io.chargeplane.testkit.api.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.chargeplane.device.it.Api.PROBLEM;
import static io.chargeplane.device.it.Api.TENANT_HEADER;
import static io.chargeplane.device.it.Api.as;
import static io.chargeplane.device.it.Api.change;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Every endpoint, one row each: a user of tenant acme can neither read nor change tenant volt's data, a driver
 * is refused everywhere, and staff may only read (not the audit log). The table is checked against the generated OpenAPI document,
 * so an endpoint added without a row here fails the build.
 */
@QuarkusTest
@TestProfile(DeviceServiceProfile.class)
class TenantIsolationIT {

    /** Volt's data that acme users aim at. */
    record Volt(String siteId, String siteName, String emptySiteId, String deviceId, String identity, String secret,
                String commandId) {
    }

    /** What operator staff may do with an endpoint. */
    enum Staff {
        /** read: 200 */
        READ,
        /** refused: 403 */
        REFUSED,
        /** a server-sent event stream: 200 and the stream opens */
        STREAM
    }

    /**
     * @param crossTenant asserts that acme users cannot read or change volt's data through this endpoint
     * @param call        issues a well-formed request to this endpoint, aimed at volt's data where it takes an id
     */
    record Endpoint(String method, String path, Consumer<Volt> crossTenant,
                    BiFunction<RequestSpecification, Volt, Response> call, Staff staff) {

        /** Staff may read what is not a change. */
        Endpoint(String method, String path, Consumer<Volt> crossTenant,
                 BiFunction<RequestSpecification, Volt, Response> call) {
            this(method, path, crossTenant, call, method.equals("GET") ? Staff.READ : Staff.REFUSED);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static Volt volt;

    /** Once per class; not in {@code @BeforeAll}, where RestAssured does not yet know the application's port. */
    @BeforeEach
    void voltData() throws Exception {
        if (volt != null) {
            return;
        }
        Api.ensureTenants();
        String siteName = Api.unique("volt-site");
        String siteId = Api.createSite("volt-admin", siteName);
        String emptySiteId = Api.createSite("volt-admin", Api.unique("volt-empty"));
        String identity = Api.unique("VOLT");
        var registered = change("volt-admin").body(Api.charger(siteId, identity)).post("/api/v1/devices")
                .then().statusCode(201).extract();
        String deviceId = registered.path("id");
        volt = new Volt(siteId, siteName, emptySiteId, deviceId, identity, registered.path("credentials.secret"),
                voltCommand(deviceId, identity));
    }

    /** A command volt sent to its online device, which has not answered (202). */
    private static String voltCommand(String deviceId, String identity) throws Exception {
        CommandApiIT.onlineDevice("volt-admin", null, identity, deviceId);
        try (BusDevice silent = new BusDevice("volt", identity, null)) {
            return change("volt-admin").body(Map.of("kind", "SOFT")).post("/api/v1/devices/" + deviceId + "/commands/reset")
                    .then().statusCode(202).extract().path("id");
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("GET", "/api/v1/tenants", TenantIsolationIT::tenantListShowsOnlyOwnTenant,
                        (spec, v) -> spec.get("/api/v1/tenants")),
                new Endpoint("POST", "/api/v1/tenants", TenantIsolationIT::operatorCannotCreateTenants,
                        (spec, v) -> spec.body(Map.of("id", Api.unique("t"), "name", "New")).post("/api/v1/tenants")),
                new Endpoint("GET", "/api/v1/tenants/{tenantId}", TenantIsolationIT::otherTenantIsNotFound,
                        (spec, v) -> spec.get("/api/v1/tenants/volt")),
                new Endpoint("PATCH", "/api/v1/tenants/{tenantId}", TenantIsolationIT::operatorCannotChangeTenants,
                        (spec, v) -> spec.body(Map.of("name", "Taken over")).patch("/api/v1/tenants/volt")),
                new Endpoint("GET", "/api/v1/sites", TenantIsolationIT::siteListShowsOnlyOwnSites,
                        (spec, v) -> spec.get("/api/v1/sites")),
                new Endpoint("POST", "/api/v1/sites", TenantIsolationIT::cannotCreateSiteForOtherTenant,
                        (spec, v) -> spec.body(Api.site(Api.unique("s"))).post("/api/v1/sites")),
                new Endpoint("GET", "/api/v1/sites/{siteId}", TenantIsolationIT::otherTenantsSiteIsNotFound,
                        (spec, v) -> spec.get("/api/v1/sites/" + v.siteId())),
                new Endpoint("PATCH", "/api/v1/sites/{siteId}", TenantIsolationIT::cannotChangeOtherTenantsSite,
                        (spec, v) -> spec.body(Map.of("name", "x")).patch("/api/v1/sites/" + v.siteId())),
                new Endpoint("DELETE", "/api/v1/sites/{siteId}", TenantIsolationIT::cannotDeleteOtherTenantsSite,
                        (spec, v) -> spec.delete("/api/v1/sites/" + v.emptySiteId())),
                new Endpoint("GET", "/api/v1/devices", TenantIsolationIT::deviceListShowsOnlyOwnDevices,
                        (spec, v) -> spec.get("/api/v1/devices")),
                new Endpoint("POST", "/api/v1/devices", TenantIsolationIT::cannotRegisterAtOtherTenantsSite,
                        (spec, v) -> spec.body(Api.gate(v.siteId(), Api.unique("G"))).post("/api/v1/devices")),
                new Endpoint("GET", "/api/v1/devices/{deviceId}", TenantIsolationIT::otherTenantsDeviceIsNotFound,
                        (spec, v) -> spec.get("/api/v1/devices/" + v.deviceId())),
                new Endpoint("PATCH", "/api/v1/devices/{deviceId}", TenantIsolationIT::cannotChangeOtherTenantsDevice,
                        (spec, v) -> spec.body(Map.of("status", "BLOCKED")).patch("/api/v1/devices/" + v.deviceId())),
                new Endpoint("DELETE", "/api/v1/devices/{deviceId}", TenantIsolationIT::cannotDeleteOtherTenantsDevice,
                        (spec, v) -> spec.delete("/api/v1/devices/" + v.deviceId())),
                new Endpoint("POST", "/api/v1/devices/{deviceId}/credentials/rotate",
                        TenantIsolationIT::cannotRotateOtherTenantsDeviceSecret,
                        (spec, v) -> spec.post("/api/v1/devices/" + v.deviceId() + "/credentials/rotate")),
                new Endpoint("GET", "/api/v1/devices/{deviceId}/status", TenantIsolationIT::otherTenantsStatusIsNotFound,
                        (spec, v) -> spec.get("/api/v1/devices/" + v.deviceId() + "/status")),
                new Endpoint("GET", "/api/v1/devices/{deviceId}/status/history",
                        TenantIsolationIT::otherTenantsStatusHistoryIsNotFound,
                        (spec, v) -> spec.get("/api/v1/devices/" + v.deviceId() + "/status/history")),
                new Endpoint("GET", "/api/v1/status/stream", TenantIsolationIT::cannotStreamOtherTenantsStatus,
                        (spec, v) -> spec.get("/api/v1/status/stream"), Staff.STREAM),
                new Endpoint("POST", "/api/v1/devices/{deviceId}/commands/{capability}",
                        TenantIsolationIT::cannotCommandOtherTenantsDevice,
                        (spec, v) -> spec.body(Map.of("kind", "SOFT"))
                                .post("/api/v1/devices/" + v.deviceId() + "/commands/reset")),
                new Endpoint("GET", "/api/v1/commands/{commandId}", TenantIsolationIT::otherTenantsCommandIsNotFound,
                        (spec, v) -> spec.get("/api/v1/commands/" + v.commandId())),
                new Endpoint("GET", "/api/v1/audit", TenantIsolationIT::auditShowsOnlyOwnTenant,
                        (spec, v) -> spec.get("/api/v1/audit"), Staff.REFUSED));
    }

    @Test
    void endpointTableCoversEveryOperationOfTheOpenApiDocument() {
        Set<String> tested = endpoints().map(Endpoint::toString).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(OpenApiDocument.fetch().operations(), tested);
    }

    @Test
    void everyOperationIsDescribedInTheOpenApiDocument() {
        OpenApiDocument openApi = OpenApiDocument.fetch();
        endpoints().forEach(e -> assertFalse(openApi.description(e.method(), e.path()).isBlank(), e + " has a description"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void userOfAnotherTenantCannotReadOrChangeVoltData(Endpoint endpoint) {
        endpoint.crossTenant().accept(volt);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void driverIsRefused(Endpoint endpoint) {
        endpoint.call().apply(change("acme-driver"), volt)
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("forbidden"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void staffMayReadButNotChange(Endpoint endpoint) throws Exception {
        switch (endpoint.staff()) {
            case READ -> endpoint.call().apply(change("volt-staff"), volt).then().statusCode(200);
            case REFUSED -> endpoint.call().apply(change("volt-staff"), volt)
                    .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("forbidden"));
            case STREAM -> {
                try (StatusStream stream = StatusStream.connect("volt-staff")) {
                    assertEquals(200, stream.status());
                    assertEquals(true, stream.contentType().startsWith("text/event-stream"), stream.contentType());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void requestWithoutTokenIsUnauthenticated(Endpoint endpoint) {
        endpoint.call().apply(given().contentType("application/json").header("Idempotency-Key", "k"), volt)
                .then().statusCode(401).contentType(PROBLEM).body("code", equalTo("unauthenticated"));
    }

    // --- one cross-tenant check per endpoint ---

    private static void tenantListShowsOnlyOwnTenant(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/tenants?size=100").then().statusCode(200)
                    .body("total", equalTo(1)).body("items.id", equalTo(List.of("acme")));
            as(user).header(TENANT_HEADER, "volt").get("/api/v1/tenants").then().statusCode(403)
                    .body("code", equalTo("tenant_forbidden"));
        }
    }

    private static void operatorCannotCreateTenants(Volt v) {
        String id = Api.unique("t");
        change("acme-admin").body(Map.of("id", id, "name", "Rogue")).post("/api/v1/tenants")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("forbidden"));
        as("platform-admin").get("/api/v1/tenants/" + id).then().statusCode(404);
    }

    private static void otherTenantIsNotFound(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/tenants/volt").then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found"));
        }
        as("acme-admin").get("/api/v1/tenants/acme").then().statusCode(200);
    }

    private static void operatorCannotChangeTenants(Volt v) {
        String before = as("volt-admin").get("/api/v1/tenants/volt").then().extract().path("name");
        change("acme-admin").body(Map.of("name", "Taken over")).patch("/api/v1/tenants/volt")
                .then().statusCode(403).contentType(PROBLEM);
        as("volt-admin").get("/api/v1/tenants/volt").then().body("name", equalTo(before));
    }

    private static void siteListShowsOnlyOwnSites(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/sites?size=100").then().statusCode(200)
                    .body("items.tenantId", everyItem(equalTo("acme")));
            as(user).queryParam("q", v.siteName()).get("/api/v1/sites").then().statusCode(200)
                    .body("total", equalTo(0));
            as(user).header(TENANT_HEADER, "volt").get("/api/v1/sites").then().statusCode(403)
                    .body("code", equalTo("tenant_forbidden"));
        }
    }

    private static void cannotCreateSiteForOtherTenant(Volt v) {
        String name = Api.unique("rogue-site");
        change("acme-admin").header(TENANT_HEADER, "volt").body(Api.site(name)).post("/api/v1/sites")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("tenant_forbidden"));
        as("volt-admin").queryParam("q", name).get("/api/v1/sites").then().body("total", equalTo(0));
    }

    private static void otherTenantsSiteIsNotFound(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/sites/" + v.siteId()).then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found"));
        }
    }

    private static void cannotChangeOtherTenantsSite(Volt v) {
        change("acme-admin").body(Map.of("name", "Hijacked")).patch("/api/v1/sites/" + v.siteId())
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
        as("volt-admin").get("/api/v1/sites/" + v.siteId()).then().statusCode(200).body("name", equalTo(v.siteName()));
    }

    private static void cannotDeleteOtherTenantsSite(Volt v) {
        change("acme-admin").delete("/api/v1/sites/" + v.emptySiteId())
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
        as("volt-admin").get("/api/v1/sites/" + v.emptySiteId()).then().statusCode(200);
    }

    private static void deviceListShowsOnlyOwnDevices(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/devices?size=100").then().statusCode(200)
                    .body("items.tenantId", everyItem(equalTo("acme")));
            as(user).queryParam("siteId", v.siteId()).get("/api/v1/devices").then().statusCode(200)
                    .body("total", equalTo(0));
            as(user).queryParam("q", v.identity()).get("/api/v1/devices").then().statusCode(200)
                    .body("total", equalTo(0));
        }
    }

    private static void cannotRegisterAtOtherTenantsSite(Volt v) {
        change("acme-admin").body(Api.gate(v.siteId(), Api.unique("G"))).post("/api/v1/devices")
                .then().statusCode(400).contentType(PROBLEM).body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("siteId"));
        change("acme-admin").header(TENANT_HEADER, "volt").body(Api.gate(v.siteId(), Api.unique("G")))
                .post("/api/v1/devices").then().statusCode(403).body("code", equalTo("tenant_forbidden"));
        as("volt-admin").queryParam("siteId", v.siteId()).get("/api/v1/devices").then().body("total", equalTo(1));
    }

    private static void otherTenantsDeviceIsNotFound(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/devices/" + v.deviceId()).then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found")).body("detail", not(emptyOrNullString()));
        }
    }

    private static void cannotChangeOtherTenantsDevice(Volt v) {
        change("acme-admin").body(Map.of("status", "BLOCKED")).patch("/api/v1/devices/" + v.deviceId())
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
        as("volt-admin").get("/api/v1/devices/" + v.deviceId()).then().body("status", equalTo("ENABLED"));
    }

    private static void otherTenantsStatusIsNotFound(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/devices/" + v.deviceId() + "/status").then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found"));
        }
        as("volt-staff").get("/api/v1/devices/" + v.deviceId() + "/status").then().statusCode(200)
                .body("online", equalTo(true));
    }

    private static void otherTenantsStatusHistoryIsNotFound(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/devices/" + v.deviceId() + "/status/history").then().statusCode(404)
                    .contentType(PROBLEM).body("code", equalTo("not_found"));
        }
        as("volt-staff").get("/api/v1/devices/" + v.deviceId() + "/status/history").then().statusCode(200)
                .body("total", equalTo(1));
    }

    /** That an acme stream never carries a volt change is shown by LiveStatusIT; here: no way to ask for volt's. */
    private static void cannotStreamOtherTenantsStatus(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).header(TENANT_HEADER, "volt").get("/api/v1/status/stream").then().statusCode(403)
                    .contentType(PROBLEM).body("code", equalTo("tenant_forbidden"));
        }
    }

    private static void cannotCommandOtherTenantsDevice(Volt v) {
        int before = as("volt-admin").queryParam("deviceId", v.deviceId()).get("/api/v1/audit").then().extract().path("total");
        change("acme-admin").body(Map.of("kind", "SOFT")).post("/api/v1/devices/" + v.deviceId() + "/commands/reset")
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
        change("acme-admin").header(TENANT_HEADER, "volt").body(Map.of("kind", "SOFT"))
                .post("/api/v1/devices/" + v.deviceId() + "/commands/reset")
                .then().statusCode(403).body("code", equalTo("tenant_forbidden"));
        as("volt-admin").queryParam("deviceId", v.deviceId()).get("/api/v1/audit").then().body("total", equalTo(before));
    }

    private static void otherTenantsCommandIsNotFound(Volt v) {
        for (String user : List.of("acme-admin", "acme-staff")) {
            as(user).get("/api/v1/commands/" + v.commandId()).then().statusCode(404).contentType(PROBLEM)
                    .body("code", equalTo("not_found"));
        }
        as("volt-staff").get("/api/v1/commands/" + v.commandId()).then().statusCode(200)
                .body("capability", equalTo("reset"));
    }

    private static void auditShowsOnlyOwnTenant(Volt v) {
        as("acme-admin").get("/api/v1/audit?size=100").then().statusCode(200)
                .body("items.tenant", everyItem(equalTo("acme")));
        as("acme-admin").queryParam("deviceId", v.deviceId()).get("/api/v1/audit").then().statusCode(200)
                .body("total", equalTo(0));
        as("acme-admin").header(TENANT_HEADER, "volt").get("/api/v1/audit").then().statusCode(403)
                .body("code", equalTo("tenant_forbidden"));
        as("volt-admin").queryParam("deviceId", v.deviceId()).get("/api/v1/audit").then().statusCode(200)
                .body("items.deviceIdentity", everyItem(equalTo(v.identity())));
    }

    private static void cannotDeleteOtherTenantsDevice(Volt v) {
        change("acme-admin").delete("/api/v1/devices/" + v.deviceId())
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
        as("volt-admin").get("/api/v1/devices/" + v.deviceId()).then().statusCode(200);
    }

    private static void cannotRotateOtherTenantsDeviceSecret(Volt v) {
        change("acme-admin").post("/api/v1/devices/" + v.deviceId() + "/credentials/rotate")
                .then().statusCode(404).contentType(PROBLEM).body("code", equalTo("not_found"));
        change("acme-admin").header(TENANT_HEADER, "volt").post("/api/v1/devices/" + v.deviceId() + "/credentials/rotate")
                .then().statusCode(403).contentType(PROBLEM).body("code", equalTo("tenant_forbidden"));
        assertEquals("volt", KeycloakRealm.claims("device-" + v.identity(), v.secret()).get("tenant"));
    }
}
