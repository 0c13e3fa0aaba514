package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.event.DeviceEvents;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.TenantId;

/** Where an adapter publishes a device's events: {@code chargeplane/v1/{tenant}/{device}/evt/{event}}. */
public record EventTopic(TenantId tenant, DeviceId device, String eventName) implements Topic {

    public static final String SEGMENT = "evt";

    public EventTopic {
        Require.present(tenant, "tenant");
        Require.present(device, "device");
        Require.present(eventName, "eventName");
        DeviceEvents.typeFor(eventName);
    }

    @Override
    public String format() {
        return Topics.devicePrefix(tenant, device) + SEGMENT + "/" + eventName;
    }
}
