package io.chargeplane.device.status;

import io.chargeplane.device.config.DeviceServiceConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The hot view of every device in Redis: one hash per device, changed only by scripts that compare event times
 * inside Redis, so that an event older than the state the view holds never overwrites it, whatever the order
 * of delivery, and several consumers can never interleave a read and a write.
 */
@ApplicationScoped
public class LiveStatusStore {

    /** Result of {@link #apply}: the update was older than the view (or from an adapter no longer in charge). */
    public static final int STALE = -1;
    public static final int UNCHANGED = 0;
    public static final int CHANGED = 1;
    /** The view already holds exactly this event's state: a re-delivery of the event that set it. */
    public static final int REAPPLIED = 2;

    private static final String PREFIX = "chargeplane:device:";

    // ARGV: 1 lastSeen, 2 now, 3 tenant, 4 identity, 5 guard field ('' = none), 6 guard time, 7 adapter that must
    // hold the device ('' = any), 8 event id, 9.. field/value pairs.
    private static final String APPLY = """
            local key = KEYS[1]
            redis.call('HSET', key, 'tenant', ARGV[3], 'identity', ARGV[4], 'updated', ARGV[2])
            local seen = tonumber(redis.call('HGET', key, 'lastSeen') or '0')
            if tonumber(ARGV[1]) > seen then redis.call('HSET', key, 'lastSeen', ARGV[1]) end
            if ARGV[5] == '' then return 0 end
            local held = redis.call('HGET', key, ARGV[5])
            if held and tonumber(ARGV[6]) < tonumber(held) then return -1 end
            if held and tonumber(ARGV[6]) == tonumber(held) and redis.call('HGET', key, ARGV[5] .. '#id') == ARGV[8] then
              return 2
            end
            if ARGV[7] ~= '' then
              local current = redis.call('HGET', key, 'adapter')
              if current and current ~= '' and current ~= ARGV[7] then return -1 end
            end
            local changed = 0
            for i = 9, #ARGV, 2 do
              if redis.call('HGET', key, ARGV[i]) ~= ARGV[i + 1] then
                changed = 1
                redis.call('HSET', key, ARGV[i], ARGV[i + 1])
              end
            end
            redis.call('HSET', key, ARGV[5], ARGV[6], ARGV[5] .. '#id', ARGV[8])
            return changed
            """;

    // ARGV: 1 adapter, 2 time of death, 3 now. Offline only if that adapter still holds the device and the view's
    // presence is not newer than the death.
    private static final String ADAPTER_DIED = """
            local key = KEYS[1]
            if redis.call('HGET', key, 'online') ~= '1' then return 0 end
            if redis.call('HGET', key, 'adapter') ~= ARGV[1] then return 0 end
            local held = tonumber(redis.call('HGET', key, 'presenceAt') or '0')
            if held > tonumber(ARGV[2]) then return 0 end
            redis.call('HSET', key, 'online', '0', 'presenceAt', ARGV[2], 'presenceAt#id', 'adapter-offline', 'updated', ARGV[3])
            return 1
            """;

    private final ReactiveRedisDataSource redis;
    private final ReactiveHashCommands<String, String, String> hashes;
    private final DeviceServiceConfig.Status config;

    public LiveStatusStore(ReactiveRedisDataSource redis, DeviceServiceConfig config) {
        this.redis = redis;
        this.hashes = redis.hash(String.class);
        this.config = config.status();
    }

    static String viewKey(UUID device) {
        return PREFIX + "status:" + device;
    }

    private static String processedKey(String eventId) {
        return PREFIX + "event:" + eventId;
    }

    private static String adapterDevicesKey(String adapter) {
        return PREFIX + "adapter:" + adapter + ":devices";
    }

    private static String deadAdapterKey(String adapter) {
        return PREFIX + "adapter:" + adapter + ":dead";
    }

    public Uni<Boolean> processed(String eventId) {
        return redis.key().exists(processedKey(eventId));
    }

    public Uni<Void> markProcessed(String eventId) {
        return redis.value(String.class).set(processedKey(eventId), "1",
                new SetArgs().px(config.processedEventRetention()));
    }

    /** Applies {@code update} to the device's view; answers {@link #STALE}, {@link #UNCHANGED}, {@link #CHANGED} or {@link #REAPPLIED}. */
    public Uni<Integer> apply(UUID device, String tenant, String identity, String eventId, long lastSeen,
                              ViewUpdate update) {
        List<String> args = new ArrayList<>(List.of("EVAL", APPLY, "1", viewKey(device), Long.toString(lastSeen),
                Long.toString(System.currentTimeMillis()), tenant, identity,
                update.guarded() ? update.guardField() : "", Long.toString(update.guardTime()),
                update.onlyIfAdapter() == null ? "" : update.onlyIfAdapter(), eventId));
        update.fields().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        return redis.execute(args.getFirst(), args.subList(1, args.size()).toArray(String[]::new))
                .map(reply -> reply.toInteger());
    }

    public Uni<Map<String, String>> read(UUID device) {
        return hashes.hgetall(viewKey(device));
    }

    /** Remembers which devices an adapter instance held, so its death can take exactly those offline. */
    public Uni<Void> rememberAdapter(String adapter, UUID device) {
        return redis.set(String.class).sadd(adapterDevicesKey(adapter), device.toString()).replaceWithVoid();
    }

    public Uni<List<UUID>> devicesOf(String adapter) {
        return redis.set(String.class).smembers(adapterDevicesKey(adapter))
                .map(members -> members.stream().map(UUID::fromString).toList());
    }

    /** When the adapter was last seen dying (epoch ms), or null. */
    public Uni<Long> deathOf(String adapter) {
        return redis.value(String.class).get(deadAdapterKey(adapter)).map(v -> v == null ? null : Long.valueOf(v));
    }

    public Uni<Void> markDead(String adapter, long at) {
        return redis.value(String.class).set(deadAdapterKey(adapter), Long.toString(at),
                new SetArgs().px(config.deadAdapterRetention()));
    }

    public Uni<Void> clearDeath(String adapter) {
        return redis.key().del(deadAdapterKey(adapter)).replaceWithVoid();
    }

    /** Takes the device offline if {@code adapter} still holds it; true when it did. */
    public Uni<Boolean> offlineIfHeldBy(UUID device, String adapter, long at) {
        return redis.execute("EVAL", ADAPTER_DIED, "1", viewKey(device), adapter, Long.toString(at),
                        Long.toString(System.currentTimeMillis()))
                .map(reply -> reply.toInteger() == 1);
    }

    public Uni<Void> forgetAdapterDevice(String adapter, UUID device) {
        return redis.set(String.class).srem(adapterDevicesKey(adapter), device.toString()).replaceWithVoid();
    }
}
