package io.chargeplane.bridge.core;

import io.chargeplane.bridge.core.bus.InstanceIds;
import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.config.BridgeConfig;
import io.chargeplane.bridge.core.credentials.FileCredentialStore;
import io.chargeplane.bridge.core.metrics.BridgeMetrics;
import io.chargeplane.bridge.core.spi.CredentialStore;
import io.chargeplane.model.envelope.CanonicalCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Wires core's plain classes as beans, so they stay constructible without CDI (the bus ITs build them
 * directly). The application decides when the bus connects; disposal closes it if nobody did.
 */
@Singleton
public class BridgeBeans {

    @Produces
    @Singleton
    MqttBus bus(BridgeConfig config) {
        return new MqttBus(config.mqtt(), InstanceIds.resolve(config.instanceId()), CanonicalCodec.defaultCodec());
    }

    void closeBus(@Disposes MqttBus bus) {
        bus.close(Duration.ofSeconds(5));
    }

    @Produces
    @Singleton
    BridgeMetrics metrics(MeterRegistry registry) {
        return new BridgeMetrics(registry);
    }

    /** Replaced by device-service's store once that exists: any other {@link CredentialStore} bean wins. */
    @Produces
    @Singleton
    @DefaultBean
    CredentialStore credentials(BridgeConfig config) {
        return config.credentials().file().map(FileCredentialStore::load).orElseGet(FileCredentialStore::empty);
    }
}
