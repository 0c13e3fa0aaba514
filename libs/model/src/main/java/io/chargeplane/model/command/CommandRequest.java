package io.chargeplane.model.command;

import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.IdempotencyKey;
import java.time.Instant;

/**
 * A command on its way to a device, with what makes it safe to retry and to give up on.
 *
 * <p>The idempotency key lets an adapter recognise a redelivered command and answer with the first result
 * instead of acting twice; the deadline lets it drop a command that would arrive too late to matter (a
 * barrier opened for a car that already left).
 */
public record CommandRequest(IdempotencyKey idempotencyKey, CorrelationId correlationId, Instant issuedAt,
                             Instant deadline, DeviceCommand command) implements CanonicalPayload {

    public CommandRequest {
        Require.present(idempotencyKey, "idempotencyKey");
        Require.present(correlationId, "correlationId");
        Require.present(issuedAt, "issuedAt");
        Require.present(deadline, "deadline");
        Require.that(deadline.isAfter(issuedAt), "deadline", "must be after issuedAt");
        Require.present(command, "command");
    }

    public Capability capability() {
        return command.capability();
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(deadline);
    }
}
