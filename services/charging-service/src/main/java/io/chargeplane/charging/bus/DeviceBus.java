package io.chargeplane.charging.bus;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.charging.config.ChargingConfig;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * charging-service's one MQTT 5 client on the device bus. It reconnects by itself; after every (re)connect it
 * subscribes again and tells its listeners, because a clean session starts with nothing.
 */
@ApplicationScoped
public class DeviceBus {

    private static final Logger LOG = Logger.getLogger(DeviceBus.class);

    private final Mqtt5AsyncClient client;
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Runnable> onConnected = new ArrayList<>();

    private record Subscription(String filter, Consumer<Mqtt5Publish> callback) {
    }

    public DeviceBus(ChargingConfig config) {
        ChargingConfig.Mqtt mqtt = config.mqtt();
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier("charging-service-" + UUID.randomUUID())
                .serverHost(mqtt.host()).serverPort(mqtt.port())
                .automaticReconnect().initialDelay(500, TimeUnit.MILLISECONDS).maxDelay(10, TimeUnit.SECONDS)
                .applyAutomaticReconnect()
                .addConnectedListener(ctx -> resubscribe());
        if (mqtt.username().isPresent()) {
            builder = builder.simpleAuth().username(mqtt.username().get())
                    .password(mqtt.password().orElse("").getBytes(StandardCharsets.UTF_8)).applySimpleAuth();
        }
        this.client = builder.buildAsync();
    }

    /** Registers a subscription (made now if connected, and again after every reconnect). */
    public synchronized void subscribe(String filter, Consumer<Mqtt5Publish> callback) {
        subscriptions.add(new Subscription(filter, callback));
        if (client.getState().isConnected()) {
            send(new Subscription(filter, callback));
        }
    }

    /** Runs after every connect, e.g. to republish retained state a restarted broker may have lost. */
    public synchronized void onConnected(Runnable action) {
        onConnected.add(action);
        if (client.getState().isConnected()) {
            action.run();
        }
    }

    public CompletableFuture<?> connect() {
        return client.connectWith().cleanStart(true).send();
    }

    public boolean isConnected() {
        return client.getState().isConnected();
    }

    public CompletableFuture<?> publish(Mqtt5Publish publish) {
        return client.publish(publish);
    }

    private synchronized void resubscribe() {
        // Runs on the client's thread: only issue the calls, never wait for them.
        subscriptions.forEach(this::send);
        onConnected.forEach(action -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                LOG.warnf("After-connect action failed: %s", e.toString());
            }
        });
    }

    private void send(Subscription s) {
        client.subscribeWith().topicFilter(s.filter()).qos(MqttQos.AT_LEAST_ONCE).callback(s.callback()).send()
                .whenComplete((ack, failure) -> {
                    if (failure != null) {
                        LOG.warnf("Subscription to %s failed: %s", s.filter(), failure.toString());
                    }
                });
    }

    void stop(@Observes ShutdownEvent event) {
        if (client.getState().isConnected()) {
            client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
