package io.chargeplane.device.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.chargeplane.device.it.Api.PROBLEM;
import static io.chargeplane.device.it.Api.as;
import static io.chargeplane.device.it.Api.change;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With Keycloak's admin API unreachable, registry changes that need it refuse with 503 and change nothing. */
@QuarkusTest
@TestProfile(KeycloakAdminDownProfile.class)
class DeviceIdentityOutageIT {

    @Test
    void registrationWhileKeycloakIsDownIsUnavailableAndStoresNothing() {
        Api.ensureTenants();
        String siteId = Api.createSite("acme-admin", Api.unique("outage-site"));
        Map<String, Object> body = Api.gate(siteId, Api.unique("DOWN"));

        change("acme-admin").body(body).post("/api/v1/devices").then().statusCode(503).contentType(PROBLEM)
                .body("code", equalTo("service_unavailable"));

        as("acme-admin").queryParam("q", body.get("identity")).get("/api/v1/devices").then().statusCode(200)
                .body("total", equalTo(0));
        assertTrue(KeycloakRealm.client("device-" + body.get("identity")).isEmpty());
    }
}
