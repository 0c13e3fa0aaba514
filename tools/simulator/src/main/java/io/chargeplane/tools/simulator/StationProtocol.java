package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.tools.loadgen.OcppDialect;
import java.time.Duration;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * One OCPP version as a charge point speaks it: the station's CALLs, reading the CSMS's answers, and answering
 * the CSMS's CALLs through {@link StationControl}. Stateless; one instance per version serves every charger.
 */
sealed interface StationProtocol permits Ocpp16Protocol, Ocpp201Protocol {

    /** The answer to a BootNotification: accepted or not, and the interval it names (heartbeat or retry). */
    record BootAnswer(boolean accepted, Duration interval) {
    }

    /** The answer to a transaction start: the CSMS's transaction id (1.6; null in 2.0.1) and the token verdict. */
    record StartAnswer(String transactionId, boolean accepted) {
    }

    static StationProtocol of(OcppDialect version) {
        return switch (version) {
            case OCPP16 -> Ocpp16Protocol.INSTANCE;
            case OCPP201 -> Ocpp201Protocol.INSTANCE;
        };
    }

    OcppDialect version();

    /** The model name put into the BootNotification. */
    String MODEL = "Simulator";

    default String bootFrame(String messageId, String stationId) {
        return version().bootNotification(messageId, stationId, MODEL);
    }

    default BootAnswer bootAnswer(ObjectNode payload) {
        int interval = payload.path("interval").asInt(0);
        return new BootAnswer("Accepted".equals(payload.path("status").asText()),
                Duration.ofSeconds(interval > 0 ? interval : 30));
    }

    /** The status name this version reports for a connector state. */
    String statusName(ConnectorState state);

    OutCall statusNotification(int connector, String statusName, Instant now);

    OutCall authorize(String idTag);

    boolean tokenAccepted(ObjectNode authorizeAnswer);

    /** A transaction id the station makes up itself (2.0.1), or null when the CSMS assigns it (1.6). */
    String stationTransactionId(RandomGenerator random);

    OutCall transactionStarted(Connector connector, Session session, Instant now);

    StartAnswer startAnswer(ObjectNode payload);

    OutCall transactionUpdated(Connector connector, Session session, Instant now);

    OutCall transactionEnded(Connector connector, Session session, StopCause cause, Instant now);

    /** Meter values of a connector outside a transaction (TriggerMessage MeterValues). */
    OutCall meterValues(Connector connector, Instant now);

    /** Answers a CALL from the CSMS; unknown actions get NotImplemented. */
    Answer handle(String action, ObjectNode payload, StationControl station);

    /** The first period's limit of a charging schedule in W (A × 230 V × phases, 3 phases when not given). */
    static Double limitWatts(JsonNode schedule) {
        JsonNode period = schedule.path("chargingSchedulePeriod").path(0);
        if (!period.has("limit")) {
            return null;
        }
        double limit = period.get("limit").asDouble();
        if ("A".equals(schedule.path("chargingRateUnit").asText())) {
            return limit * 230 * period.path("numberPhases").asInt(3);
        }
        return limit;
    }
}
