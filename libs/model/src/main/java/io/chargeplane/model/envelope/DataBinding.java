package io.chargeplane.model.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.DeviceCommand;
import io.chargeplane.model.command.DeviceCommands;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.IdempotencyKey;
import java.time.Instant;

/**
 * Binds the {@code data} of an envelope to the record its type names. Commands need help: the command record
 * inside a {@link CommandRequest} is chosen by the capability in the type, so the JSON stays free of
 * polymorphic type ids.
 */
final class DataBinding {

    private static final String DATA = "data";

    private DataBinding() {
    }

    static CanonicalPayload bind(CanonicalCodec codec, PayloadType type, JsonNode data) {
        if (data == null || data.isNull() || data.isMissingNode()) {
            throw new ModelValidationException(DATA, "is required");
        }
        if (!data.isObject()) {
            throw new ModelValidationException(DATA, "must be a JSON object");
        }
        if (type.kind() == PayloadKind.COMMAND) {
            return commandRequest(codec, type, data);
        }
        return codec.bind(data, type.dataClass(), DATA);
    }

    private static CommandRequest commandRequest(CanonicalCodec codec, PayloadType type, JsonNode data) {
        Class<? extends DeviceCommand> commandType = DeviceCommands.typeFor(type.commandCapability());
        JsonNode commandNode = data.get("command");
        if (commandNode != null && !commandNode.isNull() && !commandNode.isObject()) {
            throw new ModelValidationException(DATA + ".command", "must be a JSON object");
        }
        DeviceCommand command = codec.bind(commandNode, commandType, DATA + ".command");
        try {
            return new CommandRequest(
                    codec.bind(data.get("idempotencyKey"), IdempotencyKey.class, DATA + ".idempotencyKey"),
                    codec.bind(data.get("correlationId"), CorrelationId.class, DATA + ".correlationId"),
                    codec.bind(data.get("issuedAt"), Instant.class, DATA + ".issuedAt"),
                    codec.bind(data.get("deadline"), Instant.class, DATA + ".deadline"),
                    command);
        } catch (ModelValidationException e) {
            throw e.under(DATA);
        }
    }
}
