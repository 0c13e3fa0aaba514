package io.chargeplane.bridge.app;

import io.chargeplane.bridge.core.bus.InstanceIds;
import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.connection.ConnectionRegistry;
import io.chargeplane.bridge.core.presence.PresenceReaper;
import io.chargeplane.bridge.core.spi.ProtocolAdapter;
import io.chargeplane.bridge.pump.EventPump;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Ties {@link BridgeRuntime} (role {@code adapter}), the {@link EventPump} and the {@link PresenceReaper} (role
 * {@code pump}, the reaper unless {@code chargeplane.bridge.reaper.enabled=false}) to startup and shutdown.
 */
@ApplicationScoped
public class BridgeLifecycle {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    private volatile BridgeRuntime runtime;
    private volatile EventPump pump;
    private volatile PresenceReaper reaper;
    private volatile Set<BridgeRoles> roles = Set.of();

    // Startup may block: it runs on the main thread before the HTTP server takes traffic, and a bridge whose
    // adapters did not start must not come up at all.
    void onStart(@Observes StartupEvent event, BridgeConfig config, Instance<MqttBus> bus,
                 Instance<ConnectionRegistry> registry, @Any Instance<ProtocolAdapter> adapters,
                 Instance<EventPump> pumps) {
        roles = BridgeRoles.parse(config.roles());
        if (roles.contains(BridgeRoles.ADAPTER)) {
            runtime = new BridgeRuntime(bus.get(), registry.get(), ProtocolSelection.select(config.protocols(), adapters),
                    STEP_TIMEOUT);
            runtime.start();
        }
        if (roles.contains(BridgeRoles.PUMP)) {
            pump = pumps.get();
            pump.start();
            if (config.reaper().enabled()) {
                // Its devices' disconnected events go to the bus, where this instance's pump picks them up.
                reaper = new PresenceReaper(config.mqtt(), "reaper-" + InstanceIds.resolve(config.instanceId()),
                        CanonicalCodec.defaultCodec(), Clock.systemUTC());
                reaper.start();
            }
        }
    }

    // Adapters first: the devices' last events (disconnected, presence offline) go onto the bus while a pump
    // of this instance still runs to carry them.
    void onStop(@Observes ShutdownEvent event) {
        if (runtime != null) {
            runtime.stop();
        }
        if (reaper != null) {
            reaper.stop(STEP_TIMEOUT);
        }
        if (pump != null) {
            pump.stop();
        }
    }

    boolean runsAdapters() {
        return roles.contains(BridgeRoles.ADAPTER);
    }

    boolean adaptersStarted() {
        return runtime != null && runtime.adaptersStarted();
    }

    /** The running pump, or null when this instance has no {@code pump} role. */
    EventPump pump() {
        return pump;
    }
}
