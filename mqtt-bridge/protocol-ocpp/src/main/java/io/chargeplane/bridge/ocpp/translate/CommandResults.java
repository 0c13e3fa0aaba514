package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.rpc.CallError;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a station's answer to a command onto the canonical result. Every OCPP answer to the CALLs this adapter
 * sends is a {@code status} enumeration; the mapping is by value, the same in 1.6 and 2.0.1. The raw status
 * travels in {@code detail.status}, so support sees exactly what the station said.
 */
final class CommandResults {

    private CommandResults() {
    }

    static CommandResult fromStatus(CommandRequest command, ObjectNode response) {
        String status = Payloads.text(response, "status");
        Map<String, String> detail = new LinkedHashMap<>();
        if (status == null) {
            // 1.6 UpdateFirmware.conf is empty: the station took the command.
            return new CommandResult(command.correlationId(), command.capability(), CommandStatus.ACCEPTED, null,
                    detail);
        }
        detail.put("status", status);
        JsonNode info = response.get("statusInfo");
        if (info != null && info.hasNonNull("reasonCode")) {
            detail.put("reason", clip(info.get("reasonCode").asText()));
        }
        JsonNode transactionId = response.get("transactionId");
        if (transactionId != null && !transactionId.isNull()) {
            detail.put("transactionId", clip(transactionId.asText()));
        }
        CommandStatus canonical = switch (status) {
            case "Accepted", "Unlocked", "Scheduled", "AcceptedCanceled" -> CommandStatus.ACCEPTED;
            case "UnlockFailed" -> CommandStatus.FAILED;
            case "NotSupported", "NotImplemented" -> CommandStatus.NOT_SUPPORTED;
            default -> CommandStatus.REJECTED;
        };
        String reason = canonical == CommandStatus.ACCEPTED ? null : "ocpp." + snake(status);
        return new CommandResult(command.correlationId(), command.capability(), canonical, reason, detail);
    }

    static CommandResult fromCallError(CommandRequest command, CallError error) {
        CommandStatus status = switch (error.errorCode()) {
            case "NotImplemented", "NotSupported" -> CommandStatus.NOT_SUPPORTED;
            default -> CommandStatus.FAILED;
        };
        Map<String, String> detail = new LinkedHashMap<>();
        detail.put("errorCode", clip(error.errorCode()));
        if (!error.errorDescription().isEmpty()) {
            detail.put("errorDescription", clip(error.errorDescription()));
        }
        return new CommandResult(command.correlationId(), command.capability(), status,
                "ocpp." + snake(error.errorCode()), detail);
    }

    static CommandResult notSupported(CommandRequest command, String reason) {
        return CommandResult.of(command.correlationId(), command.capability(), CommandStatus.NOT_SUPPORTED, reason);
    }

    /** {@code OngoingAuthorizedTransaction} → {@code ongoing_authorized_transaction}, bounded for a reason code. */
    static String snake(String camel) {
        StringBuilder out = new StringBuilder(camel.length() + 8);
        for (int i = 0; i < camel.length() && out.length() < 58; i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else if (Character.isLetterOrDigit(c) && c < 128) {
                out.append(c);
            } else {
                out.append('_');
            }
        }
        return out.isEmpty() ? "unknown" : out.toString();
    }

    private static String clip(String text) {
        return text.length() <= 1024 ? text : text.substring(0, 1024);
    }
}
