package io.chargeplane.charging.policy;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.charging.bus.DeviceBus;
import io.chargeplane.charging.persistence.PolicyStore;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.OfflinePolicySetting;
import io.chargeplane.model.topic.Topics;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Each tenant's offline policy: stored in PostgreSQL and published retained on
 * {@code chargeplane/v1/_policies/{tenant}/offline-policy}, where every adapter picks it up (also after it starts).
 * After each bus connect every stored policy is published again, because a restarted broker may have lost its
 * retained messages.
 */
@ApplicationScoped
public class OfflinePolicyService {

    private static final Logger LOG = Logger.getLogger(OfflinePolicyService.class);

    private final PolicyStore store;
    private final DeviceBus bus;
    private final Clock clock;

    public OfflinePolicyService(PolicyStore store, DeviceBus bus, Clock clock) {
        this.store = store;
        this.bus = bus;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        bus.onConnected(() -> store.all().subscribe().with(
                all -> all.forEach((tenant, setting) -> publish(tenant, setting)),
                f -> LOG.warnf("Offline policies not republished: %s", f.toString())));
    }

    public Uni<OfflinePolicySetting> find(TenantId tenant) {
        return store.find(tenant);
    }

    /** Saves the policy, then publishes it; answers once the broker has it (or fails: the store is the truth). */
    public Uni<OfflinePolicySetting> set(TenantId tenant, OfflinePolicySetting setting) {
        return store.save(tenant, setting, clock.instant())
                .flatMap(ignored -> Uni.createFrom().completionStage(() -> publish(tenant, setting)))
                .replaceWith(setting);
    }

    private java.util.concurrent.CompletableFuture<?> publish(TenantId tenant, OfflinePolicySetting setting) {
        return bus.publish(Mqtt5Publish.builder().topic(Topics.offlinePolicy(tenant)).qos(MqttQos.AT_LEAST_ONCE)
                .retain(true).contentType(CanonicalCodec.DATA_CONTENT_TYPE)
                .payload(CanonicalCodec.defaultCodec().writeJson(setting)).build());
    }
}
