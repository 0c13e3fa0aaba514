package io.chargeplane.charging.it;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.ArrayList;
import java.util.Map;

/**
 * Removes system properties whose value is not a String before the application starts. The JTA runtime that the
 * JDBC datasource (Flyway) brings copies every system property by name at boot and fails on a non-String value,
 * which the test kit's Kafka restart hook (work in progress in libs/testkit) is. This test JVM never restarts its
 * broker, so dropping the hook here costs nothing; remove this resource once the kit keeps the hook elsewhere.
 */
public class StringOnlySystemProperties implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        for (Object key : new ArrayList<>(System.getProperties().keySet())) {
            if (!(System.getProperties().get(key) instanceof String)) {
                System.getProperties().remove(key);
            }
        }
        return Map.of();
    }

    @Override
    public void stop() {
    }

    @Override
    public int order() {
        return Integer.MAX_VALUE;
    }
}
