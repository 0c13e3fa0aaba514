package io.chargeplane.bridge.app;

import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.connection.ConnectionRegistry;
import io.chargeplane.bridge.core.spi.ProtocolAdapter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;

/** Ties {@link BridgeRuntime} to the application's startup and shutdown. */
@ApplicationScoped
public class BridgeLifecycle {

    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(10);

    private volatile BridgeRuntime runtime;

    // Startup may block: it runs on the main thread before the HTTP server takes traffic, and a bridge whose
    // adapters did not start must not come up at all.
    void onStart(@Observes StartupEvent event, BridgeConfig config, MqttBus bus, ConnectionRegistry registry,
                 @Any Instance<ProtocolAdapter> adapters) {
        runtime = new BridgeRuntime(bus, registry, ProtocolSelection.select(config.protocols(), adapters), STEP_TIMEOUT);
        runtime.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (runtime != null) {
            runtime.stop();
        }
    }

    boolean adaptersStarted() {
        return runtime != null && runtime.adaptersStarted();
    }
}
