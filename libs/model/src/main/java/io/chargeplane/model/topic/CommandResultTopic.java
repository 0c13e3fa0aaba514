package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;

/** Where an adapter publishes the result of a command when the requester named no MQTT 5 response topic: {@code .../result/{capability}}. */
public record CommandResultTopic(TenantId tenant, DeviceId device, Capability capability) implements Topic {

    public static final String SEGMENT = "result";

    public CommandResultTopic {
        Require.present(tenant, "tenant");
        Require.present(device, "device");
        Require.present(capability, "capability");
    }

    @Override
    public String format() {
        return Topics.devicePrefix(tenant, device) + SEGMENT + "/" + capability.wireName();
    }
}
