package io.chargeplane.model.event;

import io.chargeplane.model.Require;

/**
 * A device connection ended.
 *
 * @param reason the classified cause
 * @param detail free text for support (a close frame reason, an exception message); may be null
 */
public record Disconnected(DisconnectReason reason, String detail) implements DeviceEvent {

    public static final String NAME = "disconnected";

    public Disconnected {
        Require.present(reason, "reason");
        Require.maxLength(detail, "detail", 1024);
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
