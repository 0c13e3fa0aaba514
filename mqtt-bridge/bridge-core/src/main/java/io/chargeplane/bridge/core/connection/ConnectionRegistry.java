package io.chargeplane.bridge.core.connection;

import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.chargeplane.bridge.core.bus.BusMessages;
import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.bridge.core.request.OfflinePolicies;
import io.chargeplane.bridge.core.request.OfflinePolicy;
import io.chargeplane.bridge.core.request.TenantOfflinePolicies;
import io.chargeplane.bridge.core.spi.BusUnavailableException;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.DeviceConnections;
import io.chargeplane.bridge.core.spi.DeviceEndpoint;
import io.chargeplane.bridge.core.spi.DeviceLink;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.EventId;
import io.chargeplane.model.topic.CommandTopic;
import io.chargeplane.model.topic.DevicePresence;
import io.chargeplane.model.topic.DevicePresenceTopic;
import io.chargeplane.model.topic.ReplyTopic;
import io.chargeplane.model.topic.Topic;
import io.chargeplane.model.topic.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The connection registry: which devices this instance holds, and everything that follows from holding one
 * (presence, command subscription, dispatch of commands and replies).
 *
 * <p>Changes to one device's registration, subscription and presence are made under a lock striped by
 * device, and the resulting MQTT packets are handed to the client inside it: the broker therefore sees them
 * in decision order, so a detach racing a re-attach can never leave the device unsubscribed or offline.
 */
@ApplicationScoped
public class ConnectionRegistry implements DeviceConnections {

    private static final Logger LOG = Logger.getLogger(ConnectionRegistry.class);
    private static final int STRIPES = 64;

    private final MqttBus bus;
    private final CanonicalCodec codec;
    private final BridgeMetrics metrics;
    private final Clock clock;
    private final RequestClient requests;
    private final CommandHandler commands;
    private final ConcurrentHashMap<DeviceAddress, Link> links = new ConcurrentHashMap<>();
    private final Object[] stripes = new Object[STRIPES];
    private volatile boolean closing;
    private final LingeringSubscriptions lingering;
    private final ScheduledExecutorService lingerSweeper;
    /** Each tenant's offline policy from the bus, or null when the registry was given one fixed policy. */
    private final TenantOfflinePolicies tenantPolicies;
    private final java.util.concurrent.atomic.AtomicBoolean policiesSubscribed = new java.util.concurrent.atomic.AtomicBoolean();

    @Inject
    public ConnectionRegistry(MqttBus bus, BridgeMetrics metrics, BridgeConfig config) {
        this(bus, metrics, config, new TenantOfflinePolicies(OfflinePolicies.named(config.request().offlinePolicy(),
                config.request().knownTokenTtl(), config.request().knownTokenCapacity(), System::nanoTime),
                config.request().knownTokenCapacity(), System::nanoTime), Clock.systemUTC());
    }

    public ConnectionRegistry(MqttBus bus, BridgeMetrics metrics, BridgeConfig config, OfflinePolicy policy, Clock clock) {
        this.bus = bus;
        this.codec = CanonicalCodec.defaultCodec();
        this.metrics = metrics;
        this.clock = clock;
        this.requests = new RequestClient(bus, codec, policy, metrics, config.request().timeout());
        this.tenantPolicies = policy instanceof TenantOfflinePolicies perTenant ? perTenant : null;
        this.commands = new CommandHandler(this, bus, codec, metrics, config.commands().dedupWindow(),
                config.commands().dedupCapacity(), clock);
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
        this.lingering = new LingeringSubscriptions(config.subscriptionLinger(), System::nanoTime);
        this.lingerSweeper = lingering.enabled() ? startSweeper(config.subscriptionLinger()) : null;
        bus.onMessage(this::dispatch);
        bus.onReconnected(this::restore);
        bus.onReconnected(this::subscribePolicies);
        if (bus.isConnected()) {
            subscribePolicies();
        }
        bus.connectedDevices(links::size);
    }

    @Override
    public Uni<DeviceLink> attach(DeviceAddress address, Protocol protocol, DeviceEndpoint endpoint) {
        if (closing) {
            return Uni.createFrom().failure(new BusUnavailableException("the bridge is shutting down"));
        }
        if (!bus.isConnected()) {
            return Uni.createFrom().failure(new BusUnavailableException("the device bus is not connected"));
        }
        if (policiesSubscribed.compareAndSet(false, true)) {
            subscribePolicies();
        }
        Link link = new Link(this, address, protocol, endpoint, metrics.forProtocol(protocol), Instant.now(clock));
        Link previous;
        CompletableFuture<Void> subscribed;
        CompletableFuture<Void> online;
        synchronized (stripe(address)) {
            previous = links.put(address, link);
            if (previous != null) {
                previous.markReplaced();
            }
            // A replaced or lingering connection left the subscription in place: no second SUBSCRIBE.
            boolean inPlace = lingering.reclaim(address) || previous != null;
            subscribed = inPlace ? CompletableFuture.completedFuture(null)
                    : bus.subscribe(BusMessages.deviceSubscription(address));
            online = bus.publish(presence(address, DevicePresence.online(bus.instanceId(), protocol, link.since())));
        }
        metrics.connectionOpened(protocol);
        if (previous != null) {
            metrics.connectionClosed(previous.protocol());
            tellReplaced(previous);
        }
        CompletableFuture<Void> announced = publishEvent(link, new Connected(endpoint.remoteAddress(), protocol), null);
        CompletableFuture<DeviceLink> attached = CompletableFuture.allOf(subscribed, online, announced)
                .handle((ok, failure) -> {
                    if (failure != null) {
                        abandon(link);
                        throw new BusUnavailableException("attach of " + address + " failed: " + failure.getMessage(), failure);
                    }
                    return link;
                });
        return Uni.createFrom().completionStage(attached);
    }

    @Override
    public int connectedCount() {
        return links.size();
    }

    @Override
    public boolean isAttached(DeviceAddress address) {
        return links.containsKey(address);
    }

    /**
     * Graceful stop, before the adapters close their device connections: every held device gets a
     * {@code disconnected} event and its retained presence offline, and later detaches become no-ops.
     */
    public Uni<Void> shutdown() {
        closing = true;
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Link link : links.values()) {
            if (link.markDetached()) {
                sent.add(release(link, DisconnectReason.ADAPTER_SHUTDOWN, false));
            }
        }
        return Uni.createFrom().completionStage(settled(sent));
    }

    Link current(DeviceAddress address) {
        return links.get(address);
    }

    RequestClient requests() {
        return requests;
    }

    CompletableFuture<Void> publishEvent(Link link, DeviceEvent event, CorrelationId correlation) {
        DeviceAddress address = link.address();
        CanonicalEvent<DeviceEvent> envelope = new CanonicalEvent<>(EventId.random(), address.tenant(), address.device(),
                Instant.now(clock), correlation, link.protocol(), bus.instanceId(), event);
        Mqtt5Publish publish = BusMessages.cloudEvent(Topics.event(address.tenant(), address.device(), event.eventName()),
                codec.writeStructured(envelope)).build();
        long started = System.nanoTime();
        return bus.publish(publish).whenComplete((ok, failure) -> {
            if (failure == null) {
                link.meters().eventsPublished.increment();
                link.meters().publishLatency.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            } else {
                link.meters().eventsFailed.increment();
            }
        });
    }

    CompletableFuture<Void> detach(Link link, DisconnectReason reason) {
        if (!link.markDetached()) {
            return CompletableFuture.completedFuture(null);
        }
        return release(link, reason, true);
    }

    /** Announces the end of a link that this instance still holds; nothing if a newer link took its place. */
    private CompletableFuture<Void> release(Link link, DisconnectReason reason, boolean unsubscribe) {
        DeviceAddress address = link.address();
        List<CompletableFuture<Void>> sent = new ArrayList<>(3);
        synchronized (stripe(address)) {
            if (!links.remove(address, link)) {
                return CompletableFuture.completedFuture(null);
            }
            sent.add(publishEvent(link, new Disconnected(reason, null), null));
            sent.add(bus.publish(presence(address, DevicePresence.offline(Instant.now(clock)))));
            if (unsubscribe && lingering.enabled() && bus.isConnected()) {
                lingering.keep(address);
            } else if (unsubscribe) {
                sent.add(bus.unsubscribe(BusMessages.deviceUnsubscription(address)));
            }
        }
        metrics.connectionClosed(link.protocol());
        // With the bus down these wait in the client's queue; the adapter should not wait for them, and the
        // retained last will already says this instance's devices are gone.
        return bus.isConnected() ? settled(sent) : CompletableFuture.completedFuture(null);
    }

    private void abandon(Link link) {
        if (link.markDetached()) {
            synchronized (stripe(link.address())) {
                if (links.remove(link.address(), link)) {
                    metrics.connectionClosed(link.protocol());
                }
            }
        }
    }

    /**
     * Every tenant's offline policy, retained: subscribed when the bus is (re)connected, at the latest with the first
     * attach, since only attached devices ask requests. Until the retained messages arrive the default applies.
     */
    private void subscribePolicies() {
        if (tenantPolicies == null) {
            return;
        }
        policiesSubscribed.set(true);
        bus.subscribe(com.hivemq.client.mqtt.mqtt5.message.subscribe.Mqtt5Subscribe.builder()
                        .topicFilter(TenantOfflinePolicies.subscription())
                        .qos(com.hivemq.client.mqtt.datatypes.MqttQos.AT_LEAST_ONCE).build())
                .exceptionally(failure -> {
                    metrics.error("policy_subscribe_failed");
                    policiesSubscribed.set(false);
                    return null;
                });
    }

    private void dispatch(Mqtt5Publish publish) {
        if (tenantPolicies != null && TenantOfflinePolicies.isPolicyTopic(publish.getTopic().toString())) {
            tenantPolicies.onMessage(publish.getTopic().toString(), publish.getPayloadAsBytes());
            return;
        }
        Topic topic;
        try {
            topic = Topics.parse(publish.getTopic().toString());
        } catch (RuntimeException e) {
            metrics.error("topic_unroutable");
            return;
        }
        try {
            switch (topic) {
                case CommandTopic command -> commands.onCommand(command, publish);
                case ReplyTopic reply -> requests.onReply(reply, publish);
                case DevicePresenceTopic presence -> onPresenceByOthers(presence, publish);
                default -> metrics.error("topic_unexpected");
            }
        } catch (RuntimeException e) {
            metrics.error("dispatch_failed");
            LOG.errorf(e, "Handling %s failed", publish.getTopic());
        }
    }

    /** Another instance announced the device online: it reconnected there, so this connection is stale. */
    private void onPresenceByOthers(DevicePresenceTopic topic, Mqtt5Publish publish) {
        DevicePresence presence = codec.readJson(publish.getPayloadAsBytes(), DevicePresence.class);
        if (!presence.online() || bus.instanceId().equals(presence.adapter())) {
            return;
        }
        DeviceAddress address = new DeviceAddress(topic.tenant(), topic.device());
        Link link = links.get(address);
        if (link == null) {
            synchronized (stripe(address)) {
                if (!links.containsKey(address) && lingering.forget(address)) {
                    bus.unsubscribe(BusMessages.deviceUnsubscription(address));
                }
            }
            return;
        }
        synchronized (stripe(address)) {
            if (!links.remove(address, link) || !link.markReplaced()) {
                return;
            }
            bus.unsubscribe(BusMessages.deviceUnsubscription(address));
        }
        metrics.connectionClosed(link.protocol());
        LOG.infof("Device %s reconnected to instance %s; closing the connection here", address, presence.adapter());
        tellReplaced(link);
    }

    /** After a reconnect: the broker may be a fresh one, without our subscriptions or retained presence. */
    private void restore() {
        lingering.clear();
        int restored = 0;
        for (Link link : links.values()) {
            DeviceAddress address = link.address();
            synchronized (stripe(address)) {
                if (links.get(address) != link) {
                    continue;
                }
                bus.subscribe(BusMessages.deviceSubscription(address)).exceptionally(failure -> {
                    metrics.error("resubscribe_failed");
                    return null;
                });
                bus.publish(presence(address, DevicePresence.online(bus.instanceId(), link.protocol(), link.since())))
                        .exceptionally(failure -> null);
                restored++;
            }
        }
        LOG.infof("Restored subscriptions and presence of %d devices after reconnecting", restored);
    }

    private ScheduledExecutorService startSweeper(java.time.Duration linger) {
        ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bridge-subscription-linger");
            thread.setDaemon(true);
            return thread;
        });
        long periodMillis = Math.max(100, Math.min(1_000, linger.toMillis() / 4));
        sweeper.scheduleWithFixedDelay(this::endExpiredLingers, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
        return sweeper;
    }

    /** Unsubscribes devices that lingered past the linger time without coming back. */
    void endExpiredLingers() {
        try {
            for (LingeringSubscriptions.Candidate candidate : lingering.expired()) {
                DeviceAddress address = candidate.address();
                synchronized (stripe(address)) {
                    if (!links.containsKey(address) && lingering.release(candidate)) {
                        bus.unsubscribe(BusMessages.deviceUnsubscription(address)).exceptionally(failure -> {
                            metrics.error("unsubscribe_failed");
                            return null;
                        });
                    }
                }
            }
        } catch (RuntimeException e) {
            metrics.error("linger_sweep_failed");
            LOG.warnf(e, "Ending lingering subscriptions failed; retrying on the next sweep");
        }
    }

    /** True while a device that disconnected from this instance is still subscribed in case it comes back. */
    boolean isLingering(DeviceAddress address) {
        return lingering.contains(address);
    }

    /** Devices that disconnected recently and are still subscribed in case they come back. */
    public int lingeringCount() {
        return lingering.size();
    }

    @PreDestroy
    void stopSweeper() {
        if (lingerSweeper != null) {
            lingerSweeper.shutdownNow();
        }
    }

    private void tellReplaced(Link link) {
        try {
            link.endpoint().replaced();
        } catch (RuntimeException e) {
            LOG.warnf("Endpoint of %s failed to close on replacement: %s", link.address(), e.toString());
        }
    }

    private Mqtt5Publish presence(DeviceAddress address, DevicePresence presence) {
        return BusMessages.retainedJson(Topics.devicePresence(address.tenant(), address.device()), codec.writeJson(presence));
    }

    private Object stripe(DeviceAddress address) {
        return stripes[(address.hashCode() & 0x7fffffff) % STRIPES];
    }

    /** Completes when all have completed; failures are logged, not passed on. */
    private static CompletableFuture<Void> settled(List<CompletableFuture<Void>> futures) {
        CompletableFuture<?>[] quiet = futures.stream()
                .map(future -> future.exceptionally(failure -> {
                    LOG.debugf("Bus message not acknowledged: %s", failure.getMessage());
                    return null;
                }))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(quiet);
    }
}
