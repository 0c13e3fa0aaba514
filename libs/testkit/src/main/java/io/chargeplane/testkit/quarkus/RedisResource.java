package io.chargeplane.testkit.quarkus;

import io.chargeplane.testkit.server.SharedServices;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the default Quarkus Redis client at the JVM's shared Redis. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.redis.hosts", SharedServices.redis().uri());
    }

    /** The server outlives the Quarkus application: {@link SharedServices} stops it when the JVM exits. */
    @Override
    public void stop() {
    }
}
