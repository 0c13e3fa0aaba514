package io.chargeplane.testkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Together with {@link OtherProfileReusesEnginesIT}: whichever of the two Quarkus applications boots
 * second must find every engine already running instead of starting its own.
 */
@QuarkusTest
@TestProfile(RealServicesProfile.class)
class EnginesStartOncePerJvmIT {

    static void assertEachEngineStartedOnce() {
        for (String engine : List.of("postgres", "kafka", "mqtt", "redis", "keycloak")) {
            assertEquals(1, SharedServices.starts(engine), engine + " starts in this JVM");
        }
    }

    @Test
    void eachEngineStartedOnce() {
        assertEachEngineStartedOnce();
    }
}
