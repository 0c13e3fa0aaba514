package io.chargeplane.bridge.ocpp.server;

import static io.chargeplane.bridge.ocpp.server.StationClient.payload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.chargeplane.model.command.ChargingLimit;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
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
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.device.ResetKind;
import io.chargeplane.model.event.AuthorizationRequested;
import io.chargeplane.model.event.BootReason;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.FirmwareStatusChanged;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionUpdated;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.unit.Current;
import io.chargeplane.model.unit.Energy;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** OCPP 2.0.1 against the running adapter and a real broker; names carry the 2.0.1 use case ids. */
@QuarkusTest
@QuarkusTestResource(OcppBridgeResource.class)
class Ocpp201ConformanceIT extends AdapterHarness {

    private static final String V201 = "ocpp2.0.1";

    @Test
    void b01_coldBootChargingStation_g01_statusNotification_g02_heartbeat() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cs = connect(station, V201);
        assertEquals(Protocol.OCPP_2_0_1, platform.awaitEvent(Connected.class, WAIT).protocol());
        JsonNode boot = cs.call("BootNotification", "{\"reason\":\"PowerUp\",\"chargingStation\":{\"model\":\"DC150\","
                + "\"vendorName\":\"Chargeplane\"}}");
        assertEquals("Accepted", payload(boot).get("status").asText());
        assertEquals(BootReason.POWER_UP, platform.awaitEvent(Booted.class, WAIT).reason());
        cs.call("StatusNotification", "{\"timestamp\":\"2026-11-25T09:30:00Z\",\"connectorStatus\":\"Occupied\","
                + "\"evseId\":1,\"connectorId\":1}");
        ConnectorStatusChanged occupied = platform.awaitEvent(ConnectorStatusChanged.class, WAIT);
        assertEquals(ConnectorStatus.OCCUPIED, occupied.status());
        assertEquals(ConnectorId.of(1), occupied.connector());
        assertEquals(3, cs.call("Heartbeat", "{}").get(0).asInt());
    }

    @Test
    void c01_authorizeAcceptedAndInvalid() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        platform.answerRequests(request -> AuthorizeReply.of(AuthorizationStatus.ACCEPTED));
        StationClient cs = connect(station, V201);
        assertEquals("Accepted", payload(cs.call("Authorize", "{\"idToken\":{\"idToken\":\"CARD-1\",\"type\":\"ISO14443\"}}"))
                .at("/idTokenInfo/status").asText());
        platform.answerRequests(request -> AuthorizeReply.of(AuthorizationStatus.INVALID));
        assertEquals("Invalid", payload(cs.call("Authorize", "{\"idToken\":{\"idToken\":\"CARD-2\",\"type\":\"ISO14443\"}}"))
                .at("/idTokenInfo/status").asText());
        platform.answerRequests(request -> null);
        assertEquals("Unknown", payload(cs.call("Authorize", "{\"idToken\":{\"idToken\":\"CARD-3\",\"type\":\"ISO14443\"}}"))
                .at("/idTokenInfo/status").asText(), "offline policy: never seen, so unknown");
        assertEquals(IdToken.rfid("CARD-1"), platform.awaitEvent(AuthorizationRequested.class, WAIT).idToken());
    }

    @Test
    void e01_to_e06_transactionWithMeterValuesFromStartToEnd() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        platform.answerRequests(AdapterHarness::acceptAll);
        StationClient cs = connect(station, V201);
        String tx = "tx-" + station;
        JsonNode started = cs.call("TransactionEvent", "{\"eventType\":\"Started\",\"timestamp\":\"2026-11-25T09:30:00Z\","
                + "\"triggerReason\":\"Authorized\",\"seqNo\":0,\"transactionInfo\":{\"transactionId\":\"" + tx + "\"},"
                + "\"idToken\":{\"idToken\":\"CARD-1\",\"type\":\"ISO14443\"},\"evse\":{\"id\":1,\"connectorId\":1},"
                + "\"meterValue\":[{\"timestamp\":\"2026-11-25T09:30:00Z\",\"sampledValue\":[{\"value\":1.5,"
                + "\"context\":\"Transaction.Begin\",\"unitOfMeasure\":{\"unit\":\"kWh\"}}]}]}");
        assertEquals("Accepted", payload(started).at("/idTokenInfo/status").asText());
        TransactionStarted start = platform.awaitEvent(TransactionStarted.class, WAIT);
        assertEquals(TransactionRef.ofDevice(tx), start.transaction());
        assertEquals(Energy.ofWh(1500), start.meterStart());

        cs.call("TransactionEvent", "{\"eventType\":\"Updated\",\"timestamp\":\"2026-11-25T09:45:00Z\","
                + "\"triggerReason\":\"MeterValuePeriodic\",\"seqNo\":1,\"transactionInfo\":{\"transactionId\":\"" + tx
                + "\"},\"meterValue\":[{\"timestamp\":\"2026-11-25T09:45:00Z\",\"sampledValue\":[{\"value\":3.25,"
                + "\"unitOfMeasure\":{\"unit\":\"kWh\"}},{\"value\":16,\"measurand\":\"Current.Import\"}]}]}");
        MeterSample sample = platform.awaitEvent(MeterSample.class, s -> s.energyRegister().equals(Energy.ofWh(3250)),
                WAIT);
        assertEquals(Current.ofMilliamperes(16_000), sample.current());
        assertEquals(Energy.ofWh(3250), platform.awaitEvent(TransactionUpdated.class, WAIT).energyRegister());

        cs.call("MeterValues", "{\"evseId\":1,\"meterValue\":[{\"timestamp\":\"2026-11-25T09:50:00Z\","
                + "\"sampledValue\":[{\"value\":3400}]}]}");
        platform.awaitEvent(MeterSample.class, s -> s.energyRegister().equals(Energy.ofWh(3400)), WAIT);

        cs.call("TransactionEvent", "{\"eventType\":\"Ended\",\"timestamp\":\"2026-11-25T10:30:00Z\","
                + "\"triggerReason\":\"StopAuthorized\",\"seqNo\":2,\"transactionInfo\":{\"transactionId\":\"" + tx
                + "\",\"stoppedReason\":\"Local\"},\"meterValue\":[{\"timestamp\":\"2026-11-25T10:30:00Z\","
                + "\"sampledValue\":[{\"value\":4.000,\"context\":\"Transaction.End\",\"unitOfMeasure\":{\"unit\":\"kWh\"}}]}]}");
        TransactionEnded ended = platform.awaitEvent(TransactionEnded.class, WAIT);
        assertEquals(Energy.ofWh(2500), ended.energy());
        assertEquals(EvseId.of(1), ended.evse());
        platform.assertNoEvent(LogEvent.class, java.time.Duration.ofMillis(300));
    }

    @Test
    void f01_remoteStart_f03_remoteStop() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cs = connect(station, V201);
        platform.awaitEvent(Connected.class, WAIT);
        CommandRequest start = platform.command(new StartCharging(EvseId.of(1), null, IdToken.rfid("CARD-9"), null));
        JsonNode request = cs.awaitCall("RequestStartTransaction", WAIT);
        assertEquals("ISO14443", payload(request).at("/idToken/type").asText());
        cs.answer(request, "{\"status\":\"Accepted\",\"transactionId\":\"tx-remote\"}");
        CommandResult started = platform.awaitResult(start, WAIT);
        assertEquals(CommandStatus.ACCEPTED, started.status());
        assertEquals("tx-remote", started.detail().get("transactionId"));

        CommandRequest stop = platform.command(new StopCharging(TransactionRef.ofDevice("tx-remote")));
        JsonNode stopCall = cs.awaitCall("RequestStopTransaction", WAIT);
        assertEquals("tx-remote", payload(stopCall).get("transactionId").asText());
        cs.answer(stopCall, "{\"status\":\"Accepted\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(stop, WAIT).status());
    }

    @Test
    void b11_reset_f05_unlockConnector_f06_triggerMessage() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cs = connect(station, V201);
        platform.awaitEvent(Connected.class, WAIT);
        CommandRequest reset = platform.command(new Reset(ResetKind.SOFT));
        JsonNode resetCall = cs.awaitCall("Reset", WAIT);
        assertEquals("OnIdle", payload(resetCall).get("type").asText());
        cs.answer(resetCall, "{\"status\":\"Scheduled\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(reset, WAIT).status());

        CommandRequest unlock = platform.command(new UnlockConnector(EvseId.of(1), ConnectorId.of(1)));
        JsonNode unlockCall = cs.awaitCall("UnlockConnector", WAIT);
        cs.answer(unlockCall, "{\"status\":\"Unlocked\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(unlock, WAIT).status());

        CommandRequest status = platform.command(GetStatus.wholeDevice());
        JsonNode trigger = cs.awaitCall("TriggerMessage", WAIT);
        cs.answer(trigger, "{\"status\":\"NotImplemented\"}");
        assertEquals(CommandStatus.NOT_SUPPORTED, platform.awaitResult(status, WAIT).status());
    }

    @Test
    void h01_reservationStatusIsReportedAndAnswered() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cs = connect(station, V201);
        assertEquals(3, cs.call("ReservationStatusUpdate", "{\"reservationId\":7,\"reservationUpdateStatus\":\"Expired\"}")
                .get(0).asInt());
        assertEquals("reservation", platform.awaitEvent(LogEvent.class, WAIT).category());
        cs.call("StatusNotification", "{\"timestamp\":\"2026-11-25T09:30:00Z\",\"connectorStatus\":\"Reserved\","
                + "\"evseId\":1,\"connectorId\":1}");
        assertEquals(ConnectorStatus.RESERVED, platform.awaitEvent(ConnectorStatusChanged.class, WAIT).status());
    }

    @Test
    void k01_setChargingProfile_l01_firmwareUpdate() {
        String station = nextStation();
        PlatformProbe platform = probe(station);
        StationClient cs = connect(station, V201);
        platform.awaitEvent(Connected.class, WAIT);
        CommandRequest limit = platform.command(new SetChargingLimit(null,
                ChargingLimit.ofCurrent(Current.ofMilliamperes(32_000)), null));
        JsonNode profile = cs.awaitCall("SetChargingProfile", WAIT);
        assertEquals(0, payload(profile).get("evseId").asInt());
        assertEquals("ChargingStationMaxProfile", payload(profile).at("/chargingProfile/chargingProfilePurpose").asText());
        cs.answer(profile, "{\"status\":\"Accepted\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(limit, WAIT).status());

        CommandRequest update = platform.command(new UpdateFirmware(URI.create("https://fw.example.org/2.1.bin"),
                Instant.parse("2026-11-25T12:00:00Z"), null));
        JsonNode call = cs.awaitCall("UpdateFirmware", WAIT);
        int requestId = payload(call).get("requestId").asInt();
        cs.answer(call, "{\"status\":\"Accepted\"}");
        assertEquals(CommandStatus.ACCEPTED, platform.awaitResult(update, WAIT).status());
        cs.call("FirmwareStatusNotification", "{\"status\":\"Installed\",\"requestId\":" + requestId + "}");
        FirmwareStatusChanged installed = platform.awaitEvent(FirmwareStatusChanged.class, WAIT);
        assertEquals(FirmwareState.INSTALLED, installed.state());
        assertEquals(requestId, installed.requestId());
        assertFalse(cs.call("Heartbeat", "{}").isNull());
    }
}
