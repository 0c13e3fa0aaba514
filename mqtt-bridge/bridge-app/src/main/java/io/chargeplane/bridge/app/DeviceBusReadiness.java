package io.chargeplane.bridge.app;

import io.chargeplane.bridge.core.bus.MqttBus;
import io.chargeplane.bridge.core.spi.DeviceConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the device bus is connected and the adapters run: a bridge without the bus would accept
 * devices it cannot serve, so the load balancer should send them elsewhere. An instance without the
 * {@code adapter} role serves no devices and reports UP here.
 */
@Readiness
@ApplicationScoped
public class DeviceBusReadiness implements HealthCheck {

    @Inject
    MqttBus bus;

    @Inject
    DeviceConnections connections;

    @Inject
    BridgeLifecycle lifecycle;

    @Override
    public HealthCheckResponse call() {
        if (!lifecycle.runsAdapters()) {
            return HealthCheckResponse.named("device-bus").up().withData("enabled", false).build();
        }
        return HealthCheckResponse.named("device-bus")
                .status(bus.isConnected() && lifecycle.adaptersStarted())
                .withData("instance", bus.instanceId().value())
                .withData("busConnected", bus.isConnected())
                .withData("adaptersStarted", lifecycle.adaptersStarted())
                .withData("connectedDevices", connections.connectedCount())
                .build();
    }
}
