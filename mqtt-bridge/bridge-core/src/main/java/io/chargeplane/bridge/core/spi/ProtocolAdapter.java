package io.chargeplane.bridge.core.spi;

import io.smallrye.mutiny.Uni;

/**
 * One protocol family terminated by the bridge (OCPP, YKC, vendor MQTT, …), discovered as a CDI bean.
 *
 * <p>The application starts only the adapters whose {@link #name()} is listed in
 * {@code chargeplane.bridge.protocols}; an adapter therefore must not open listeners or connections from its
 * constructor or a startup observer, only from {@link #start()}.
 */
public interface ProtocolAdapter {

    /** The name used in {@code chargeplane.bridge.protocols}, lower case, e.g. {@code ocpp}. */
    String name();

    /** Opens the adapter's listeners or upstream connections; completes once it accepts devices. */
    Uni<Void> start();

    /**
     * Stops accepting devices and closes the open device connections with a proper close code. Called at
     * graceful shutdown after core has already published every device's presence offline, so detaching
     * the links from here is harmless (the links are already closed and their detach is a no-op).
     */
    Uni<Void> stop();
}
