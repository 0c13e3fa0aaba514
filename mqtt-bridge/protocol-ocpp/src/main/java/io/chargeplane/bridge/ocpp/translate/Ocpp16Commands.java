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
 * Canonical commands → OCPP 1.6 CALLs. Empty for commands 1.6 cannot carry: tariffs, barrier and lock
 * commands, a connector other than 1 (1.6 has one connector per EVSE in this mapping), an id token longer
 * than 1.6's 20 characters, a transaction id that is not a 1.6 integer.
 */
final class Ocpp16Commands {

    static final int MAX_ID_TAG = 20;

    Optional<OutboundCall> call(CommandRequest request) {
        return switch (request.command()) {
            case StartCharging start -> start(request, start);
            case StopCharging stop -> integer(stop.transaction().deviceTransactionId()).map(id -> {
                ObjectNode p = Payloads.object();
                p.put("transactionId", id);
                return new OutboundCall("RemoteStopTransaction", p);
            });
            case GetStatus status -> {
                ObjectNode p = Payloads.object();
                p.put("requestedMessage", "StatusNotification");
                if (status.evse() != null) {
                    p.put("connectorId", status.evse().value());
                }
                yield Optional.of(new OutboundCall("TriggerMessage", p));
            }
            case Reset reset -> {
                ObjectNode p = Payloads.object();
                p.put("type", reset.kind() == ResetKind.HARD ? "Hard" : "Soft");
                yield Optional.of(new OutboundCall("Reset", p));
            }
            case UnlockConnector unlock -> {
                if (unlock.connector().value() != 1) {
                    yield Optional.empty();
                }
                ObjectNode p = Payloads.object();
                p.put("connectorId", unlock.evse().value());
                yield Optional.of(new OutboundCall("UnlockConnector", p));
            }
            case SetAvailability availability -> {
                ObjectNode p = Payloads.object();
                p.put("connectorId", Payloads.number(availability.evse()));
                p.put("type", availability.state() == AvailabilityState.OPERATIVE ? "Operative" : "Inoperative");
                yield Optional.of(new OutboundCall("ChangeAvailability", p));
            }
            case SetChargingLimit limit -> {
                ObjectNode p = Payloads.object();
                p.put("connectorId", Payloads.number(limit.evse()));
                p.set("csChargingProfiles", ChargingProfiles.profile16(ChargingProfiles.profileId(limit.evse()),
                        limit.evse() == null ? "ChargePointMaxProfile" : "TxDefaultProfile", limit.limit(),
                        request.issuedAt(), limit.until()));
                yield Optional.of(new OutboundCall("SetChargingProfile", p));
            }
            case UpdateFirmware firmware -> {
                ObjectNode p = Payloads.object();
                p.put("location", firmware.location().toString());
                p.put("retrieveDate", Payloads.format(firmware.retrieveAt()));
                if (firmware.retries() != null) {
                    p.put("retries", firmware.retries());
                }
                yield Optional.of(new OutboundCall("UpdateFirmware", p));
            }
            default -> Optional.empty();
        };
    }

    private static Optional<OutboundCall> start(CommandRequest request, StartCharging start) {
        if (start.idToken().value().length() > MAX_ID_TAG || start.idToken().value().isEmpty()
                || start.connector() != null && start.connector().value() != 1) {
            return Optional.empty();
        }
        ObjectNode p = Payloads.object();
        p.put("connectorId", start.evse().value());
        p.put("idTag", start.idToken().value());
        if (start.limit() != null) {
            p.set("chargingProfile", ChargingProfiles.profile16(ChargingProfiles.profileId(start.evse()) + 500,
                    "TxProfile", start.limit(), request.issuedAt(), null));
        }
        return Optional.of(new OutboundCall("RemoteStartTransaction", p));
    }

    private static Optional<Integer> integer(String text) {
        try {
            return Optional.of(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
