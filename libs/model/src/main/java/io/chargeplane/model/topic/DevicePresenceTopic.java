package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;

/** The retained presence of a device, {@code chargeplane/v1/{tenant}/{device}/presence}: the latest tells whether it is online. */
public record DevicePresenceTopic(TenantId tenant, DeviceId device) implements Topic {

    public static final String SEGMENT = "presence";

    public DevicePresenceTopic {
        Require.present(tenant, "tenant");
        Require.present(device, "device");
    }

    @Override
    public String format() {
        return Topics.devicePrefix(tenant, device) + SEGMENT;
    }
}
