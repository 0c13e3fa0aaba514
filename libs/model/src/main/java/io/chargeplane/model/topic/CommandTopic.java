package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;

/** Where services publish commands for a device; the adapter holding its connection subscribes while connected: {@code .../cmd/{capability}}. */
public record CommandTopic(TenantId tenant, DeviceId device, Capability capability) implements Topic {

    public static final String SEGMENT = "cmd";

    public CommandTopic {
        Require.present(tenant, "tenant");
        Require.present(device, "device");
        Require.present(capability, "capability");
    }

    @Override
    public String format() {
        return Topics.devicePrefix(tenant, device) + SEGMENT + "/" + capability.wireName();
    }
}
