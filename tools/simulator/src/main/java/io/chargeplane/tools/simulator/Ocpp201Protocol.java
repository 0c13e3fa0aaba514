package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.tools.loadgen.OcppDialect;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * OCPP 2.0.1: EVSE n with connector 1 each, the station makes up transaction ids, TransactionEvent with seqNo,
 * device-model variables.
 */
final class Ocpp201Protocol implements StationProtocol {

    static final Ocpp201Protocol INSTANCE = new Ocpp201Protocol();

    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("GetBaseReport", "ClearCache", "GetLocalListVersion",
            "SendLocalList", "GetTransactionStatus", "ReserveNow", "CancelReservation", "GetCompositeSchedule",
            "UpdateFirmware");

    private Ocpp201Protocol() {
    }

    @Override
    public OcppDialect version() {
        return OcppDialect.OCPP201;
    }

    @Override
    public String statusName(ConnectorState state) {
        return switch (state) {
            case AVAILABLE -> "Available";
            case PREPARING, CHARGING, FINISHING -> "Occupied";
            case UNAVAILABLE -> "Unavailable";
            case FAULTED -> "Faulted";
        };
    }

    @Override
    public OutCall statusNotification(int connector, String statusName, Instant now) {
        return new OutCall("StatusNotification", Frames.object().put("timestamp", Frames.timestamp(now))
                .put("connectorStatus", statusName).put("evseId", connector).put("connectorId", 1));
    }

    @Override
    public OutCall authorize(String idTag) {
        ObjectNode payload = Frames.object();
        payload.putObject("idToken").put("idToken", idTag).put("type", "ISO14443");
        return new OutCall("Authorize", payload);
    }

    @Override
    public boolean tokenAccepted(ObjectNode answer) {
        return "Accepted".equals(answer.path("idTokenInfo").path("status").asText());
    }

    @Override
    public String stationTransactionId(RandomGenerator random) {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    @Override
    public OutCall transactionStarted(Connector connector, Session session, Instant now) {
        ObjectNode payload = event("Started", session.remote() ? "RemoteStart" : "Authorized", session, now);
        ObjectNode info = (ObjectNode) payload.get("transactionInfo");
        info.put("chargingState", "Charging");
        if (session.remoteStartId() != null) {
            info.put("remoteStartId", session.remoteStartId());
        }
        payload.putObject("idToken").put("idToken", session.idTag()).put("type", session.tokenType());
        payload.putObject("evse").put("id", connector.id()).put("connectorId", 1);
        payload.putArray("meterValue").add(sample(connector, session, now, "Transaction.Begin"));
        return new OutCall("TransactionEvent", payload);
    }

    @Override
    public StartAnswer startAnswer(ObjectNode payload) {
        JsonNode info = payload.get("idTokenInfo");
        return new StartAnswer(null, info == null || "Accepted".equals(info.path("status").asText()));
    }

    @Override
    public OutCall transactionUpdated(Connector connector, Session session, Instant now) {
        ObjectNode payload = event("Updated", "MeterValuePeriodic", session, now);
        ((ObjectNode) payload.get("transactionInfo")).put("chargingState", "Charging");
        payload.putArray("meterValue").add(sample(connector, session, now, "Sample.Periodic"));
        return new OutCall("TransactionEvent", payload);
    }

    @Override
    public OutCall transactionEnded(Connector connector, Session session, StopCause cause, Instant now) {
        String trigger = switch (cause) {
            case LOCAL -> "StopAuthorized";
            case REMOTE -> "RemoteStop";
            case FAULT, REBOOT -> "AbnormalCondition";
            case HARD_RESET, SOFT_RESET -> "ResetCommand";
            case UNLOCK -> "UnlockCommand";
            case DEAUTHORIZED -> "Deauthorized";
        };
        ObjectNode payload = event("Ended", trigger, session, now);
        ((ObjectNode) payload.get("transactionInfo")).put("chargingState", "EVConnected")
                .put("stoppedReason", stoppedReason(cause));
        payload.putArray("meterValue").add(sample(connector, session, now, "Transaction.End"));
        return new OutCall("TransactionEvent", payload);
    }

    static String stoppedReason(StopCause cause) {
        return switch (cause) {
            case LOCAL -> "Local";
            case REMOTE -> "Remote";
            case FAULT, UNLOCK -> "Other";
            case REBOOT, SOFT_RESET -> "Reboot";
            case HARD_RESET -> "ImmediateReset";
            case DEAUTHORIZED -> "DeAuthorized";
        };
    }

    @Override
    public OutCall meterValues(Connector connector, Instant now) {
        ObjectNode payload = Frames.object().put("evseId", connector.id());
        payload.putArray("meterValue").add(sample(connector, connector.session(), now, "Trigger"));
        return new OutCall("MeterValues", payload);
    }

    private static ObjectNode event(String type, String trigger, Session session, Instant now) {
        ObjectNode payload = Frames.object().put("eventType", type).put("timestamp", Frames.timestamp(now))
                .put("triggerReason", trigger).put("seqNo", session.nextSeqNo());
        payload.putObject("transactionInfo").put("transactionId", session.transactionId());
        return payload;
    }

    private static ObjectNode sample(Connector connector, Session session, Instant now, String context) {
        ObjectNode meterValue = Frames.object().put("timestamp", Frames.timestamp(now));
        ArrayNode values = meterValue.putArray("sampledValue");
        ObjectNode energy = values.addObject().put("value", connector.registerWh()).put("context", context)
                .put("measurand", "Energy.Active.Import.Register").put("location", "Outlet");
        energy.putObject("unitOfMeasure").put("unit", "Wh");
        ObjectNode power = values.addObject().put("value", Math.round(connector.powerWatts())).put("context", context)
                .put("measurand", "Power.Active.Import").put("location", "Outlet");
        power.putObject("unitOfMeasure").put("unit", "W");
        if (session != null) {
            ObjectNode soc = values.addObject().put("value", session.socPercent()).put("context", context)
                    .put("measurand", "SoC").put("location", "EV");
            soc.putObject("unitOfMeasure").put("unit", "Percent");
        }
        return meterValue;
    }

    @Override
    public Answer handle(String action, ObjectNode p, StationControl station) {
        return switch (action) {
            case "RequestStartTransaction" -> requestStart(p, station);
            case "RequestStopTransaction" -> {
                Connector c = station.connectorOfTransaction(p.path("transactionId").asText());
                yield c == null ? Answer.status("Rejected") : Answer.status("Accepted", () -> station.remoteStop(c));
            }
            case "Reset" -> p.has("evseId") && p.get("evseId").asInt() != 0
                    ? Answer.status("Rejected")
                    : Answer.status("Accepted", () -> station.reset("Immediate".equals(p.path("type").asText())));
            case "UnlockConnector" -> unlock(p, station);
            case "ChangeAvailability" -> {
                int evse = p.path("evse").path("id").asInt(0);
                if (evse != 0 && station.connector(evse) == null) {
                    yield Answer.status("Rejected");
                }
                boolean applied = station.changeAvailability(evse, "Operative".equals(p.path("operationalStatus").asText()));
                yield Answer.status(applied ? "Accepted" : "Scheduled");
            }
            case "TriggerMessage" -> trigger(p, station);
            case "GetVariables" -> getVariables(p, station);
            case "SetVariables" -> setVariables(p, station);
            case "SetChargingProfile" -> {
                int evse = p.path("evseId").asInt();
                if (evse != 0 && station.connector(evse) == null) {
                    yield Answer.status("Rejected");
                }
                Double watts = StationProtocol.limitWatts(p.path("chargingProfile").path("chargingSchedule").path(0));
                yield Answer.status("Accepted", () -> station.capPower(evse, watts));
            }
            case "ClearChargingProfile" -> Answer.status("Accepted", () -> station.capPower(0, null));
            case "DataTransfer" -> Answer.status("UnknownVendorId");
            default -> KNOWN_UNSUPPORTED.contains(action)
                    ? Answer.error("NotSupported", action + " is not supported by this charging station")
                    : Answer.error("NotImplemented", "unknown action " + action);
        };
    }

    private static Answer requestStart(ObjectNode p, StationControl station) {
        Connector target = null;
        if (p.has("evseId")) {
            target = station.connector(p.get("evseId").asInt());
        } else {
            for (int i = 1; i <= station.connectorCount() && target == null; i++) {
                if (station.connector(i).state() == ConnectorState.AVAILABLE) {
                    target = station.connector(i);
                }
            }
        }
        if (target == null || target.state() != ConnectorState.AVAILABLE) {
            return Answer.status("Rejected");
        }
        Connector chosen = target;
        JsonNode token = p.path("idToken");
        int remoteStartId = p.path("remoteStartId").asInt();
        JsonNode schedule = p.path("chargingProfile").path("chargingSchedule").path(0);
        return Answer.status("Accepted", () -> {
            if (!schedule.isMissingNode()) {
                station.capPower(chosen.id(), StationProtocol.limitWatts(schedule));
            }
            station.remoteStart(chosen, token.path("idToken").asText(), token.path("type").asText("Central"),
                    remoteStartId);
        });
    }

    private static Answer unlock(ObjectNode p, StationControl station) {
        Connector c = station.connector(p.path("evseId").asInt());
        if (c == null || p.path("connectorId").asInt() != 1) {
            return Answer.status("UnknownConnector");
        }
        if (c.state() == ConnectorState.CHARGING || c.state() == ConnectorState.PREPARING) {
            return Answer.status("OngoingAuthorizedTransaction");
        }
        return Answer.status("Unlocked", () -> station.unlock(c));
    }

    private static Answer trigger(ObjectNode p, StationControl station) {
        Integer evse = p.has("evse") ? p.get("evse").path("id").asInt() : null;
        if (evse != null && evse != 0 && station.connector(evse) == null) {
            return Answer.status("Rejected");
        }
        String message = p.path("requestedMessage").asText();
        return switch (message) {
            case "BootNotification", "Heartbeat", "StatusNotification", "MeterValues", "TransactionEvent" ->
                    Answer.status("Accepted", () -> station.trigger(message, evse));
            default -> Answer.status("NotImplemented");
        };
    }

    private static Answer getVariables(ObjectNode p, StationControl station) {
        ObjectNode answer = Frames.object();
        ArrayNode results = answer.putArray("getVariableResult");
        for (JsonNode item : p.path("getVariableData")) {
            ObjectNode result = results.addObject();
            String component = item.path("component").path("name").asText();
            String variable = item.path("variable").path("name").asText();
            String value = value(component, variable, station);
            if (value == null) {
                result.put("attributeStatus", knownComponent(component) ? "UnknownVariable" : "UnknownComponent");
            } else {
                result.put("attributeStatus", "Accepted").put("attributeValue", value);
            }
            result.set("component", item.path("component").deepCopy());
            result.set("variable", item.path("variable").deepCopy());
        }
        return Answer.ok(answer);
    }

    private static Answer setVariables(ObjectNode p, StationControl station) {
        ObjectNode answer = Frames.object();
        ArrayNode results = answer.putArray("setVariableResult");
        for (JsonNode item : p.path("setVariableData")) {
            ObjectNode result = results.addObject();
            String component = item.path("component").path("name").asText();
            String variable = item.path("variable").path("name").asText();
            String status;
            if (value(component, variable, station) == null) {
                status = knownComponent(component) ? "UnknownVariable" : "UnknownComponent";
            } else if (!(component + "." + variable).equals("OCPPCommCtrlr.HeartbeatInterval")
                    && !(component + "." + variable).equals("SampledDataCtrlr.TxUpdatedInterval")) {
                status = "Rejected";
            } else {
                status = apply(variable, item.path("attributeValue").asText(), station) ? "Accepted" : "Rejected";
            }
            result.put("attributeStatus", status);
            result.set("component", item.path("component").deepCopy());
            result.set("variable", item.path("variable").deepCopy());
        }
        return Answer.ok(answer);
    }

    private static boolean apply(String variable, String text, StationControl station) {
        try {
            long seconds = Long.parseLong(text.trim());
            if (seconds <= 0) {
                return false;
            }
            if (variable.equals("HeartbeatInterval")) {
                station.heartbeatInterval(Duration.ofSeconds(seconds));
            } else {
                station.meterInterval(Duration.ofSeconds(seconds));
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean knownComponent(String component) {
        return Set.of("OCPPCommCtrlr", "SampledDataCtrlr", "AuthCtrlr", "ChargingStation").contains(component);
    }

    private static String value(String component, String variable, StationControl station) {
        return switch (component + "." + variable) {
            case "OCPPCommCtrlr.HeartbeatInterval" -> Long.toString(station.heartbeatInterval().toSeconds());
            case "SampledDataCtrlr.TxUpdatedInterval" -> Long.toString(station.meterInterval().toSeconds());
            case "AuthCtrlr.AuthorizeRemoteStart" -> "false";
            case "ChargingStation.Model" -> StationProtocol.MODEL;
            default -> null;
        };
    }
}
