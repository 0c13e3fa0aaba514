package io.chargeplane.model.event;

import io.chargeplane.model.Require;

/**
 * A line the device wants operators to see (vendor diagnostics, OCPP LogStatusNotification, adapter notes
 * about a device). Bounded so that a chatty device cannot flood the bus with large messages.
 *
 * @param category a short machine-friendly tag ("diagnostics", "security", "vendor"); may be null
 */
public record LogEvent(Severity level, String message, String category) implements DeviceEvent {

    public static final String NAME = "log";

    public static final int MAX_MESSAGE_LENGTH = 4096;

    public LogEvent {
        Require.present(level, "level");
        Require.text(message, "message", MAX_MESSAGE_LENGTH);
        Require.optionalText(category, "category", 32);
    }

    @Override
    public String eventName() {
        return NAME;
    }
}
