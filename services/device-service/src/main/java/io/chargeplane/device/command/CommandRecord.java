package io.chargeplane.device.command;

import io.chargeplane.model.command.CommandStatus;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A command sent through the capability API, as kept in {@code device_commands}. Its id is also the command's
 * correlation id on the bus.
 *
 * @param status null while no result has arrived
 */
public record CommandRecord(UUID id, String tenant, UUID deviceId, String deviceIdentity, String capability,
                            String idempotencyKey, String requestedBy, String payload, CommandStatus status,
                            String reasonCode, Map<String, String> detail, Instant requestedAt, Instant deadline,
                            Instant completedAt) {

    public boolean pending() {
        return status == null;
    }
}
