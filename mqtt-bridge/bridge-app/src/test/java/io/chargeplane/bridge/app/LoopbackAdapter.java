package io.chargeplane.bridge.app;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import io.chargeplane.bridge.core.spi.DeviceConnections;
import io.chargeplane.bridge.core.spi.DeviceEndpoint;
import io.chargeplane.bridge.core.spi.DeviceLink;
import io.chargeplane.bridge.core.spi.ProtocolAdapter;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.event.DisconnectReason;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * The smallest protocol adapter there is: its "devices" are attached by calling {@link #connect}, and each
 * accepts every command. It lets the application's lifecycle be tested on the real bus before a real protocol
 * module is selected, and records what it saw when it was told to stop.
 */
@ApplicationScoped
public class LoopbackAdapter implements ProtocolAdapter {

    final List<DeviceLink> links = new CopyOnWriteArrayList<>();
    volatile boolean started;
    volatile boolean stopped;
    /** Evaluated inside {@link #stop()}: whether the platform already saw the devices go offline then. */
    volatile BooleanSupplier offlineSeenAtStop = () -> false;
    volatile boolean offlineBeforeStop;
    volatile boolean linksInactiveAtStop;

    @Inject
    DeviceConnections connections;

    @Override
    public String name() {
        return "loopback";
    }

    @Override
    public Uni<Void> start() {
        started = true;
        return Uni.createFrom().voidItem();
    }

    /** Through a method: tests hold the client proxy, whose own fields are never set. */
    boolean isStarted() {
        return started;
    }

    DeviceLink connect(DeviceAddress address) {
        DeviceLink link = connections.attach(address, Protocol.VENDOR_MQTT, new DeviceEndpoint() {
            @Override
            public Uni<CommandResult> execute(CommandRequest command) {
                return Uni.createFrom().item(CommandResult.accepted(command.correlationId(), command.capability()));
            }

            @Override
            public void replaced() {
            }
        }).await().indefinitely();
        links.add(link);
        return link;
    }

    @Override
    public Uni<Void> stop() {
        offlineBeforeStop = offlineSeenAtStop.getAsBoolean();
        linksInactiveAtStop = links.stream().noneMatch(DeviceLink::isActive);
        stopped = true;
        if (links.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(links.stream().map(link -> link.detach(DisconnectReason.ADAPTER_SHUTDOWN)).toList())
                .andCollectFailures().replaceWithVoid();
    }
}
