package io.chargeplane.bridge.core.spi;

import io.chargeplane.model.device.Protocol;
import io.smallrye.mutiny.Uni;

/**
 * The connection registry: one live connection per device within this bridge instance. Implemented by core
 * as an {@code @ApplicationScoped} bean; adapters inject it.
 */
public interface DeviceConnections {

    /**
     * Registers an authenticated device connection and makes the device reachable from the platform:
     * publishes its retained presence online and a {@code connected} event, and subscribes (MQTT 5) to its
     * {@code cmd/+} topic while the link lives. A second attach for the same device replaces the first:
     * the earlier endpoint is told {@link DeviceEndpoint#replaced()} and its link goes inert.
     *
     * <p>The returned Uni completes once presence, event and subscription are acknowledged by the broker,
     * and fails when the bus is unavailable; the adapter should then refuse or close the device connection.
     */
    Uni<DeviceLink> attach(DeviceAddress address, Protocol protocol, DeviceEndpoint endpoint);

    /** How many devices are attached to this instance right now. */
    int connectedCount();

    /** Whether a device currently holds a live link on this instance. */
    boolean isAttached(DeviceAddress address);
}
