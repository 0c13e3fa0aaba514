package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.schema.PayloadKind;
import io.chargeplane.tools.loadgen.OcppDialect;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The station's answers to the CSMS's calls: each request fixture is valid for the adapter, each answer passes
 * the response schema, and the answer does what the call asked.
 */
class CsmsCallAnswersTest {

    private static Answer answer(OcppDialect dialect, String fixture, UnconnectedStation station) throws IOException {
        String dir = dialect == OcppDialect.OCPP16 ? "ocpp16" : "ocpp201";
        String text;
        try (InputStream in = CsmsCallAnswersTest.class.getResourceAsStream("/frames/" + dir + "/" + fixture + ".req.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ArrayNode frame = Frames.parse(text);
        String action = frame.get(2).asText();
        ObjectNode payload = (ObjectNode) frame.get(3);
        Schemas.assertValid(dialect, action, PayloadKind.REQUEST, payload);
        Answer answer = StationProtocol.of(dialect).handle(action, payload, station);
        if (!answer.isError()) {
            Schemas.assertValid(dialect, action, PayloadKind.RESPONSE, answer.payload());
            answer.then().run();
        }
        return answer;
    }

    @Test
    void remoteStartOf16AcceptsAFreeConnectorCapsItAndStartsTheGivenTag() throws IOException {
        UnconnectedStation station = new UnconnectedStation(2);
        Answer answer = answer(OcppDialect.OCPP16, "RemoteStartTransaction", station);
        assertEquals("Accepted", answer.payload().path("status").asText());
        assertEquals(List.of("cap 2 3680.0", "start 2 DRIVER-0042 ISO14443 null"), station.effects);
    }

    @Test
    void remoteStartOf16IsRejectedWhenTheConnectorIsBusy() throws IOException {
        UnconnectedStation station = new UnconnectedStation(2);
        station.connectors[1].plugIn(new Session("X", "ISO14443", false, null, Instant.now(), 20));
        assertEquals("Rejected", answer(OcppDialect.OCPP16, "RemoteStartTransaction", station).payload()
                .path("status").asText());
        assertTrue(station.effects.isEmpty());
    }

    @Test
    void requestStartOf201PassesTokenTypeAndRemoteStartId() throws IOException {
        UnconnectedStation station = new UnconnectedStation(2);
        assertEquals("Accepted", answer(OcppDialect.OCPP201, "RequestStartTransaction", station).payload()
                .path("status").asText());
        assertEquals(List.of("start 2 DRIVER-0042 Central 77"), station.effects);
    }

    @Test
    void stopOfAnUnknownTransactionIsRejectedInBothVersions() throws IOException {
        assertEquals("Rejected", answer(OcppDialect.OCPP16, "RemoteStopTransaction", new UnconnectedStation(1))
                .payload().path("status").asText());
        assertEquals("Rejected", answer(OcppDialect.OCPP201, "RequestStopTransaction", new UnconnectedStation(1))
                .payload().path("status").asText());
    }

    @Test
    void remoteStopOfARunningTransactionIsAcceptedAndStopsIt() throws IOException {
        UnconnectedStation station = new UnconnectedStation(1);
        Session session = new Session("X", "ISO14443", false, null, Instant.now().plusSeconds(60), 20);
        session.transactionId("9001");
        station.connectors[0].plugIn(session);
        station.connectors[0].startCharging(Instant.now());
        assertEquals("Accepted", answer(OcppDialect.OCPP16, "RemoteStopTransaction", station).payload()
                .path("status").asText());
        assertEquals(List.of("stop 1"), station.effects);
    }

    @Test
    void resetIsAcceptedThenReboots() throws IOException {
        UnconnectedStation soft = new UnconnectedStation(1);
        answer(OcppDialect.OCPP16, "Reset", soft);
        assertEquals(List.of("reset soft"), soft.effects);
        UnconnectedStation immediate = new UnconnectedStation(1);
        answer(OcppDialect.OCPP201, "Reset", immediate);
        assertEquals(List.of("reset hard"), immediate.effects);
    }

    @Test
    void unlockAnswersUnlockedForAKnownConnector() throws IOException {
        assertEquals("Unlocked", answer(OcppDialect.OCPP16, "UnlockConnector", new UnconnectedStation(1)).payload()
                .path("status").asText());
        assertEquals("Unlocked", answer(OcppDialect.OCPP201, "UnlockConnector", new UnconnectedStation(1)).payload()
                .path("status").asText());
    }

    @Test
    void changeAvailabilityIsScheduledWhileASessionRuns() throws IOException {
        UnconnectedStation idle = new UnconnectedStation(2);
        assertEquals("Accepted", answer(OcppDialect.OCPP16, "ChangeAvailability", idle).payload().path("status").asText());
        assertEquals(ConnectorState.UNAVAILABLE, idle.connectors[0].state());
        UnconnectedStation busy = new UnconnectedStation(1);
        busy.connectors[0].plugIn(new Session("X", "ISO14443", false, null, Instant.now(), 20));
        assertEquals("Scheduled", answer(OcppDialect.OCPP201, "ChangeAvailability", busy).payload().path("status").asText());
        assertEquals(ConnectorState.PREPARING, busy.connectors[0].state());
    }

    @Test
    void triggerMessageIsAcceptedAndSendsTheMessage() throws IOException {
        UnconnectedStation v16 = new UnconnectedStation(1);
        assertEquals("Accepted", answer(OcppDialect.OCPP16, "TriggerMessage", v16).payload().path("status").asText());
        assertEquals(List.of("trigger StatusNotification 1"), v16.effects);
        UnconnectedStation v201 = new UnconnectedStation(1);
        assertEquals("Accepted", answer(OcppDialect.OCPP201, "TriggerMessage", v201).payload().path("status").asText());
        assertEquals(List.of("trigger MeterValues 1"), v201.effects);
    }

    @Test
    void getConfigurationListsKnownKeysAndNamesUnknownOnes() throws IOException {
        ObjectNode conf = answer(OcppDialect.OCPP16, "GetConfiguration", new UnconnectedStation(1)).payload();
        assertEquals("300", conf.path("configurationKey").path(0).path("value").asText());
        assertEquals("10", conf.path("configurationKey").path(1).path("value").asText());
        assertEquals("NoSuchKey", conf.path("unknownKey").path(0).asText());
    }

    @Test
    void changeConfigurationOfTheMeterIntervalTakesEffect() throws IOException {
        UnconnectedStation station = new UnconnectedStation(1);
        assertEquals("Accepted", answer(OcppDialect.OCPP16, "ChangeConfiguration", station).payload().path("status").asText());
        assertEquals(Duration.ofSeconds(15), station.meterInterval());
    }

    @Test
    void getVariablesAnswersEachVariableWithItsOwnStatus() throws IOException {
        ObjectNode result = answer(OcppDialect.OCPP201, "GetVariables", new UnconnectedStation(1)).payload();
        ArrayNode items = (ArrayNode) result.get("getVariableResult");
        assertEquals("Accepted", items.get(0).path("attributeStatus").asText());
        assertEquals("300", items.get(0).path("attributeValue").asText());
        assertEquals("UnknownVariable", items.get(1).path("attributeStatus").asText());
        assertEquals("UnknownComponent", items.get(2).path("attributeStatus").asText());
    }

    @Test
    void setVariablesChangesTheTxUpdatedIntervalAndRefusesReadOnlyOnes() throws IOException {
        UnconnectedStation station = new UnconnectedStation(1);
        ArrayNode items = (ArrayNode) answer(OcppDialect.OCPP201, "SetVariables", station).payload().get("setVariableResult");
        assertEquals("Accepted", items.get(0).path("attributeStatus").asText());
        assertEquals("Rejected", items.get(1).path("attributeStatus").asText());
        assertEquals(Duration.ofSeconds(20), station.meterInterval());
    }

    @Test
    void setChargingProfileCapsThePowerInWattsInBothVersions() throws IOException {
        UnconnectedStation v16 = new UnconnectedStation(2);
        assertEquals("Accepted", answer(OcppDialect.OCPP16, "SetChargingProfile", v16).payload().path("status").asText());
        assertEquals(List.of("cap 0 3700.0"), v16.effects);
        UnconnectedStation v201 = new UnconnectedStation(2);
        assertEquals("Accepted", answer(OcppDialect.OCPP201, "SetChargingProfile", v201).payload().path("status").asText());
        assertEquals(List.of("cap 1 6900.0"), v201.effects);
    }

    @Test
    void actionsTheStationDoesNotActOnGetNotSupportedAndUnknownOnesNotImplemented() throws IOException {
        assertEquals("NotSupported", answer(OcppDialect.OCPP16, "ClearCache", new UnconnectedStation(1)).errorCode());
        assertEquals("NotSupported", answer(OcppDialect.OCPP201, "GetBaseReport", new UnconnectedStation(1)).errorCode());
        Answer unknown = StationProtocol.of(OcppDialect.OCPP201).handle("FlyToTheMoon", Frames.object(),
                new UnconnectedStation(1));
        assertEquals("NotImplemented", unknown.errorCode());
        assertFalse(unknown.errorDescription().isEmpty());
    }
}
