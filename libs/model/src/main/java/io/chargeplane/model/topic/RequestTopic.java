package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.request.DeviceRequests;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;

/** Where an adapter asks the platform on a device's behalf (MQTT 5 request/response, answered through a shared subscription): {@code .../req/{request}}. */
public record RequestTopic(TenantId tenant, DeviceId device, String requestName) implements Topic {

    public static final String SEGMENT = "req";

    public RequestTopic {
        Require.present(tenant, "tenant");
        Require.present(device, "device");
        Require.present(requestName, "requestName");
        DeviceRequests.typeFor(requestName);
    }

    @Override
    public String format() {
        return Topics.devicePrefix(tenant, device) + SEGMENT + "/" + requestName;
    }
}
