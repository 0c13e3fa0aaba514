package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.tools.loadgen.OcppDialect;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** OCPP 1.6J: connectors 1..n, the CSMS assigns transaction ids, configuration keys. */
final class Ocpp16Protocol implements StationProtocol {

    static final Ocpp16Protocol INSTANCE = new Ocpp16Protocol();

    /** Actions 1.6 defines that the simulator does not act on: NotSupported rather than NotImplemented. */
    private static final Set<String> KNOWN_UNSUPPORTED = Set.of("ClearCache", "GetDiagnostics", "UpdateFirmware",
            "GetLocalListVersion", "SendLocalList", "ReserveNow", "CancelReservation", "GetCompositeSchedule");

    private Ocpp16Protocol() {
    }

    @Override
    public OcppDialect version() {
        return OcppDialect.OCPP16;
    }

    @Override
    public String statusName(ConnectorState state) {
        return switch (state) {
            case AVAILABLE -> "Available";
            case PREPARING -> "Preparing";
            case CHARGING -> "Charging";
            case FINISHING -> "Finishing";
            case UNAVAILABLE -> "Unavailable";
            case FAULTED -> "Faulted";
        };
    }

    @Override
    public OutCall statusNotification(int connector, String statusName, Instant now) {
        return new OutCall("StatusNotification", Frames.object().put("connectorId", connector)
                .put("errorCode", "Faulted".equals(statusName) ? "OtherError" : "NoError")
                .put("status", statusName).put("timestamp", Frames.timestamp(now)));
    }

    @Override
    public OutCall authorize(String idTag) {
        return new OutCall("Authorize", Frames.object().put("idTag", idTag));
    }

    @Override
    public boolean tokenAccepted(ObjectNode answer) {
        return "Accepted".equals(answer.path("idTagInfo").path("status").asText());
    }

    @Override
    public String stationTransactionId(RandomGenerator random) {
        return null;
    }

    @Override
    public OutCall transactionStarted(Connector connector, Session session, Instant now) {
        return new OutCall("StartTransaction", Frames.object().put("connectorId", connector.id())
                .put("idTag", session.idTag()).put("meterStart", connector.registerWh())
                .put("timestamp", Frames.timestamp(now)));
    }

    @Override
    public StartAnswer startAnswer(ObjectNode payload) {
        JsonNode id = payload.get("transactionId");
        return new StartAnswer(id == null ? null : id.asText(),
                "Accepted".equals(payload.path("idTagInfo").path("status").asText()));
    }

    @Override
    public OutCall transactionUpdated(Connector connector, Session session, Instant now) {
        ObjectNode payload = Frames.object().put("connectorId", connector.id());
        payload.put("transactionId", Integer.parseInt(session.transactionId()));
        payload.putArray("meterValue").add(sample(connector, session, now, "Sample.Periodic"));
        return new OutCall("MeterValues", payload);
    }

    @Override
    public OutCall transactionEnded(Connector connector, Session session, StopCause cause, Instant now) {
        ObjectNode payload = Frames.object().put("idTag", session.idTag()).put("meterStop", connector.registerWh())
                .put("timestamp", Frames.timestamp(now))
                .put("transactionId", Integer.parseInt(session.transactionId()))
                .put("reason", reason(cause));
        payload.putArray("transactionData").add(sample(connector, session, now, "Transaction.End"));
        return new OutCall("StopTransaction", payload);
    }

    @Override
    public OutCall meterValues(Connector connector, Instant now) {
        ObjectNode payload = Frames.object().put("connectorId", connector.id());
        payload.putArray("meterValue").add(sample(connector, connector.session(), now, "Trigger"));
        return new OutCall("MeterValues", payload);
    }

    static String reason(StopCause cause) {
        return switch (cause) {
            case LOCAL -> "Local";
            case REMOTE -> "Remote";
            case FAULT -> "Other";
            case REBOOT -> "Reboot";
            case HARD_RESET -> "HardReset";
            case SOFT_RESET -> "SoftReset";
            case UNLOCK -> "UnlockCommand";
            case DEAUTHORIZED -> "DeAuthorized";
        };
    }

    private static ObjectNode sample(Connector connector, Session session, Instant now, String context) {
        ObjectNode meterValue = Frames.object().put("timestamp", Frames.timestamp(now));
        ArrayNode values = meterValue.putArray("sampledValue");
        values.addObject().put("value", Long.toString(connector.registerWh())).put("context", context)
                .put("measurand", "Energy.Active.Import.Register").put("location", "Outlet").put("unit", "Wh");
        values.addObject().put("value", Long.toString(Math.round(connector.powerWatts()))).put("context", context)
                .put("measurand", "Power.Active.Import").put("location", "Outlet").put("unit", "W");
        if (session != null) {
            values.addObject().put("value", Integer.toString(session.socPercent())).put("context", context)
                    .put("measurand", "SoC").put("location", "EV").put("unit", "Percent");
        }
        return meterValue;
    }

    @Override
    public Answer handle(String action, ObjectNode p, StationControl station) {
        return switch (action) {
            case "RemoteStartTransaction" -> remoteStart(p, station);
            case "RemoteStopTransaction" -> {
                Connector c = station.connectorOfTransaction(p.path("transactionId").asText());
                yield c == null ? Answer.status("Rejected") : Answer.status("Accepted", () -> station.remoteStop(c));
            }
            case "Reset" -> Answer.status("Accepted", () -> station.reset("Hard".equals(p.path("type").asText())));
            case "UnlockConnector" -> {
                Connector c = station.connector(p.path("connectorId").asInt());
                yield c == null ? Answer.status("NotSupported") : Answer.status("Unlocked", () -> station.unlock(c));
            }
            case "ChangeAvailability" -> changeAvailability(p, station);
            case "TriggerMessage" -> trigger(p, station);
            case "GetConfiguration" -> getConfiguration(p, station);
            case "ChangeConfiguration" -> changeConfiguration(p, station);
            case "SetChargingProfile" -> {
                int connector = p.path("connectorId").asInt();
                if (connector != 0 && station.connector(connector) == null) {
                    yield Answer.status("Rejected");
                }
                Double watts = StationProtocol.limitWatts(p.path("csChargingProfiles").path("chargingSchedule"));
                yield Answer.status("Accepted", () -> station.capPower(connector, watts));
            }
            case "ClearChargingProfile" -> Answer.status("Accepted", () -> station.capPower(0, null));
            case "DataTransfer" -> Answer.status("UnknownVendorId");
            default -> KNOWN_UNSUPPORTED.contains(action)
                    ? Answer.error("NotSupported", action + " is not supported by this charge point")
                    : Answer.error("NotImplemented", "unknown action " + action);
        };
    }

    private static Answer remoteStart(ObjectNode p, StationControl station) {
        String idTag = p.path("idTag").asText();
        Connector target = null;
        if (p.has("connectorId")) {
            target = station.connector(p.get("connectorId").asInt());
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
        JsonNode profile = p.path("chargingProfile").path("chargingSchedule");
        return Answer.status("Accepted", () -> {
            if (!profile.isMissingNode()) {
                station.capPower(chosen.id(), StationProtocol.limitWatts(profile));
            }
            station.remoteStart(chosen, idTag, "ISO14443", null);
        });
    }

    private static Answer changeAvailability(ObjectNode p, StationControl station) {
        int connector = p.path("connectorId").asInt();
        if (connector != 0 && station.connector(connector) == null) {
            return Answer.status("Rejected");
        }
        boolean applied = station.changeAvailability(connector, "Operative".equals(p.path("type").asText()));
        return Answer.status(applied ? "Accepted" : "Scheduled");
    }

    private static Answer trigger(ObjectNode p, StationControl station) {
        Integer connector = p.has("connectorId") ? p.get("connectorId").asInt() : null;
        if (connector != null && connector != 0 && station.connector(connector) == null) {
            return Answer.status("Rejected");
        }
        String message = p.path("requestedMessage").asText();
        if (!List.of("BootNotification", "Heartbeat", "StatusNotification", "MeterValues").contains(message)) {
            return Answer.status("NotImplemented");
        }
        return Answer.status("Accepted", () -> station.trigger(message, connector));
    }

    private static Answer getConfiguration(ObjectNode p, StationControl station) {
        ObjectNode answer = Frames.object();
        ArrayNode known = answer.putArray("configurationKey");
        ArrayNode unknown = Frames.NODES.arrayNode();
        List<String> keys = p.has("key") && p.get("key").size() > 0
                ? p.get("key").valueStream().map(JsonNode::asText).toList()
                : List.of("HeartbeatInterval", "MeterValueSampleInterval", "NumberOfConnectors",
                        "AuthorizeRemoteTxRequests", "MeterValuesSampledData");
        for (String key : keys) {
            String value = switch (key) {
                case "HeartbeatInterval" -> Long.toString(station.heartbeatInterval().toSeconds());
                case "MeterValueSampleInterval" -> Long.toString(station.meterInterval().toSeconds());
                case "NumberOfConnectors" -> Integer.toString(station.connectorCount());
                case "AuthorizeRemoteTxRequests" -> "false";
                case "MeterValuesSampledData" -> "Energy.Active.Import.Register,Power.Active.Import,SoC";
                default -> null;
            };
            if (value == null) {
                unknown.add(key);
            } else {
                boolean readonly = !key.equals("HeartbeatInterval") && !key.equals("MeterValueSampleInterval");
                known.addObject().put("key", key).put("readonly", readonly).put("value", value);
            }
        }
        if (!unknown.isEmpty()) {
            answer.set("unknownKey", unknown);
        }
        return Answer.ok(answer);
    }

    private static Answer changeConfiguration(ObjectNode p, StationControl station) {
        String key = p.path("key").asText();
        String value = p.path("value").asText();
        return switch (key) {
            case "HeartbeatInterval", "MeterValueSampleInterval" -> {
                long seconds;
                try {
                    seconds = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    yield Answer.status("Rejected");
                }
                if (seconds <= 0) {
                    yield Answer.status("Rejected");
                }
                if (key.equals("HeartbeatInterval")) {
                    station.heartbeatInterval(Duration.ofSeconds(seconds));
                } else {
                    station.meterInterval(Duration.ofSeconds(seconds));
                }
                yield Answer.status("Accepted");
            }
            case "NumberOfConnectors", "AuthorizeRemoteTxRequests", "MeterValuesSampledData" -> Answer.status("Rejected");
            default -> Answer.status("NotSupported");
        };
    }
}
