package io.chargeplane.bridge.pump;

import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.pump.config.PumpConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The pump as a bean. Created only when something asks for it (the application does when its roles include
 * {@code pump}), so an adapter-only instance never opens a Kafka client.
 */
@Singleton
public class PumpBeans {

    @Produces
    @Singleton
    EventPump pump(BridgeConfig bridge, PumpConfig config, MeterRegistry registry) {
        return EventPump.create(bridge.mqtt(), config, registry);
    }

    void stopPump(@Disposes EventPump pump) {
        pump.stop();
    }
}
