package io.chargeplane.device.bus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscription;
import io.chargeplane.device.config.DeviceServiceConfig;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.topic.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * This instance's MQTT 5 connection to the device bus: it publishes commands with a response topic of its own
 * and receives results and adapter presence. The session is clean (nothing is queued for a vanished
 * instance); after every (re)connect the subscriptions of all {@link BusSubscriber}s are made again.
 */
@ApplicationScoped
public class DeviceBus {

    private static final Logger LOG = Logger.getLogger(DeviceBus.class);
    public static final MqttUtf8String CLOUDEVENTS = MqttUtf8String.of(CanonicalCodec.STRUCTURED_CONTENT_TYPE);

    private final DeviceServiceConfig.Bus config;
    private final Instance<BusSubscriber> subscribers;
    private final String instanceId;
    private final Mqtt5AsyncClient client;
    private volatile boolean subscribed;

    public DeviceBus(DeviceServiceConfig config, Instance<BusSubscriber> subscribers) {
        this.config = config.mqtt();
        this.subscribers = subscribers;
        this.instanceId = this.config.instanceId().orElseGet(() -> "device-service-" + UUID.randomUUID());
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier(instanceId)
                .serverHost(this.config.host())
                .serverPort(this.config.port())
                .automaticReconnect()
                    .initialDelay(200, TimeUnit.MILLISECONDS)
                    .maxDelay(10, TimeUnit.SECONDS)
                    .applyAutomaticReconnect()
                .addConnectedListener(context -> subscribeAll())
                .addDisconnectedListener(context -> {
                    subscribed = false;
                    LOG.warnf("Device bus disconnected: %s", context.getCause().getMessage());
                });
        if (this.config.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (this.config.username().isPresent()) {
            builder = builder.simpleAuth().username(this.config.username().get())
                    .password(this.config.password().orElse("").getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        this.client = builder.buildAsync();
        this.client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, this::dispatch);
    }

    // Connecting does not block startup: the client keeps retrying, and readiness reports the bus until then.
    void onStart(@Observes StartupEvent event) {
        client.connectWith().cleanStart(true).send().whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.warnf("Device bus not reachable yet at %s:%d (retrying): %s", config.host(), config.port(),
                        failure.getMessage());
            }
        });
    }

    void onStop(@Observes ShutdownEvent event) {
        try {
            client.disconnect().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debugf("Device bus disconnect: %s", e.getMessage());
        }
    }

    /** The topic this instance receives command results on (MQTT 5 response topic). */
    public String responseTopic() {
        return Topics.ROOT + "/_services/device-service/" + instanceId + "/cmd-results";
    }

    public String instanceId() {
        return instanceId;
    }

    /** Connected and subscribed: commands can be sent and their results received. */
    public boolean ready() {
        return subscribed && client.getState().isConnected();
    }

    /** Publishes at QoS 1; the Uni completes with the broker's PUBACK (or fails while the bus is down). */
    public Uni<Mqtt5PublishResult> publish(Mqtt5Publish publish) {
        if (!client.getState().isConnected()) {
            return Uni.createFrom().failure(new IllegalStateException("the device bus is not connected"));
        }
        return Uni.createFrom().completionStage(() -> client.publish(publish));
    }

    private void subscribeAll() {
        List<BusSubscriber> all = subscribers.stream().toList();
        if (all.isEmpty()) {
            subscribed = true;
            return;
        }
        List<Mqtt5Subscription> subscriptions = all.stream().map(subscriber -> Mqtt5Subscription.builder()
                .topicFilter(subscriber.filter()).qos(MqttQos.AT_LEAST_ONCE).build()).toList();
        client.subscribe(Mqtt5Subscribe.builder().addSubscriptions(subscriptions).build()).whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.errorf("Device bus subscription failed: %s", failure.getMessage());
            } else {
                subscribed = true;
                LOG.infof("Device bus connected as %s", instanceId);
            }
        });
    }

    private void dispatch(Mqtt5Publish publish) {
        String topic = publish.getTopic().toString();
        for (BusSubscriber subscriber : subscribers) {
            if (Topics.matches(subscriber.filter(), topic)) {
                try {
                    subscriber.onMessage(publish);
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Handling %s failed", topic);
                }
            }
        }
    }
}
