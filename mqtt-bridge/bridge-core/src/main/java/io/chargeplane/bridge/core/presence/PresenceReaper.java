package io.chargeplane.bridge.core.presence;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.bridge.core.bus.MqttClients;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.presence.PresenceLedger.Orphan;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.id.EventId;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.AdapterPresenceTopic;
import io.chargeplane.model.topic.DevicePresence;
import io.chargeplane.model.topic.DevicePresenceTopic;
import io.chargeplane.model.topic.Topic;
import io.chargeplane.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Marks the devices of a vanished adapter instance offline. An instance that crashes leaves only its last will
 * (adapter presence offline); the retained presence of each of its devices still says online with it, and no
 * {@code disconnected} event was published. The reaper watches every device and adapter presence on the bus
 * ({@link PresenceLedger}) and, when an instance turns offline, publishes for every device whose latest
 * presence is online with that instance: a {@code disconnected} event ({@link DisconnectReason#ADAPTER_LOST},
 * structured CloudEvent, so the event pump carries it to Kafka) and then the retained presence offline. A device
 * whose latest presence names another instance reconnected there and is left alone.
 *
 * <p>Several reapers may run (one per pump instance) and all of them act. That is harmless: the retained
 * presence offline is the same state written twice, and the {@code disconnected} event gets an id derived
 * from device, instance and the device's online-since, so every reaper publishes the same id and consumers,
 * who de-duplicate on the CloudEvents id, see it once.
 *
 * <p>Its own MQTT 5 client: clean session, no last will (it is not an adapter). After every (re)connect it
 * forgets what it knew and re-subscribes; the retained presences the broker sends then rebuild the picture,
 * including instances that died while no reaper was watching.
 */
public final class PresenceReaper {

    private static final Logger LOG = Logger.getLogger(PresenceReaper.class);
    /** Ids of offline instances kept so that late device presences naming them are recognised. */
    static final int DEAD_ADAPTERS_REMEMBERED = 10_000;

    private final Mqtt5AsyncClient client;
    private final CanonicalCodec codec;
    private final Clock clock;
    private final String filter = Topics.allDevicePresence();
    private PresenceLedger ledger = new PresenceLedger(DEAD_ADAPTERS_REMEMBERED);
    private volatile boolean subscribed;
    private volatile boolean stopping;
    private volatile boolean outageLogged;

    public PresenceReaper(BridgeConfig.Mqtt config, String clientId, CanonicalCodec codec, Clock clock) {
        this.codec = codec;
        this.clock = clock;
        this.client = MqttClients.builder(config, clientId)
                .addConnectedListener(context -> onConnected())
                .addDisconnectedListener(this::onDisconnected)
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::onPresence);
    }

    /** Starts connecting in the background; {@link #isSubscribed()} tells when presences flow. */
    public void start() {
        client.connectWith().cleanStart(true).noSessionExpiry().send().exceptionally(failure -> null);
    }

    public boolean isSubscribed() {
        return subscribed && client.getState().isConnected();
    }

    /** The instance the device's latest known presence names, if it is online. */
    public synchronized Optional<AdapterInstanceId> holderOf(DeviceAddress address) {
        return ledger.holderOf(address);
    }

    public void stop(Duration timeout) {
        stopping = true;
        try {
            client.disconnect().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("Presence reaper did not disconnect cleanly: %s", e.getMessage());
        }
    }

    private void onConnected() {
        outageLogged = false;
        synchronized (this) {
            // Clean session: what happened during an outage comes back as retained presence.
            ledger = new PresenceLedger(DEAD_ADAPTERS_REMEMBERED);
        }
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).noLocal(true).send()
                .whenComplete((ack, failure) -> {
                    if (failure != null) {
                        LOG.warnf("Presence reaper could not subscribe: %s", failure.getMessage());
                        return;
                    }
                    for (Mqtt5SubAckReasonCode code : ack.getReasonCodes()) {
                        if (code.isError()) {
                            LOG.warnf("Presence reaper subscription %s refused by the broker: %s", filter, code);
                            return;
                        }
                    }
                    subscribed = true;
                });
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        subscribed = false;
        if (stopping) {
            context.getReconnector().reconnect(false);
            return;
        }
        if (!outageLogged) {
            outageLogged = true;
            LOG.warnf("Presence reaper lost the device bus (%s), reconnecting: %s", context.getSource(),
                    context.getCause().getMessage());
        }
    }

    private void onPresence(Mqtt5Publish publish) {
        byte[] payload = publish.getPayloadAsBytes();
        if (payload.length == 0) {
            return; // a cleared retained message
        }
        try {
            Topic topic = Topics.parse(publish.getTopic().toString());
            List<Orphan> orphans;
            synchronized (this) {
                orphans = switch (topic) {
                    case DevicePresenceTopic device -> ledger.onDevicePresence(
                            new DeviceAddress(device.tenant(), device.device()),
                            codec.readJson(payload, DevicePresence.class)).map(List::of).orElse(List.of());
                    case AdapterPresenceTopic adapter -> ledger.onAdapterPresence(
                            codec.readJson(payload, AdapterPresence.class));
                    default -> List.of();
                };
            }
            if (!orphans.isEmpty()) {
                LOG.infof("Instance %s is offline and still held %d device(s); marking them offline",
                        orphans.get(0).adapter(), orphans.size());
                orphans.forEach(this::release);
            }
        } catch (RuntimeException e) {
            LOG.debugf("Presence reaper ignored %s: %s", publish.getTopic(), e.getMessage());
        }
    }

    private void release(Orphan orphan) {
        DeviceAddress address = orphan.address();
        Instant now = Instant.now(clock);
        CanonicalEvent<DeviceEvent> event = new CanonicalEvent<>(eventId(orphan), address.tenant(), address.device(),
                now, null, orphan.protocol(), orphan.adapter(),
                new Disconnected(DisconnectReason.ADAPTER_LOST, "adapter instance " + orphan.adapter() + " went offline"));
        publish(BusMessages.cloudEvent(Topics.event(address.tenant(), address.device(), Disconnected.NAME),
                codec.writeStructured(event)).build());
        publish(BusMessages.retainedJson(Topics.devicePresence(address.tenant(), address.device()),
                codec.writeJson(DevicePresence.offline(now))));
    }

    /** The same for every reaper that releases this device from this instance, so consumers see one event. */
    static EventId eventId(Orphan orphan) {
        String key = "adapter-lost/" + orphan.address().tenant() + "/" + orphan.address().device() + "/"
                + orphan.adapter() + "/" + orphan.onlineSince();
        return EventId.of(UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString());
    }

    private void publish(Mqtt5Publish message) {
        client.publish(message).whenComplete((result, failure) -> {
            Throwable error = failure != null ? failure : result.getError().orElse(null);
            if (error != null) {
                LOG.warnf("Presence reaper could not publish to %s: %s", message.getTopic(), error.getMessage());
            }
        });
    }
}
