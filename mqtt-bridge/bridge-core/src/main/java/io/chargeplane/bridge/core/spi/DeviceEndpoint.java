package io.chargeplane.bridge.core.spi;

import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.smallrye.mutiny.Uni;

/**
 * The device side of one live connection, implemented by the adapter's connection object and handed to
 * {@link DeviceConnections#attach}.
 */
public interface DeviceEndpoint {

    /**
     * Delivers a canonical command to the device and answers with the canonical result (the device's
     * verdict, translated). Core has already dropped duplicates and commands past their deadline; it also
     * bounds the wait by the command's deadline, so an endpoint need not time out on its own, but should
     * answer {@code NOT_SUPPORTED} for capabilities its protocol lacks rather than fail.
     *
     * <p>Called on a bus client thread: must not block.
     */
    Uni<CommandResult> execute(CommandRequest command);

    /**
     * Another connection of the same device took over. Close this connection cleanly (with the protocol's
     * close code for a replaced session). The detach that follows from this connection is a no-op: the
     * device stays online under the new connection.
     */
    void replaced();

    /** Where the device connected from, for the {@code connected} event; null when unknown. */
    default String remoteAddress() {
        return null;
    }
}
