package io.chargeplane.bridge.ocpp.server;

import static io.chargeplane.bridge.ocpp.server.StationClient.errorCode;
import static io.chargeplane.bridge.ocpp.server.StationClient.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.model.command.ChargingLimit;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.command.GetStatus;
import io.chargeplane.model.command.Reset;
import io.chargeplane.model.command.SetChargingLimit;
import io.chargeplane.model.command.StartCharging;
import io.chargeplane.model.command.StopCharging;
import io.chargeplane.model.command.UnlockConnector;
import io.chargeplane.model.command.UpdateFirmware;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.device.FirmwareState;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.ResetKind;
import io.chargeplane.model.event.AuthorizationRequested;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.FirmwareStatusChanged;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.StopReason;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionUpdated;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Power;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** OCPP 1.6J against the running adapter and a real broker; names follow the 1.6 conformance test cases. */
@QuarkusTest
@QuarkusTestResource(OcppBridgeResource.class)
class Ocpp16ConformanceIT extends AdapterHarness {

    private static final String V16 = "ocpp1.6";

    @Test
    void tc_001_coldBootChargePoint() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        assertEquals(V16, cp.subprotocol());
        assertEquals(io.chargeplane.model.device.Protocol.OCPP_1_6,
                platform.awaitEvent(Connected.class, WAIT).protocol());

        JsonNode boot = cp.call("BootNotification", "{\"chargePointVendor\":\"Chargeplane\",\"chargePointModel\":\"AC22\"}");
        assertEquals("Accepted", payload(boot).get("status").asText());
        assertTrue(payload(boot).get("interval").asInt() > 0);
        Booted booted = platform.awaitEvent(Booted.class, WAIT);
        assertEquals("AC22", booted.model());

        cp.call("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
        assertEquals(ConnectorStatus.AVAILABLE, platform.awaitEvent(ConnectorStatusChanged.class, WAIT).status());
        JsonNode heartbeat = cp.call("Heartbeat", "{}");
        Instant serverTime = Instant.parse(payload(heartbeat).get("currentTime").asText());
        assertTrue(Duration.between(serverTime, Instant.now()).abs().toSeconds() < 5);
    }

    @Test
    void tc_004_regularChargingSessionIdentificationFirst() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        platform.answerRequests(AdapterHarness::acceptAll);
        StationClient cp = connect(station, V16);

        JsonNode authorize = cp.call("Authorize", "{\"idTag\":\"CARD-1\"}");
        assertEquals("Accepted", payload(authorize).at("/idTagInfo/status").asText());
        assertEquals(AuthorizationStatus.ACCEPTED, platform.awaitEvent(AuthorizationRequested.class, WAIT).outcome());

        JsonNode start = cp.call("StartTransaction", "{\"connectorId\":1,\"idTag\":\"CARD-1\",\"meterStart\":1000,"
                + "\"timestamp\":\"2026-11-25T09:30:00Z\"}");
        int transactionId = payload(start).get("transactionId").asInt();
        TransactionStarted started = platform.awaitEvent(TransactionStarted.class, WAIT);
        assertEquals(TransactionRef.ofDevice(Integer.toString(transactionId)), started.transaction());
        assertEquals(Energy.ofWh(1000), started.meterStart());

        cp.call("MeterValues", "{\"connectorId\":1,\"transactionId\":" + transactionId + ",\"meterValue\":[{"
                + "\"timestamp\":\"2026-11-25T09:45:00Z\",\"sampledValue\":[{\"value\":\"2500.125\"},"
                + "{\"value\":\"7.4\",\"measurand\":\"Power.Active.Import\",\"unit\":\"kW\"}]}]}");
        MeterSample sample = platform.awaitEvent(MeterSample.class, WAIT);
        assertEquals(Energy.ofMilliwattHours(2_500_125), sample.energyRegister());
        assertEquals(Power.ofWatts(7400), sample.power());
        platform.awaitEvent(TransactionUpdated.class, WAIT);

        JsonNode stop = cp.call("StopTransaction", "{\"transactionId\":" + transactionId + ",\"meterStop\":4000,"
                + "\"timestamp\":\"2026-11-25T10:30:00Z\",\"reason\":\"EVDisconnected\"}");
        assertEquals(3, stop.get(0).asInt());
        TransactionEnded ended = platform.awaitEvent(TransactionEnded.class, WAIT);
        assertEquals(Energy.ofWh(3000), ended.energy());
        assertEquals(StopReason.EV_DISCONNECTED, ended.stopReason());
        assertEquals(EvseId.of(1), ended.evse());
    }

    @Test
    void tc_023_authorizeInvalidIdTag() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        platform.answerRequests(request -> AuthorizeReply.of(AuthorizationStatus.INVALID));
        StationClient cp = connect(station, V16);
        JsonNode authorize = cp.call("Authorize", "{\"idTag\":\"STOLEN\"}");
        assertEquals("Invalid", payload(authorize).at("/idTagInfo/status").asText());
        assertEquals(AuthorizationStatus.INVALID, platform.awaitEvent(AuthorizationRequested.class, WAIT).outcome());
    }

    @Test
    void authorizeWithoutAnAnswerFollowsTheOfflinePolicy() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        platform.answerRequests(request -> AuthorizeReply.of(AuthorizationStatus.ACCEPTED));
        assertEquals("Accepted", payload(cp.call("Authorize", "{\"idTag\":\"KNOWN-1\"}")).at("/idTagInfo/status").asText());

        platform.answerRequests(request -> null);
        assertEquals("Accepted", payload(cp.call("Authorize", "{\"idTag\":\"KNOWN-1\"}")).at("/idTagInfo/status")
                .asText(), "accept-known: seen accepted recently");
        assertEquals("Invalid", payload(cp.call("Authorize", "{\"idTag\":\"NEVER-SEEN\"}")).at("/idTagInfo/status")
                .asText(), "unknown offline, which 1.6 can only say as Invalid");
    }

    @Test
    void startTransactionWithoutAnAnswerIsRefusedSoTheStationRetries() {
        String station = nextStation();
        probe(station);
        StationClient cp = connect(station, V16);
        JsonNode start = cp.call("StartTransaction", "{\"connectorId\":1,\"idTag\":\"CARD-1\",\"meterStart\":0,"
                + "\"timestamp\":\"2026-11-25T09:30:00Z\"}");
        assertEquals("InternalError", errorCode(start));
    }

    @Test
    void tc_011_remoteStartAndTc_012_remoteStopFromCanonicalCommands() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        platform.awaitEvent(Connected.class, WAIT);

        CommandRequest start = platform.command(new StartCharging(EvseId.of(1), null, IdToken.rfid("APP-7"), null));
        JsonNode remoteStart = cp.awaitCall("RemoteStartTransaction", WAIT);
        assertEquals("APP-7", payload(remoteStart).get("idTag").asText());
        cp.answer(remoteStart, "{\"status\":\"Accepted\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(start, WAIT).status());

        CommandRequest stop = platform.command(new StopCharging(TransactionRef.ofDevice("77")));
        JsonNode remoteStop = cp.awaitCall("RemoteStopTransaction", WAIT);
        assertEquals(77, payload(remoteStop).get("transactionId").asInt());
        cp.answer(remoteStop, "{\"status\":\"Rejected\"}");
        var result = platform.awaitResult(stop, WAIT);
        assertEquals(CommandStatus.REJECTED, result.status());
        assertEquals("ocpp.rejected", result.reasonCode());
    }

    @Test
    void tc_013_hardResetAndTc_017_unlockConnector() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        platform.awaitEvent(Connected.class, WAIT);

        CommandRequest reset = platform.command(new Reset(ResetKind.HARD));
        JsonNode call = cp.awaitCall("Reset", WAIT);
        assertEquals("Hard", payload(call).get("type").asText());
        cp.answer(call, "{\"status\":\"Accepted\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(reset, WAIT).status());

        CommandRequest unlock = platform.command(new UnlockConnector(EvseId.of(1), ConnectorId.of(1)));
        JsonNode unlockCall = cp.awaitCall("UnlockConnector", WAIT);
        cp.answer(unlockCall, "{\"status\":\"UnlockFailed\"}");
        assertEquals(CommandStatus.FAILED, platform.awaitResult(unlock, WAIT).status());
    }

    @Test
    void tc_054_triggerMessageStatusNotification() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        platform.awaitEvent(Connected.class, WAIT);
        CommandRequest status = platform.command(new GetStatus(EvseId.of(1)));
        JsonNode trigger = cp.awaitCall("TriggerMessage", WAIT);
        assertEquals("StatusNotification", payload(trigger).get("requestedMessage").asText());
        cp.answer(trigger, "{\"status\":\"Accepted\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(status, WAIT).status());
        cp.call("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Preparing\"}");
        assertEquals(ConnectorStatus.PREPARING, platform.awaitEvent(ConnectorStatusChanged.class, WAIT).status());
    }

    @Test
    void tc_046_reservationIsReportedAsReservedConnector() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        cp.call("StatusNotification", "{\"connectorId\":2,\"errorCode\":\"NoError\",\"status\":\"Reserved\"}");
        ConnectorStatusChanged reserved = platform.awaitEvent(ConnectorStatusChanged.class, WAIT);
        assertEquals(ConnectorStatus.RESERVED, reserved.status());
        assertEquals(EvseId.of(2), reserved.evse());
    }

    @Test
    void tc_056_chargingProfileFromAChargingLimit() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        platform.awaitEvent(Connected.class, WAIT);
        CommandRequest limit = platform.command(new SetChargingLimit(EvseId.of(1),
                ChargingLimit.ofPower(Power.ofWatts(7400)), null));
        JsonNode call = cp.awaitCall("SetChargingProfile", WAIT);
        assertEquals("TxDefaultProfile", payload(call).at("/csChargingProfiles/chargingProfilePurpose").asText());
        assertEquals(7400, payload(call).at("/csChargingProfiles/chargingSchedule/chargingSchedulePeriod/0/limit")
                .asInt());
        cp.answer(call, "{\"status\":\"Accepted\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(limit, WAIT).status());
    }

    @Test
    void tc_044_firmwareUpdateAndItsStatus() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        platform.awaitEvent(Connected.class, WAIT);
        CommandRequest update = platform.command(new UpdateFirmware(URI.create("https://fw.example.org/1.5.bin"),
                Instant.parse("2026-11-25T12:00:00Z"), 2));
        JsonNode call = cp.awaitCall("UpdateFirmware", WAIT);
        assertEquals("https://fw.example.org/1.5.bin", payload(call).get("location").asText());
        cp.answer(call, "{}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(update, WAIT).status());
        cp.call("FirmwareStatusNotification", "{\"status\":\"Downloading\"}");
        cp.call("FirmwareStatusNotification", "{\"status\":\"Installed\"}");
        assertEquals(FirmwareState.DOWNLOADING, platform.awaitEvent(FirmwareStatusChanged.class, WAIT).state());
        assertEquals(FirmwareState.INSTALLED, platform.awaitEvent(FirmwareStatusChanged.class, WAIT).state());
    }

    @Test
    void aStationThatNeverAnswersTimesTheCommandOutAndTheNextOneStillGoesThrough() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cp = connect(station, V16);
        platform.awaitEvent(Connected.class, WAIT);
        CommandRequest first = platform.command(new Reset(ResetKind.SOFT));
        CommandRequest second = platform.command(new Reset(ResetKind.HARD));
        JsonNode ignored = cp.awaitCall("Reset", WAIT);
        assertEquals("Soft", payload(ignored).get("type").asText(), "one CALL at a time, in order");
        assertEquals(CommandStatus.TIMEOUT, platform.awaitResult(first, WAIT).status());
        JsonNode next = cp.awaitCall("Reset", WAIT);
        assertEquals("Hard", payload(next).get("type").asText());
        cp.answer(next, "{\"status\":\"Accepted\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(second, WAIT).status());
    }
}
