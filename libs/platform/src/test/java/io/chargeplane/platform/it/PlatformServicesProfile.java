package io.chargeplane.platform.it;

import io.chargeplane.testkit.quarkus.KeycloakResource;
import io.chargeplane.testkit.quarkus.RedisResource;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;

/** The one resource set of this module's ITs: real Keycloak for tokens, real Redis for idempotency. */
public class PlatformServicesProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class), new TestResourceEntry(RedisResource.class));
    }
}
