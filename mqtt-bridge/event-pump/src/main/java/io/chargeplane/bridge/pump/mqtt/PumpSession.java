package io.chargeplane.bridge.pump.mqtt;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.MqttGlobalPublishFilter;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.lifecycle.MqttClientDisconnectedContext;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.disconnect.Mqtt5DisconnectReasonCode;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAckReasonCode;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.model.topic.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The pump's MQTT 5 session: persistent (clean start off, session expiry above zero, one stable client id), the
 * shared subscription {@code $share/{group}/chargeplane/v1/+/+/evt/+} at QoS 1, manual acknowledgement, and a
 * receive maximum so the broker never has more than that many unacknowledged events out to this pump.
 *
 * <p>The subscription is renewed after every (re)connect: a broker that lost its sessions (restarted in memory)
 * would otherwise leave the pump connected and idle.
 */
public final class PumpSession {

    private static final Logger LOG = Logger.getLogger(PumpSession.class);

    private final Mqtt5AsyncClient client;
    private final String clientId;
    private final String filter;
    private final Duration sessionExpiry;
    private final int receiveMaximum;
    private final Duration keepAlive;
    private volatile boolean subscribed;
    private volatile boolean closing;
    private volatile boolean outageLogged;

    public PumpSession(BridgeConfig.Mqtt config, String clientId, String group, Duration sessionExpiry,
                       int receiveMaximum) {
        if (sessionExpiry.toSeconds() < 1) {
            throw new IllegalArgumentException("chargeplane.bridge.pump.session-expiry must be at least 1s: "
                    + "without a persistent session unacknowledged events are lost when the pump restarts");
        }
        if (receiveMaximum < 1 || receiveMaximum > 65_535) {
            throw new IllegalArgumentException("chargeplane.bridge.pump.receive-maximum must be 1..65535");
        }
        this.clientId = clientId;
        this.filter = Topics.shared(group, Topics.allEvents());
        this.sessionExpiry = sessionExpiry;
        this.receiveMaximum = receiveMaximum;
        this.keepAlive = config.keepAlive();
        Mqtt5ClientBuilder builder = MqttClient.builder()
                .useMqttVersion5()
                .identifier(clientId)
                .serverHost(config.host())
                .serverPort(config.port())
                .automaticReconnect()
                    .initialDelay(config.reconnectInitialDelay().toMillis(), TimeUnit.MILLISECONDS)
                    .maxDelay(config.reconnectMaxDelay().toMillis(), TimeUnit.MILLISECONDS)
                    .applyAutomaticReconnect()
                .addConnectedListener(context -> onConnected())
                .addDisconnectedListener(this::onDisconnected);
        if (config.tls()) {
            builder = builder.sslWithDefaultConfig();
        }
        if (config.username().isPresent()) {
            builder = builder.simpleAuth()
                    .username(config.username().get())
                    .password(config.password().orElse("").getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        this.client = builder.buildAsync();
    }

    /**
     * Where every incoming event goes, in order, on {@code executor}. Must be called before {@link #connect()}:
     * a resumed session delivers its queued events right after the CONNACK. Each publish must be
     * {@link Mqtt5Publish#acknowledge() acknowledged}, or the broker delivers it again on the next session.
     */
    public void onEvent(Consumer<Mqtt5Publish> handler, Executor executor) {
        // ALL, not SUBSCRIBED: events of a resumed session may arrive before this client object subscribed.
        client.publishes(MqttGlobalPublishFilter.ALL, handler, executor, true);
    }

    /** Starts connecting; the client retries by itself until it gets through. */
    public CompletableFuture<Void> connect() {
        return client.connectWith()
                .cleanStart(false)
                .sessionExpiryInterval(sessionExpiry.toSeconds())
                .keepAlive((int) keepAlive.toSeconds())
                .restrictions().receiveMaximum(receiveMaximum).applyRestrictions()
                .send()
                .thenAccept(connAck -> LOG.infof("Event pump %s connected (session present: %s), receive maximum %d",
                        clientId, connAck.isSessionPresent(), receiveMaximum))
                // A failed first attempt is reported and retried by the disconnected listener.
                .exceptionally(failure -> null);
    }

    public boolean isConnected() {
        return client.getState().isConnected();
    }

    /** Connected and the broker confirmed the shared subscription on this connection. */
    public boolean isSubscribed() {
        return subscribed && isConnected();
    }

    public String clientId() {
        return clientId;
    }

    public String filter() {
        return filter;
    }

    /** A normal DISCONNECT: the broker keeps the session (and what this pump left unacknowledged). */
    public CompletableFuture<Void> disconnect() {
        closing = true;
        subscribed = false;
        if (!isConnected()) {
            return client.disconnect().exceptionally(failure -> null);
        }
        return client.disconnectWith().reasonCode(Mqtt5DisconnectReasonCode.NORMAL_DISCONNECTION).send()
                .exceptionally(failure -> null);
    }

    private void onConnected() {
        outageLogged = false;
        client.subscribeWith().topicFilter(filter).qos(MqttQos.AT_LEAST_ONCE).send().whenComplete((ack, failure) -> {
            if (failure != null) {
                LOG.warnf("Event pump %s could not subscribe %s: %s", clientId, filter, failure.getMessage());
                return;
            }
            for (Mqtt5SubAckReasonCode code : ack.getReasonCodes()) {
                if (code.isError()) {
                    LOG.errorf("Broker refused the event pump's subscription %s: %s", filter, code);
                    return;
                }
            }
            subscribed = true;
        });
    }

    private void onDisconnected(MqttClientDisconnectedContext context) {
        subscribed = false;
        if (closing) {
            context.getReconnector().reconnect(false);
            return;
        }
        if (outageLogged) {
            LOG.debugf("Event pump %s still disconnected: %s", clientId, context.getCause().getMessage());
        } else {
            outageLogged = true;
            LOG.warnf("Event pump %s lost the device bus (%s), reconnecting: %s", clientId, context.getSource(),
                    context.getCause().getMessage());
        }
    }
}
