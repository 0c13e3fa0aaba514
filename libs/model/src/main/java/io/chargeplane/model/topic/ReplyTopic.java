package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.request.DeviceRequests;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;

/** The response topic an adapter names in its requests; per device, so that only the adapter holding the device receives the answer: {@code .../res/{request}}. */
public record ReplyTopic(TenantId tenant, DeviceId device, String requestName) implements Topic {

    public static final String SEGMENT = "res";

    public ReplyTopic {
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
