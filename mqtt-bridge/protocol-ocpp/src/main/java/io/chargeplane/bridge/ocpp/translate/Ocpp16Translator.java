package io.chargeplane.bridge.ocpp.translate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.event.AuthorizationRequested;
import io.chargeplane.model.event.BootReason;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.FirmwareStatusChanged;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.Severity;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionUpdated;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.unit.Energy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * OCPP 1.6J ⇄ canonical. 1.6 has no EVSEs: connector n is EVSE n, connector 1, and connector 0 is the whole
 * station. Transaction ids are assigned by the platform (StartTransaction asks charging-service), and travel
 * in the model as decimal text.
 */
final class Ocpp16Translator implements OcppTranslator {

    private final TranslationSettings settings;
    private final TransactionMemory memory;
    private final Clock clock;
    private final Ocpp16Commands commands = new Ocpp16Commands();

    Ocpp16Translator(TranslationSettings settings, TransactionMemory memory, Clock clock) {
        this.settings = settings;
        this.memory = memory;
        this.clock = clock;
    }

    @Override
    public OcppVersion version() {
        return OcppVersion.OCPP16;
    }

    @Override
    public Inbound inbound(String station, String action, ObjectNode payload) {
        try {
            return switch (action) {
                case "BootNotification" -> boot(payload);
                case "Heartbeat" -> Inbound.Reply.of(now());
                case "StatusNotification" -> Inbound.Reply.of(empty(), status(payload));
                case "Authorize" -> authorize(payload);
                case "StartTransaction" -> startTransaction(station, payload);
                case "MeterValues" -> new Inbound.Reply(meterValues(station, payload), empty());
                case "StopTransaction" -> new Inbound.Reply(stopTransaction(station, payload), empty());
                case "FirmwareStatusNotification" -> Inbound.Reply.of(empty(),
                        new FirmwareStatusChanged(Vocabulary.firmware(Payloads.text(payload, "status")), null));
                case "DiagnosticsStatusNotification" -> Inbound.Reply.of(empty(), diagnostics(payload));
                case "DataTransfer" -> Inbound.Reply.of(dataTransferAnswer());
                default -> new Inbound.Refuse(RpcErrorKind.NOT_SUPPORTED,
                        "action " + action + " is not handled by this central system");
            };
        } catch (UntranslatableException | ModelValidationException e) {
            return new Inbound.Refuse(RpcErrorKind.PROPERTY_CONSTRAINT, e.getMessage());
        }
    }

    private Inbound boot(ObjectNode p) {
        Booted booted = new Booted(Payloads.text(p, "chargePointVendor"), Payloads.text(p, "chargePointModel"),
                Payloads.text(p, "chargePointSerialNumber"), Payloads.text(p, "firmwareVersion"), BootReason.UNKNOWN);
        ObjectNode answer = now();
        answer.put("interval", (int) settings.heartbeatInterval().toSeconds());
        answer.put("status", "Accepted");
        return Inbound.Reply.of(answer, booted);
    }

    private ConnectorStatusChanged status(ObjectNode p) {
        int connectorId = Payloads.integer(p, "connectorId");
        EvseId evse = Payloads.evse(connectorId);
        String errorCode = Payloads.text(p, "errorCode");
        String vendorError = Payloads.text(p, "vendorErrorCode");
        String code = "NoError".equals(errorCode) ? null : errorCode;
        if (code != null && vendorError != null && !vendorError.isEmpty()) {
            code = code + "/" + vendorError;
        }
        Instant at = Payloads.instant(p, "timestamp");
        return new ConnectorStatusChanged(evse, evse == null ? null : ConnectorId.of(1),
                Vocabulary.connectorStatus(Payloads.text(p, "status")), code == null ? null : clip(code, 64),
                Payloads.text(p, "info"), at == null ? clock.instant() : at);
    }

    private Inbound authorize(ObjectNode p) {
        IdToken token = Vocabulary.idTag(Payloads.text(p, "idTag"));
        return new Inbound.Ask(AuthorizeRequest.of(token), reply -> {
            AuthorizeReply verdict = (AuthorizeReply) reply;
            ObjectNode answer = empty();
            answer.set("idTagInfo", idTagInfo(verdict));
            return Inbound.Reply.of(answer, new AuthorizationRequested(token, null, null, verdict.status()));
        }, null);
    }

    private Inbound startTransaction(String station, ObjectNode p) {
        EvseId evse = EvseId.of(Payloads.integer(p, "connectorId"));
        ConnectorId connector = ConnectorId.of(1);
        IdToken token = Vocabulary.idTag(Payloads.text(p, "idTag"));
        Energy meterStart = Energy.ofWh(p.get("meterStart").longValue());
        Instant startedAt = Payloads.instant(p, "timestamp");
        StartTransactionRequest request = new StartTransactionRequest(evse, connector, token, meterStart, startedAt);
        return new Inbound.Ask(request, reply -> {
            StartTransactionReply assigned = (StartTransactionReply) reply;
            if (assigned.transactionId() > Integer.MAX_VALUE) {
                throw new IllegalStateException("transaction id " + assigned.transactionId()
                        + " does not fit an OCPP 1.6 integer");
            }
            String id = Long.toString(assigned.transactionId());
            memory.started(station, id, new TransactionMemory.Running(evse, connector, token, meterStart, startedAt,
                    meterStart));
            ObjectNode answer = empty();
            answer.set("idTagInfo", idTagInfo(assigned.authorization()));
            answer.put("transactionId", (int) assigned.transactionId());
            return Inbound.Reply.of(answer, new TransactionStarted(TransactionRef.ofDevice(id), evse, connector, token,
                    meterStart, startedAt));
        }, null);
    }

    private List<DeviceEvent> meterValues(String station, ObjectNode p) {
        // Meters are per EVSE in the model (as in 2.0.1); 1.6 connector n is EVSE n.
        EvseId evse = Payloads.evse(Payloads.integer(p, "connectorId"));
        Integer transactionId = Payloads.integer(p, "transactionId");
        TransactionRef ref = transactionId == null ? null : TransactionRef.ofDevice(transactionId.toString());
        List<MeterReadings.Reading> readings = MeterReadings.read(p.get("meterValue"), MeterReadings.Flavor.OCPP16);
        List<DeviceEvent> events = new ArrayList<>();
        MeterReadings.Reading latest = null;
        for (MeterReadings.Reading reading : readings) {
            if (reading.energy() != null) {
                events.add(reading.toSample(evse, null, ref));
                latest = reading;
            }
        }
        if (ref != null && latest != null) {
            memory.register(station, ref.deviceTransactionId(), latest.energy());
            events.add(new TransactionUpdated(ref, latest.timestamp(), latest.energy(), latest.power(), latest.soc(),
                    null));
        }
        return events;
    }

    private List<DeviceEvent> stopTransaction(String station, ObjectNode p) {
        String id = Integer.toString(Payloads.integer(p, "transactionId"));
        TransactionRef ref = TransactionRef.ofDevice(id);
        Energy meterStop = Energy.ofWh(p.get("meterStop").longValue());
        Instant endedAt = Payloads.instant(p, "timestamp");
        String idTag = Payloads.text(p, "idTag");
        List<MeterReadings.Reading> readings = MeterReadings.read(p.get("transactionData"),
                MeterReadings.Flavor.OCPP16);
        Optional<TransactionMemory.Running> known = memory.ended(station, id);
        List<DeviceEvent> events = new ArrayList<>();
        EvseId evse = known.map(TransactionMemory.Running::evse).orElse(null);
        for (MeterReadings.Reading reading : readings) {
            if (reading.energy() != null) {
                events.add(reading.toSample(evse, null, ref));
            }
        }
        Energy meterStart;
        Instant startedAt;
        if (known.isPresent()) {
            meterStart = known.get().meterStart();
            startedAt = known.get().startedAt();
            if (startedAt != null && endedAt.isBefore(startedAt)) {
                startedAt = null;
            }
        } else {
            Energy initial = MeterReadings.initialRegister(readings);
            meterStart = initial == null || initial.compareTo(meterStop) > 0 ? meterStop : initial;
            startedAt = null;
            evse = EvseId.of(1);
            events.add(unknownStart(id));
        }
        events.add(new TransactionEnded(ref, evse, known.map(TransactionMemory.Running::connector).orElse(null),
                idTag == null ? null : Vocabulary.idTag(idTag), meterStart, meterStop, startedAt, endedAt,
                Vocabulary.stopReason(Payloads.text(p, "reason")), List.of(), null));
        return events;
    }

    static LogEvent unknownStart(String transactionId) {
        return new LogEvent(Severity.WARNING, "transaction " + transactionId + " ended without a start known to this"
                + " adapter; evse and meterStart in transaction_ended are estimates, the transaction_started event"
                + " is authoritative", "transaction");
    }

    private static LogEvent diagnostics(ObjectNode p) {
        String status = Payloads.text(p, "status");
        return new LogEvent("UploadFailed".equals(status) ? Severity.WARNING : Severity.INFO,
                "diagnostics upload: " + status, "diagnostics");
    }

    private ObjectNode idTagInfo(AuthorizeReply verdict) {
        ObjectNode info = empty();
        info.put("status", Vocabulary.authorization16(verdict.status()));
        if (verdict.expiresAt() != null) {
            info.put("expiryDate", Payloads.format(verdict.expiresAt()));
        }
        if (verdict.groupId() != null && verdict.groupId().length() <= 20) {
            info.put("parentIdTag", verdict.groupId());
        }
        return info;
    }

    /** DataTransfer has no canonical home; the station is told plainly that no vendor extension is known. */
    static ObjectNode dataTransferAnswer() {
        ObjectNode answer = Payloads.object();
        answer.put("status", "UnknownVendorId");
        return answer;
    }

    private ObjectNode now() {
        ObjectNode answer = empty();
        answer.put("currentTime", Payloads.format(clock.instant()));
        return answer;
    }

    private static ObjectNode empty() {
        return Payloads.object();
    }

    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
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
