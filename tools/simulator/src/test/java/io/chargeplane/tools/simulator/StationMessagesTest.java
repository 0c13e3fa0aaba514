package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.tools.loadgen.OcppDialect;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every CALL a simulated station sends passes the bridge's schemas, in both versions. */
class StationMessagesTest {

    private static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");

    @ParameterizedTest
    @EnumSource(OcppDialect.class)
    void bootNotificationNamesTheSimulatorAndIsValid(OcppDialect dialect) {
        StationProtocol protocol = StationProtocol.of(dialect);
        String frame = protocol.bootFrame("b1", "SIM-0001");
        assertEquals("BootNotification", Schemas.assertValidCall(dialect, frame).action());
        assertEquals(true, frame.contains("\"Simulator\""));
    }

    @ParameterizedTest
    @EnumSource(OcppDialect.class)
    void statusNotificationsOfEveryConnectorStateAreValid(OcppDialect dialect) {
        StationProtocol protocol = StationProtocol.of(dialect);
        for (ConnectorState state : ConnectorState.values()) {
            Schemas.assertValidCall(dialect, protocol.statusNotification(2, protocol.statusName(state), T0));
        }
    }

    @ParameterizedTest
    @EnumSource(OcppDialect.class)
    void aWholeSessionIsToldInValidMessagesForEveryStopCause(OcppDialect dialect) {
        StationProtocol protocol = StationProtocol.of(dialect);
        Schemas.assertValidCall(dialect, protocol.authorize("SIM-TAG-0001"));
        for (StopCause cause : StopCause.values()) {
            Connector connector = new Connector(1, 11_000, 5_000_000);
            Session session = new Session("SIM-TAG-0001", "ISO14443", cause == StopCause.REMOTE,
                    cause == StopCause.REMOTE ? 77 : null, T0.plusSeconds(600), 30);
            connector.plugIn(session);
            String own = protocol.stationTransactionId(new SplittableRandom(1));
            session.transactionId(own == null ? "4711" : own);
            Schemas.assertValidCall(dialect, protocol.transactionStarted(connector, session, T0));
            connector.startCharging(T0);
            connector.advance(T0.plusSeconds(60));
            Schemas.assertValidCall(dialect, protocol.transactionUpdated(connector, session, T0.plusSeconds(60)));
            Schemas.assertValidCall(dialect, protocol.meterValues(connector, T0.plusSeconds(60)));
            connector.finish(T0.plusSeconds(120));
            Schemas.assertValidCall(dialect, protocol.transactionEnded(connector, session, cause, T0.plusSeconds(120)));
        }
    }

    @ParameterizedTest
    @EnumSource(OcppDialect.class)
    void meterValuesCarryTheRegisterInWholeWhWithPowerAndSoc(OcppDialect dialect) {
        StationProtocol protocol = StationProtocol.of(dialect);
        Connector connector = new Connector(1, 7_200, 1_000_000);
        Session session = new Session("SIM-TAG-0001", "ISO14443", false, null, T0.plusSeconds(3600), 40);
        session.transactionId("4711");
        connector.plugIn(session);
        connector.startCharging(T0);
        connector.advance(T0.plusSeconds(600)); // 7.2 kW for 10 min = 1,200 Wh
        ObjectNode payload = protocol.transactionUpdated(connector, session, T0.plusSeconds(600)).payload();
        var sampled = payload.path("meterValue").path(0).path("sampledValue");
        assertEquals("2200", sampled.path(0).path("value").asText());
        assertEquals("Energy.Active.Import.Register", sampled.path(0).path("measurand").asText());
        assertEquals("7200", sampled.path(1).path("value").asText());
        assertEquals("Power.Active.Import", sampled.path(1).path("measurand").asText());
        assertEquals("SoC", sampled.path(2).path("measurand").asText());
        assertEquals("42", sampled.path(2).path("value").asText());
    }

    @ParameterizedTest
    @EnumSource(OcppDialect.class)
    void transactionEventsOf201CountTheirSequenceNumbersFromZero(OcppDialect dialect) {
        if (dialect != OcppDialect.OCPP201) {
            return;
        }
        StationProtocol protocol = StationProtocol.of(dialect);
        Connector connector = new Connector(1, 11_000, 0);
        Session session = new Session("T", "ISO14443", false, null, T0.plusSeconds(600), 30);
        session.transactionId("tx-1");
        connector.plugIn(session);
        assertEquals(0, protocol.transactionStarted(connector, session, T0).payload().path("seqNo").asInt());
        connector.startCharging(T0);
        assertEquals(1, protocol.transactionUpdated(connector, session, T0).payload().path("seqNo").asInt());
        connector.finish(T0.plusSeconds(1));
        ObjectNode ended = protocol.transactionEnded(connector, session, StopCause.REMOTE, T0.plusSeconds(1)).payload();
        assertEquals(2, ended.path("seqNo").asInt());
        assertEquals("Remote", ended.path("transactionInfo").path("stoppedReason").asText());
        assertEquals("RemoteStop", ended.path("triggerReason").asText());
    }
}
