package io.chargeplane.model.topic;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.id.AdapterInstanceId;
import java.time.Instant;

/**
 * The retained message on an adapter's presence topic, also registered as its MQTT last will (with
 * {@code online=false}), so that a crashed adapter's devices are marked offline by the broker itself.
 *
 * @param protocol the protocol family the instance terminates; may be null
 * @param since when the instance came online; null in a last will, which is written before the fact
 * @param connectedDevices how many devices the instance held when it published; null in a last will
 */
public record AdapterPresence(AdapterInstanceId instance, boolean online, Protocol protocol, Instant since,
                              Integer connectedDevices) {

    public AdapterPresence {
        Require.present(instance, "instance");
        if (online) {
            Require.present(since, "since");
        }
        if (connectedDevices != null) {
            Require.atLeast(connectedDevices, 0, "connectedDevices");
        }
    }

    public static AdapterPresence online(AdapterInstanceId instance, Protocol protocol, Instant since,
                                         int connectedDevices) {
        return new AdapterPresence(instance, true, protocol, since, connectedDevices);
    }

    /** The last-will payload: registered at connect time, published by the broker if the adapter vanishes. */
    public static AdapterPresence lastWill(AdapterInstanceId instance, Protocol protocol) {
        return new AdapterPresence(instance, false, protocol, null, null);
    }
}
