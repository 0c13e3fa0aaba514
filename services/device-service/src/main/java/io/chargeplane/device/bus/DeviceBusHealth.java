package io.chargeplane.device.bus;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while commands can be sent and their results received. */
@Readiness
@ApplicationScoped
public class DeviceBusHealth implements HealthCheck {

    private final DeviceBus bus;

    public DeviceBusHealth(DeviceBus bus) {
        this.bus = bus;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("device-bus").status(bus.ready())
                .withData("instance", bus.instanceId()).build();
    }
}
