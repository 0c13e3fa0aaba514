package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.GetStatus;
import io.chargeplane.model.command.Reset;
import io.chargeplane.model.command.SetAvailability;
import io.chargeplane.model.command.SetChargingLimit;
import io.chargeplane.model.command.StartCharging;
import io.chargeplane.model.command.StopCharging;
import io.chargeplane.model.command.UnlockConnector;
import io.chargeplane.model.command.UpdateFirmware;
import io.chargeplane.model.device.AvailabilityState;
import io.chargeplane.model.device.ResetKind;
import java.util.Optional;

/**
 * Canonical commands → OCPP 2.0.1 CALLs. Empty for what 2.0.1 (in this adapter) cannot carry: tariffs,
 * barrier and lock commands, an id token or transaction id longer than 2.0.1's 36 characters.
 *
 * <p>{@code remoteStartId} and the firmware {@code requestId} are derived from the command's correlation id
 * (a positive 31-bit hash), so a redelivered command produces the same CALL.
 */
final class Ocpp201Commands {

    static final int MAX_IDENTIFIER = 36;

    Optional<OutboundCall> call(CommandRequest request) {
        return switch (request.command()) {
            case StartCharging start -> {
                if (start.idToken().value().length() > MAX_IDENTIFIER) {
                    yield Optional.empty();
                }
                ObjectNode p = Payloads.object();
                p.put("evseId", start.evse().value());
                p.put("remoteStartId", requestId(request));
                ObjectNode token = p.putObject("idToken");
                token.put("idToken", start.idToken().value());
                token.put("type", Vocabulary.idTokenType201(start.idToken().type()));
                if (start.limit() != null) {
                    p.set("chargingProfile", ChargingProfiles.profile201(ChargingProfiles.profileId(start.evse()) + 500,
                            "TxProfile", start.limit(), request.issuedAt(), null));
                }
                yield Optional.of(new OutboundCall("RequestStartTransaction", p));
            }
            case StopCharging stop -> {
                String id = stop.transaction().deviceTransactionId();
                if (id.length() > MAX_IDENTIFIER) {
                    yield Optional.empty();
                }
                ObjectNode p = Payloads.object();
                p.put("transactionId", id);
                yield Optional.of(new OutboundCall("RequestStopTransaction", p));
            }
            case GetStatus status -> {
                ObjectNode p = Payloads.object();
                p.put("requestedMessage", "StatusNotification");
                if (status.evse() != null) {
                    p.putObject("evse").put("id", status.evse().value());
                }
                yield Optional.of(new OutboundCall("TriggerMessage", p));
            }
            case Reset reset -> {
                ObjectNode p = Payloads.object();
                p.put("type", reset.kind() == ResetKind.HARD ? "Immediate" : "OnIdle");
                yield Optional.of(new OutboundCall("Reset", p));
            }
            case UnlockConnector unlock -> {
                ObjectNode p = Payloads.object();
                p.put("evseId", unlock.evse().value());
                p.put("connectorId", unlock.connector().value());
                yield Optional.of(new OutboundCall("UnlockConnector", p));
            }
            case SetAvailability availability -> {
                ObjectNode p = Payloads.object();
                p.put("operationalStatus",
                        availability.state() == AvailabilityState.OPERATIVE ? "Operative" : "Inoperative");
                if (availability.evse() != null) {
                    p.putObject("evse").put("id", availability.evse().value());
                }
                yield Optional.of(new OutboundCall("ChangeAvailability", p));
            }
            case SetChargingLimit limit -> {
                ObjectNode p = Payloads.object();
                p.put("evseId", Payloads.number(limit.evse()));
                p.set("chargingProfile", ChargingProfiles.profile201(ChargingProfiles.profileId(limit.evse()),
                        limit.evse() == null ? "ChargingStationMaxProfile" : "TxDefaultProfile", limit.limit(),
                        request.issuedAt(), limit.until()));
                yield Optional.of(new OutboundCall("SetChargingProfile", p));
            }
            case UpdateFirmware firmware -> {
                ObjectNode p = Payloads.object();
                p.put("requestId", requestId(request));
                if (firmware.retries() != null) {
                    p.put("retries", firmware.retries());
                }
                ObjectNode image = p.putObject("firmware");
                image.put("location", firmware.location().toString());
                image.put("retrieveDateTime", Payloads.format(firmware.retrieveAt()));
                yield Optional.of(new OutboundCall("UpdateFirmware", p));
            }
            default -> Optional.empty();
        };
    }

    static int requestId(CommandRequest request) {
        return request.correlationId().value().hashCode() & 0x7fffffff;
    }
}
