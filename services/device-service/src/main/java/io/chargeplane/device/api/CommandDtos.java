package io.chargeplane.device.api;

import io.chargeplane.device.command.CommandRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The command resource of the capability API. */
public final class CommandDtos {

    static final String NO_RESULT = "service.no_result";

    private CommandDtos() {
    }

    @Schema(description = "A command sent to a device, with its result once the device has answered")
    public record View(
            UUID id,
            UUID deviceId,
            String deviceIdentity,
            @Schema(description = "Capability wire name, e.g. start_charging") String capability,
            @Schema(description = "PENDING until a result arrives; then ACCEPTED, REJECTED, FAILED, TIMEOUT, "
                    + "NOT_SUPPORTED or DEVICE_OFFLINE") String status,
            @Schema(description = "Stable machine-readable reason, e.g. connector_occupied") String reasonCode,
            @Schema(description = "Facts the device or adapter added") Map<String, String> detail,
            String requestedBy,
            Instant requestedAt,
            @Schema(description = "After this the device no longer executes the command") Instant deadline,
            Instant completedAt) {

        /**
         * A command still pending well after its deadline will never be answered (its adapter vanished with it):
         * it is shown as TIMEOUT, without changing what is stored, so a result arriving late still wins.
         */
        static View of(CommandRecord command, Duration grace) {
            String status = command.pending() ? "PENDING" : command.status().name();
            String reason = command.reasonCode();
            if (command.pending() && Instant.now().isAfter(command.deadline().plus(grace))) {
                status = "TIMEOUT";
                reason = NO_RESULT;
            }
            return new View(command.id(), command.deviceId(), command.deviceIdentity(), command.capability(), status,
                    reason, command.detail(), command.requestedBy(), command.requestedAt(), command.deadline(),
                    command.completedAt());
        }
    }
}
