package io.chargeplane.bridge.core.spi;

import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;
import java.util.Objects;

/** Which device of which tenant a connection belongs to; the key of the connection registry. */
public record DeviceAddress(TenantId tenant, DeviceId device) {

    public DeviceAddress {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(device, "device");
    }

    public static DeviceAddress of(String tenant, String device) {
        return new DeviceAddress(TenantId.of(tenant), DeviceId.of(device));
    }

    @Override
    public String toString() {
        return tenant.value() + "/" + device.value();
    }
}
