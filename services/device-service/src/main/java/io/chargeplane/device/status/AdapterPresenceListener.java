package io.chargeplane.device.status;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.device.bus.BusSubscriber;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Learns of adapter deaths from the bus: the bridge registers a retained {@link AdapterPresence} offline as each
 * adapter's MQTT last will, so the broker itself announces an adapter that vanished without a word. Events on
 * Kafka cannot say this, because a dead adapter publishes no {@code disconnected} for its devices.
 */
@ApplicationScoped
public class AdapterPresenceListener implements BusSubscriber {

    private static final Logger LOG = Logger.getLogger(AdapterPresenceListener.class);

    private final CanonicalCodec codec = CanonicalCodec.defaultCodec();
    private final LiveStatusProcessor processor;

    public AdapterPresenceListener(LiveStatusProcessor processor) {
        this.processor = processor;
    }

    @Override
    public String filter() {
        return Topics.allAdapterPresence();
    }

    @Override
    public void onMessage(Mqtt5Publish publish) {
        if (publish.getPayloadAsBytes().length == 0) {
            return; // a cleared retained message
        }
        AdapterPresence presence;
        try {
            presence = codec.readJson(publish.getPayloadAsBytes(), AdapterPresence.class);
        } catch (RuntimeException e) {
            LOG.warnf("Unreadable adapter presence on %s: %s", publish.getTopic(), e.getMessage());
            return;
        }
        String adapter = presence.instance().value();
        (presence.online() ? processor.adapterOnline(adapter, presence.since()) : processor.adapterDied(adapter, Instant.now()))
                .subscribe().with(done -> { }, failure -> LOG.warnf("Presence of adapter %s not applied: %s",
                        adapter, failure.toString()));
    }
}
