package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.event.AuthorizationRequested;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.Fault;
import io.chargeplane.model.event.FirmwareStatusChanged;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.Severity;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OCPP 2.0.1 ⇄ canonical. EVSE 0 is the whole station; the station names its transactions itself, so
 * TransactionEvent needs no platform-assigned id, only an authorization verdict when it carries an idToken.
 */
final class Ocpp201Translator implements OcppTranslator {

    private final TranslationSettings settings;
    private final Clock clock;
    private final Ocpp201Transactions transactions;
    private final Ocpp201Commands commands = new Ocpp201Commands();

    Ocpp201Translator(TranslationSettings settings, TransactionMemory memory, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.transactions = new Ocpp201Transactions(memory);
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.OCPP201;
    }

    @Override
    public Inbound inbound(String station, String action, ObjectNode payload) {
        try {
            return switch (action) {
                case "BootNotification" -> boot(payload);
                case "Heartbeat" -> Inbound.Reply.of(now());
                case "StatusNotification" -> Inbound.Reply.of(empty(), status(payload));
                case "Authorize" -> authorize(payload);
                case "TransactionEvent" -> transactionEvent(station, payload);
                case "MeterValues" -> new Inbound.Reply(meterValues(payload), empty());
                case "FirmwareStatusNotification" -> Inbound.Reply.of(empty(), new FirmwareStatusChanged(
                        Vocabulary.firmware(Payloads.text(payload, "status")), Payloads.integer(payload, "requestId")));
                case "SecurityEventNotification" -> Inbound.Reply.of(empty(), new Fault(
                        Ocpp16Translator.clip(Payloads.text(payload, "type"), 64), Severity.WARNING,
                        Payloads.text(payload, "techInfo"), null, null));
                case "ReservationStatusUpdate" -> Inbound.Reply.of(empty(), new LogEvent(Severity.INFO,
                        "reservation " + Payloads.integer(payload, "reservationId") + ": "
                                + Payloads.text(payload, "reservationUpdateStatus"), "reservation"));
                case "NotifyReport" -> Inbound.Reply.of(empty());
                case "DataTransfer" -> Inbound.Reply.of(Ocpp16Translator.dataTransferAnswer());
                default -> new Inbound.Refuse(RpcErrorKind.NOT_SUPPORTED,
                        "action " + action + " is not handled by this CSMS");
            };
        } catch (UntranslatableException | ModelValidationException e) {
            return new Inbound.Refuse(RpcErrorKind.PROPERTY_CONSTRAINT, e.getMessage());
        }
    }

    private Inbound boot(ObjectNode p) {
        JsonNode station = p.get("chargingStation");
        Booted booted = new Booted(Payloads.text(station, "vendorName"), Payloads.text(station, "model"),
                Payloads.text(station, "serialNumber"), Payloads.text(station, "firmwareVersion"),
                Vocabulary.bootReason(Payloads.text(p, "reason")));
        ObjectNode answer = now();
        answer.put("interval", (int) settings.heartbeatInterval().toSeconds());
        answer.put("status", "Accepted");
        return Inbound.Reply.of(answer, booted);
    }

    private ConnectorStatusChanged status(ObjectNode p) {
        EvseId evse = Payloads.evse(Payloads.integer(p, "evseId"));
        return new ConnectorStatusChanged(evse, evse == null ? null : Payloads.connector(Payloads.integer(p, "connectorId")),
                Vocabulary.connectorStatus(Payloads.text(p, "connectorStatus")), null, null,
                Payloads.instant(p, "timestamp"));
    }

    private Inbound authorize(ObjectNode p) {
        IdToken token = idToken(p.get("idToken"));
        return new Inbound.Ask(AuthorizeRequest.of(token), reply -> {
            AuthorizeReply verdict = (AuthorizeReply) reply;
            ObjectNode answer = empty();
            answer.set("idTokenInfo", idTokenInfo(verdict));
            return Inbound.Reply.of(answer, new AuthorizationRequested(token, null, null, verdict.status()));
        }, null);
    }

    private Inbound transactionEvent(String station, ObjectNode p) {
        Ocpp201Transactions.Translated translated = transactions.translate(station, p);
        JsonNode tokenNode = p.get("idToken");
        if (tokenNode == null) {
            return new Inbound.Reply(translated.events(), empty());
        }
        IdToken token = idToken(tokenNode);
        if (token.type() == IdTokenType.NO_AUTHORIZATION) {
            ObjectNode answer = empty();
            answer.set("idTokenInfo", idTokenInfo(AuthorizeReply.of(io.chargeplane.model.device.AuthorizationStatus.ACCEPTED)));
            return new Inbound.Reply(translated.events(), answer);
        }
        AuthorizeRequest request = new AuthorizeRequest(token, translated.evse(),
                translated.evse() == null ? null : translated.connector());
        // The transaction's events must reach the bus even when no verdict comes: the answer then simply
        // carries no idTokenInfo and the station applies its own offline rules.
        return new Inbound.Ask(request, reply -> {
            ObjectNode answer = empty();
            answer.set("idTokenInfo", idTokenInfo((AuthorizeReply) reply));
            return new Inbound.Reply(translated.events(), answer);
        }, () -> new Inbound.Reply(translated.events(), empty()));
    }

    private List<DeviceEvent> meterValues(ObjectNode p) {
        EvseId evse = Payloads.evse(Payloads.integer(p, "evseId"));
        List<DeviceEvent> events = new ArrayList<>();
        for (MeterReadings.Reading reading : MeterReadings.read(p.get("meterValue"), MeterReadings.Flavor.OCPP201)) {
            if (reading.energy() != null) {
                events.add(reading.toSample(evse, null, null));
            }
        }
        return events;
    }

    static IdToken idToken(JsonNode node) {
        return Vocabulary.idToken201(Payloads.text(node, "idToken"), Payloads.text(node, "type"));
    }

    private static ObjectNode idTokenInfo(AuthorizeReply verdict) {
        ObjectNode info = Payloads.object();
        info.put("status", Vocabulary.authorization201(verdict.status()));
        if (verdict.expiresAt() != null) {
            info.put("cacheExpiryDateTime", Payloads.format(verdict.expiresAt()));
        }
        if (verdict.groupId() != null && verdict.groupId().length() <= 36) {
            ObjectNode group = info.putObject("groupIdToken");
            group.put("idToken", verdict.groupId());
            group.put("type", "Central");
        }
        return info;
    }

    private ObjectNode now() {
        ObjectNode answer = empty();
        answer.put("currentTime", Payloads.format(clock.instant()));
        return answer;
    }

    private static ObjectNode empty() {
        return Payloads.object();
    }

    @Override
    public Optional<OutboundCall> outbound(CommandRequest command) {
        return commands.call(command);
    }

    @Override
    public CommandResult result(CommandRequest command, OutboundCall call, ObjectNode response) {
        return CommandResults.fromStatus(command, response);
    }
}
