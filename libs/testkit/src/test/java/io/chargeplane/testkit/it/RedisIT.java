package io.chargeplane.testkit.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.value.ValueCommands;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(RealServicesProfile.class)
class RedisIT {

    @Inject
    RedisDataSource redis;

    @Test
    void readsBackWhatWasSet() {
        ValueCommands<String, String> values = redis.value(String.class);
        String key = "testkit:" + UUID.randomUUID();
        assertNull(values.get(key));
        values.set(key, "connected");
        assertEquals("connected", values.get(key));
    }

    @Test
    void setIfAbsentKeepsTheFirstValueLikeAnIdempotencyKey() {
        ValueCommands<String, String> values = redis.value(String.class);
        String key = "idempotency:" + UUID.randomUUID();
        assertEquals(true, values.setnx(key, "first"));
        assertEquals(false, values.setnx(key, "second"));
        assertEquals("first", values.get(key));
    }
}
