package io.chargeplane.device.it;

import static io.chargeplane.device.it.Api.TENANT_HEADER;
import static io.chargeplane.device.it.Api.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.testkit.keycloak.KeycloakTokens;
import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A platform service (charging-service's client-credentials token, realm role {@code service}) acts for exactly
 * the tenant it names: it finds and commands that tenant's devices, sees nothing of another tenant's, must name
 * one, and cannot change the registry.
 */
@QuarkusTest
@TestProfile(DeviceServiceProfile.class)
class ServiceAccountIT {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static String serviceToken;
    private static String site;

    @BeforeEach
    void prepare() {
        if (serviceToken == null) {
            Api.ensureTenants();
            site = Api.createSite("acme-admin", Api.unique("svc"));
            serviceToken = KeycloakTokens.of(SharedServices.keycloak()).serviceToken("charging-service");
            await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));
        }
    }

    private static RequestSpecification service(String tenant) {
        RequestSpecification spec = given().auth().oauth2(serviceToken).contentType(ContentType.JSON);
        return tenant == null ? spec : spec.header(TENANT_HEADER, tenant);
    }

    @Test
    void findsTheNamedTenantsDeviceByIdentityAndNothingOfAnotherTenant() {
        String identity = Api.unique("SVC");
        String id = Api.createDevice("acme-admin", Api.charger(site, identity));

        service("acme").queryParam("q", identity).get("/api/v1/devices").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(id));
        service("volt").queryParam("q", identity).get("/api/v1/devices").then().statusCode(200)
                .body("items", hasSize(0));
        service("acme").get("/api/v1/devices/" + id).then().statusCode(200);
        service("volt").get("/api/v1/devices/" + id).then().statusCode(404);
        service("volt").get("/api/v1/devices/" + id + "/status").then().statusCode(404);
    }

    @Test
    void mustNameTheTenantItActsFor() {
        service(null).get("/api/v1/devices").then().statusCode(403).body("code", equalTo("tenant_missing"));
    }

    @Test
    void commandsTheNamedTenantsDeviceButNotAnotherTenants() throws Exception {
        String identity = Api.unique("SVC");
        String id = CommandApiIT.onlineDevice("acme-admin", Api.charger(site, identity), identity)[0];
        Map<String, Object> start = Map.of("evse", 1, "connector", 1,
                "idToken", Map.of("value", "CPSESSION0001", "type", "CENTRAL"));

        service("volt").header("Idempotency-Key", UUID.randomUUID().toString()).body(start)
                .post("/api/v1/devices/" + id + "/commands/start_charging").then().statusCode(404);
        try (BusDevice device = new BusDevice("acme", identity, CommandStatus.ACCEPTED)) {
            service("acme").header("Idempotency-Key", UUID.randomUUID().toString()).body(start)
                    .post("/api/v1/devices/" + id + "/commands/start_charging").then().statusCode(200)
                    .body("status", equalTo("ACCEPTED"));
        }
    }

    @Test
    void cannotChangeTheRegistry() {
        service("acme").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Api.charger(site, Api.unique("SVC"))).post("/api/v1/devices").then().statusCode(403);
        as("acme-admin").get("/api/v1/devices").then().statusCode(200);
    }
}
