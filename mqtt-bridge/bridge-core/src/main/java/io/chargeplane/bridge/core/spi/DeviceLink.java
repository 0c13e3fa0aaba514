package io.chargeplane.bridge.core.spi;

import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.smallrye.mutiny.Uni;

/**
 * The platform side of one live device connection, returned by {@link DeviceConnections#attach}. Thread
 * safe; none of the methods block.
 *
 * <p>Every method acts when it is called, not when its Uni is subscribed: an adapter that does not need the
 * acknowledgement may ignore the Uni (fire and forget), and publishing in a loop pipelines the messages.
 */
public interface DeviceLink {

    DeviceAddress address();

    /**
     * Publishes a canonical event as a structured CloudEvent on {@code .../evt/{event}} with QoS 1. Publishes
     * are pipelined: call again without waiting. The Uni completes on the broker's PUBACK and fails with
     * {@link BusUnavailableException} when the bus is down and the outage buffer is full. Events still go
     * out from a replaced link: what the device said before it was replaced must not be lost.
     *
     * @param correlation ties the event to the device message it came from; may be null
     */
    Uni<Void> publish(DeviceEvent event, CorrelationId correlation);

    /**
     * Asks the platform a question (MQTT 5 request/response on {@code .../req/{request}} with a response
     * topic and correlation data) and waits a bounded time (config {@code chargeplane.bridge.request.timeout}).
     * On timeout or when the bus is unavailable the configured offline policy answers instead; when the
     * policy has no answer for this kind of request (a transaction id cannot be invented offline), the Uni
     * fails with {@link RequestUnansweredException} and the adapter answers the device with its protocol's
     * "try again later" error.
     *
     * @param correlation the id the reply is matched by; also travels as the CloudEvents correlation id
     */
    Uni<DeviceReply> request(DeviceRequest request, CorrelationId correlation);

    /**
     * Ends the link: publishes a {@code disconnected} event and the retained presence offline, and removes the
     * command subscription. A no-op when this link was replaced by a newer connection of the same device or
     * is already detached. Completes when the broker acknowledged (or at once when the bus is down: the
     * adapter's last will then stands in for the presence).
     */
    Uni<Void> detach(DisconnectReason reason);

    /** False once the link was detached or replaced. */
    boolean isActive();
}
