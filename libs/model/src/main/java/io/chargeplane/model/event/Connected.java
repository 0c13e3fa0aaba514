package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.device.Protocol;

/**
 * The adapter accepted and authenticated a device connection.
 *
 * @param remoteAddress where the device connected from, for support; null for cloud-reached devices
 * @param protocol the protocol and version negotiated for this connection
 */
public record Connected(String remoteAddress, Protocol protocol) implements DeviceEvent {

    public static final String NAME = "connected";

    public Connected {
        Require.optionalText(remoteAddress, "remoteAddress", 256);
        Require.present(protocol, "protocol");
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
