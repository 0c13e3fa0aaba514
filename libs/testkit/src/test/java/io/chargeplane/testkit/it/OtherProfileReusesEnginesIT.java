package io.chargeplane.testkit.it;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A second profile means a second Quarkus application and class loader, but not a second set of engines. */
@QuarkusTest
@TestProfile(OtherProfileReusesEnginesIT.OtherProfile.class)
class OtherProfileReusesEnginesIT {

    public static class OtherProfile extends RealServicesProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"io.chargeplane\".level", "DEBUG");
        }
    }

    @Test
    void engineStartsAreSharedWithTheFirstApplication() {
        EnginesStartOncePerJvmIT.assertEachEngineStartedOnce();
    }
}
