package io.chargeplane.bridge.core.bus;

import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.datatypes.MqttUtf8String;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.unsubscribe.Mqtt5Unsubscribe;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.spi.BusUnavailableException;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.topic.AdapterPresence;
import io.chargeplane.model.topic.Topics;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * This instance's one MQTT 5 connection to the device bus.
 *
 * <p>Connects with a clean, non-persistent session and a retained last will on the adapter presence topic
 * ({@code online=false}), and publishes the retained online presence after every (re)connect. The client
 * reconnects on its own with exponential back-off; after a reconnect the broker may have lost every
 * subscription and retained message (a restarted in-memory broker), so {@link #onReconnected} listeners
 * restore them.
 *
 * <p>Publishing during an outage: the client queues QoS 1 publishes while it reconnects and re-sends
 * unacknowledged ones afterwards (consumers deduplicate on the CloudEvents id). The queue is bounded by
 * {@code chargeplane.bridge.mqtt.outage-buffer} messages in flight; past it a publish fails at once with
 * {@link BusUnavailableException} instead of growing memory for as long as the outage lasts.
 */
public class MqttBus {

    private static final Logger LOG = Logger.getLogger(MqttBus.class);
    private static final MqttUtf8String JSON = MqttUtf8String.of("application/json");

    private final Mqtt5AsyncClient client;
    private final AdapterInstanceId instance;
    private final CanonicalCodec codec;
    private final int outageBuffer;
    private final Duration keepAlive;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private final List<Runnable> reconnectListeners = new CopyOnWriteArrayList<>();
    private final Instant since = Instant.now();
    private volatile Consumer<Mqtt5Publish> inbound = publish -> { };
    private volatile IntSupplier connectedDevices = () -> 0;
    private volatile boolean connectedOnce;
    private volatile boolean stopping;
    private volatile boolean outageLogged;

    public MqttBus(BridgeConfig.Mqtt config, AdapterInstanceId instance, CanonicalCodec codec) {
        this.instance = instance;
        this.codec = codec;
        this.outageBuffer = config.outageBuffer();
        this.keepAlive = config.keepAlive();
        this.client = MqttClients.builder(config, instance.value())
                .willPublish()
                    .topic(Topics.adapterPresence(instance))
                    .payload(codec.writeJson(AdapterPresence.lastWill(instance, null)))
                    .qos(MqttQos.AT_LEAST_ONCE)
                    .retain(true)
                    .contentType(JSON)
                    .applyWillPublish()
                .addConnectedListener(context -> onConnected())
                .addDisconnectedListener(this::onDisconnected)
                .buildAsync();
        client.publishes(MqttGlobalPublishFilter.SUBSCRIBED, publish -> inbound.accept(publish));
    }

    public AdapterInstanceId instanceId() {
        return instance;
    }

    /**
     * Starts connecting; the Uni completes on the first CONNACK. A failed first attempt is retried like any
     * other lost connection, so the Uni may complete long after: callers bound their wait.
     */
    public Uni<Void> connect() {
        client.connectWith()
                .cleanStart(true)
                .noSessionExpiry()
                .keepAlive((int) keepAlive.toSeconds())
                .send()
                // A failed first attempt is reported and retried by the disconnected listener.
                .exceptionally(failure -> null);
        return Uni.createFrom().completionStage(firstConnect);
    }

    public boolean isConnected() {
        return client.getState().isConnected();
    }

    /** Incoming publishes of every subscription; one consumer, which dispatches by topic. */
    public void onMessage(Consumer<Mqtt5Publish> consumer) {
        this.inbound = consumer;
    }

    /** Runs after every reconnect (not the first connect), on a client thread. */
    public void onReconnected(Runnable listener) {
        reconnectListeners.add(listener);
    }

    /** What the adapter presence reports as connected devices. */
    public void connectedDevices(IntSupplier count) {
        this.connectedDevices = count;
    }

    /**
     * Hands a publish to the client. The future completes when the broker acknowledged it (QoS 1) and fails
     * with {@link BusUnavailableException} when the bus cannot take it.
     */
    public CompletableFuture<Void> publish(Mqtt5Publish message) {
        if (!client.getState().isConnected() && inFlight.get() >= outageBuffer) {
            return CompletableFuture.failedFuture(new BusUnavailableException(
                    "device bus is disconnected and " + outageBuffer + " publishes already wait"));
        }
        inFlight.incrementAndGet();
        CompletableFuture<Void> done = new CompletableFuture<>();
        client.publish(message).whenComplete((result, failure) -> {
            inFlight.decrementAndGet();
            Throwable error = failure != null ? failure : result.getError().orElse(null);
            if (error == null) {
                done.complete(null);
            } else {
                done.completeExceptionally(new BusUnavailableException("publish to " + message.getTopic()
                        + " failed: " + error.getMessage(), error));
            }
        });
        return done;
    }

    public CompletableFuture<Void> subscribe(Mqtt5Subscribe subscribe) {
        return client.subscribe(subscribe).thenAccept(ack -> {
            for (Mqtt5SubAckReasonCode code : ack.getReasonCodes()) {
                if (code.isError()) {
                    throw new BusUnavailableException("subscription refused by the broker: " + code);
                }
            }
        });
    }

    public CompletableFuture<Void> unsubscribe(Mqtt5Unsubscribe unsubscribe) {
        return client.unsubscribe(unsubscribe).thenApply(ack -> null);
    }

    /** Publishes in-flight count, for tests and diagnostics. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Leaves the bus cleanly: retained adapter presence offline, then a normal DISCONNECT, which tells the
     * broker to discard the last will. Waits at most {@code timeout}.
     */
    public void close(Duration timeout) {
        if (stopping) {
            return;
        }
        stopping = true;
        if (!isConnected()) {
            client.disconnect().exceptionally(failure -> null);
            return;
        }
        AdapterPresence offline = new AdapterPresence(instance, false, null, Instant.now(), 0);
        try {
            publish(presenceMessage(offline))
                    .exceptionally(failure -> null)
                    .thenCompose(ignored -> client.disconnectWith()
                            .reasonCode(Mqtt5DisconnectReasonCode.NORMAL_DISCONNECTION).send())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.warnf("Device bus did not close cleanly: %s", e.getMessage());
        }
    }

    private void onConnected() {
        boolean reconnect = connectedOnce;
        connectedOnce = true;
        outageLogged = false;
        LOG.infof("Device bus connected to %s as %s", client.getConfig().getServerAddress(), instance);
        AdapterPresence online = AdapterPresence.online(instance, null, since, connectedDevices.getAsInt());
        publish(presenceMessage(online)).exceptionally(failure -> {
            LOG.warnf("Adapter presence not published: %s", failure.getMessage());
            return null;
        });
        if (reconnect) {
            for (Runnable listener : reconnectListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.error("Restoring device bus state after reconnect failed", e);
                }
            }
        }
        firstConnect.complete(null);
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        if (stopping) {
            context.getReconnector().reconnect(false);
            return;
        }
        // Messages sent but not acknowledged before the drop go again on the new session.
        context.getReconnector().republishIfSessionExpired(true);
        // One warning per outage; the retries every few seconds after it are noise.
        if (outageLogged) {
            LOG.debugf("Device bus still unreachable: %s", context.getCause().getMessage());
        } else {
            outageLogged = true;
            LOG.warnf("Device bus connection lost or refused (%s), reconnecting: %s", context.getSource(),
                    context.getCause().getMessage());
        }
    }

    private Mqtt5Publish presenceMessage(AdapterPresence presence) {
        return Mqtt5Publish.builder()
                .topic(Topics.adapterPresence(instance))
                .qos(MqttQos.AT_LEAST_ONCE)
                .retain(true)
                .contentType(JSON)
                .payload(codec.writeJson(presence))
                .build();
    }
}
