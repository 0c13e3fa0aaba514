package io.chargeplane.bridge.core.request;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import java.util.Optional;

/**
 * Answers a device request when the platform cannot: the reply timed out or the bus is down. A small
 * strategy so operators choose between availability (let drivers charge) and safety (charge nobody unknown).
 */
public interface OfflinePolicy {

    /** The stand-in reply, or empty when this kind of request cannot be answered offline. */
    Optional<DeviceReply> answer(DeviceAddress address, DeviceRequest request);

    /** Sees every real reply, so a policy can learn from it (which tokens the platform accepts). */
    default void observe(DeviceAddress address, DeviceRequest request, DeviceReply reply) {
    }

    /** The configured name: {@code accept}, {@code reject}, {@code accept-known}. */
    String name();
}
