package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.AdapterInstanceId;
import java.time.Instant;

/**
 * The retained message on a device's presence topic. Retained so that a service starting up learns every
 * device's state at once instead of waiting for the next event.
 *
 * @param adapter the instance holding the connection; null when offline
 * @param protocol what the device speaks on this connection; null when offline
 * @param since when the device came online or went offline
 */
public record DevicePresence(boolean online, AdapterInstanceId adapter, Protocol protocol, Instant since) {

    public DevicePresence {
        Require.present(since, "since");
        if (online) {
            Require.present(adapter, "adapter");
        }
    }

    public static DevicePresence online(AdapterInstanceId adapter, Protocol protocol, Instant since) {
        return new DevicePresence(true, adapter, protocol, since);
    }

    public static DevicePresence offline(Instant since) {
        return new DevicePresence(false, null, null, since);
    }
}
