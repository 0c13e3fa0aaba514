package io.chargeplane.device.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Fans status changes out to every instance's status streams. Kafka's consumer group gives each instance only
 * some partitions, so the instance that processed a change is rarely the one holding a tenant's stream: each
 * change is published on the tenant's Redis channel, and every instance subscribes to all tenant channels once
 * and hands the changes to its local streams, which filter by the caller's tenant.
 */
@ApplicationScoped
public class StatusBroadcaster {

    private static final Logger LOG = Logger.getLogger(StatusBroadcaster.class);
    static final String CHANNEL_PREFIX = "chargeplane:device:status-changes:";

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final BroadcastProcessor<StatusChange> local = BroadcastProcessor.create();

    public StatusBroadcaster(ReactiveRedisDataSource redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        redis.pubsub(String.class).subscribeToPatterns(CHANNEL_PREFIX + "*")
                .onFailure().invoke(e -> LOG.warnf("Status channel subscription lost, resubscribing: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely()
                .subscribe().with(this::deliver);
    }

    /** Publishes a change to every instance's streams of its tenant. */
    public Uni<Void> publish(StatusChange change) {
        try {
            return redis.pubsub(String.class).publish(CHANNEL_PREFIX + change.tenant(), json.writeValueAsString(change));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The changes of all tenants as they arrive at this instance; subscribers filter by tenant. */
    public Multi<StatusChange> changes() {
        return local;
    }

    private void deliver(String message) {
        try {
            local.onNext(json.readValue(message, StatusChange.class));
        } catch (JsonProcessingException e) {
            LOG.warnf("Unreadable status change dropped: %s", e.getOriginalMessage());
        }
    }
}
