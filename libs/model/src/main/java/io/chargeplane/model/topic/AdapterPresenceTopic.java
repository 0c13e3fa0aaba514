package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.id.AdapterInstanceId;

/**
 * The retained presence and last will of one adapter instance,
 * {@code chargeplane/v1/_adapters/{instance}/presence}: when an adapter dies, the broker publishes its will
 * here and the platform marks its devices offline.
 */
public record AdapterPresenceTopic(AdapterInstanceId instance) implements Topic {

    public AdapterPresenceTopic {
        Require.present(instance, "instance");
    }

    @Override
    public String format() {
        return Topics.ROOT + "/" + Topics.ADAPTERS + "/" + instance.value() + "/" + DevicePresenceTopic.SEGMENT;
    }
}
