package io.chargeplane.bridge.app;

import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.connection.ConnectionRegistry;
import io.chargeplane.bridge.core.spi.ProtocolAdapter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Starts and stops one bridge instance in the order the device bus needs.
 *
 * <p>Start: connect the bus in the background (readiness stays DOWN until it is up; devices that arrive
 * earlier are refused by attach and retry), then start the adapters. Stop: first every held device's presence
 * goes offline on the bus, then the adapters close their device connections with a proper close code, then
 * the adapter presence goes offline and the bus disconnects cleanly (so no last will fires).
 */
final class BridgeRuntime {

    private static final Logger LOG = Logger.getLogger(BridgeRuntime.class);

    private final MqttBus bus;
    private final ConnectionRegistry registry;
    private final List<ProtocolAdapter> adapters;
    private final Duration stepTimeout;
    private final List<ProtocolAdapter> started = new ArrayList<>();
    private volatile boolean adaptersStarted;

    BridgeRuntime(MqttBus bus, ConnectionRegistry registry, List<ProtocolAdapter> adapters, Duration stepTimeout) {
        this.bus = bus;
        this.registry = registry;
        this.adapters = List.copyOf(adapters);
        this.stepTimeout = stepTimeout;
    }

    void start() {
        LOG.infof("Bridge instance %s starting protocol adapters %s", bus.instanceId(),
                adapters.stream().map(ProtocolAdapter::name).toList());
        // Touch the registry first: it is created lazily, and creating it checks the offline policy setting
        // and hooks command dispatch and reconnect restore onto the bus before the first CONNACK.
        registry.connectedCount();
        bus.connect().subscribe().with(connected -> { }, failure -> LOG.error("Device bus connection failed", failure));
        for (ProtocolAdapter adapter : adapters) {
            adapter.start().await().atMost(stepTimeout);
            started.add(adapter);
        }
        adaptersStarted = true;
    }

    void stop() {
        LOG.infof("Bridge instance %s stopping with %d devices attached", bus.instanceId(), registry.connectedCount());
        adaptersStarted = false;
        try {
            registry.shutdown().await().atMost(stepTimeout);
        } catch (RuntimeException e) {
            LOG.warnf("Not every device presence was acknowledged offline: %s", e.getMessage());
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            ProtocolAdapter adapter = started.get(i);
            try {
                adapter.stop().await().atMost(stepTimeout);
            } catch (RuntimeException e) {
                LOG.warnf("Protocol adapter %s did not stop cleanly: %s", adapter.name(), e.getMessage());
            }
        }
        started.clear();
        bus.close(stepTimeout);
    }

    boolean adaptersStarted() {
        return adaptersStarted;
    }
}
