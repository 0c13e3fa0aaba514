package io.chargeplane.model.command;

import io.chargeplane.model.CanonicalPayload;
import io.chargeplane.model.Require;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.CorrelationId;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The outcome of one {@link CommandRequest}, matched to it by correlation id.
 *
 * @param reasonCode a stable machine-readable code (lower case, digits, {@code _ . -}), e.g.
 *                   {@code ocpp.rejected} or {@code connector_occupied}; may be null when ACCEPTED
 * @param detail extra facts for support (the device's own status text); empty when none
 */
public record CommandResult(CorrelationId correlationId, Capability capability, CommandStatus status,
                            String reasonCode, Map<String, String> detail) implements CanonicalPayload {

    private static final Pattern REASON_CODE = Pattern.compile("[a-z0-9_.-]{1,64}");

    public CommandResult {
        Require.present(correlationId, "correlationId");
        Require.present(capability, "capability");
        Require.present(status, "status");
        Require.that(reasonCode == null || REASON_CODE.matcher(reasonCode).matches(), "reasonCode",
                "must be 1-64 characters of a-z, 0-9, '_', '.', '-'");
        detail = detail == null ? Map.of() : copyDetail(detail);
        Require.that(detail.size() <= 32, "detail", "must have at most 32 entries");
    }

    private static Map<String, String> copyDetail(Map<String, String> detail) {
        detail.forEach((key, value) -> {
            Require.text(key, "detail", 64);
            Require.present(value, "detail." + key);
            Require.maxLength(value, "detail." + key, 1024);
        });
        return Map.copyOf(detail);
    }

    public static CommandResult accepted(CorrelationId correlationId, Capability capability) {
        return new CommandResult(correlationId, capability, CommandStatus.ACCEPTED, null, Map.of());
    }

    public static CommandResult of(CorrelationId correlationId, Capability capability, CommandStatus status,
                                   String reasonCode) {
        return new CommandResult(correlationId, capability, status, reasonCode, Map.of());
    }
}
