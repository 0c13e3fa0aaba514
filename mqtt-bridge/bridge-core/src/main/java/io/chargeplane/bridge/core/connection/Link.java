package io.chargeplane.bridge.core.connection;

import io.chargeplane.bridge.core.metrics.ProtocolMeters;
import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.DeviceEndpoint;
import io.chargeplane.bridge.core.spi.DeviceLink;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** One live device connection as the registry sees it; the adapter holds it as a {@link DeviceLink}. */
final class Link implements DeviceLink {

    enum State { ACTIVE, REPLACED, DETACHED }

    private final ConnectionRegistry registry;
    private final DeviceAddress address;
    private final Protocol protocol;
    private final DeviceEndpoint endpoint;
    private final ProtocolMeters meters;
    private final Instant since;
    private final AtomicReference<State> state = new AtomicReference<>(State.ACTIVE);

    Link(ConnectionRegistry registry, DeviceAddress address, Protocol protocol, DeviceEndpoint endpoint,
         ProtocolMeters meters, Instant since) {
        this.registry = registry;
        this.address = address;
        this.protocol = protocol;
        this.endpoint = endpoint;
        this.meters = meters;
        this.since = since;
    }

    @Override
    public DeviceAddress address() {
        return address;
    }

    @Override
    public Uni<Void> publish(DeviceEvent event, CorrelationId correlation) {
        return Uni.createFrom().completionStage(registry.publishEvent(this, event, correlation));
    }

    @Override
    public Uni<DeviceReply> request(DeviceRequest request, CorrelationId correlation) {
        return Uni.createFrom().completionStage(registry.requests().request(this, request, correlation));
    }

    @Override
    public Uni<Void> detach(DisconnectReason reason) {
        return Uni.createFrom().completionStage(registry.detach(this, reason));
    }

    @Override
    public boolean isActive() {
        return state.get() == State.ACTIVE;
    }

    /** ACTIVE to REPLACED; false if the link had already ended. */
    boolean markReplaced() {
        return state.compareAndSet(State.ACTIVE, State.REPLACED);
    }

    /** ACTIVE to DETACHED; false if replaced or detached before, in which case detach does nothing. */
    boolean markDetached() {
        return state.compareAndSet(State.ACTIVE, State.DETACHED);
    }

    Protocol protocol() {
        return protocol;
    }

    DeviceEndpoint endpoint() {
        return endpoint;
    }

    ProtocolMeters meters() {
        return meters;
    }

    Instant since() {
        return since;
    }

    @Override
    public String toString() {
        return "Link[" + address + ", " + protocol + ", " + state.get() + "]";
    }
}
