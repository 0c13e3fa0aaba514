package io.chargeplane.platform.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Idempotency records in Redis: {@code SET NX} makes the claim atomic across service instances, and the
 * key's expiry bounds both a stuck in-progress claim and how long answers are remembered.
 */
@ApplicationScoped
public class RedisIdempotencyStore implements IdempotencyStore {

    private static final String PREFIX = "chargeplane:idempotency:";

    private final ReactiveValueCommands<String, String> values;
    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;

    public RedisIdempotencyStore(ReactiveRedisDataSource redis, ObjectMapper json) {
        this.redis = redis;
        this.values = redis.value(String.class, String.class);
        this.json = json;
    }

    @Override
    public Uni<IdempotencyRecord> claim(String key, String fingerprint, Duration inProgressTtl) {
        String redisKey = PREFIX + key;
        // SET NX answers OK only to the one caller that created the key (NX with GET needs Redis 7).
        return redis.execute("SET", redisKey, write(IdempotencyRecord.inProgress(fingerprint)),
                        "NX", "PX", Long.toString(inProgressTtl.toMillis()))
                .flatMap(reply -> reply != null && "OK".equals(reply.toString())
                        ? Uni.createFrom().nullItem()
                        : values.get(redisKey).map(held -> held == null ? null : read(held)));
    }

    @Override
    public Uni<Void> complete(String key, IdempotencyRecord record, Duration retention) {
        return values.set(PREFIX + key, write(record), new SetArgs().px(retention));
    }

    @Override
    public Uni<Void> release(String key) {
        return redis.key().del(PREFIX + key).replaceWithVoid();
    }

    private String write(IdempotencyRecord record) {
        try {
            return json.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("idempotency record cannot be written", e);
        }
    }

    private IdempotencyRecord read(String stored) {
        try {
            return json.readValue(stored, IdempotencyRecord.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("idempotency record in Redis is corrupt", e);
        }
    }
}
