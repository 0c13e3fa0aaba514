package io.chargeplane.bridge.ocpp.translate;

import static io.chargeplane.bridge.ocpp.translate.TranslationFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.rpc.CallError;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.bridge.ocpp.rpc.RpcErrorKind;
import io.chargeplane.model.command.ChargingLimit;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.command.GetStatus;
import io.chargeplane.model.command.OpenBarrier;
import io.chargeplane.model.command.Reset;
import io.chargeplane.model.command.SetAvailability;
import io.chargeplane.model.command.SetChargingLimit;
import io.chargeplane.model.command.StartCharging;
import io.chargeplane.model.command.StopCharging;
import io.chargeplane.model.command.UnlockConnector;
import io.chargeplane.model.command.UpdateFirmware;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.AvailabilityState;
import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.device.FirmwareState;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.ResetKind;
import io.chargeplane.model.event.AuthorizationRequested;
import io.chargeplane.model.event.BootReason;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.FirmwareStatusChanged;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.MeterContext;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.StopReason;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.unit.Current;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Power;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ocpp16TranslationTest {

    private final TranslationFixture f = new TranslationFixture(OcppVersion.OCPP16);

    @Test
    void bootNotificationBecomesBootedAndIsAcceptedWithTheHeartbeatInterval() {
        Inbound.Reply reply = f.reply("frames/ocpp16/BootNotification.req.json");
        assertEquals(List.of(new Booted("Chargeplane", "AC22-T2", "CP-000123", "1.4.2", BootReason.UNKNOWN)),
                reply.events());
        assertEquals("Accepted", reply.response().get("status").asText());
        assertEquals(300, reply.response().get("interval").intValue());
        assertEquals("2026-11-25T09:31:00Z", reply.response().get("currentTime").asText());
    }

    @Test
    void heartbeatIsAnsweredWithTheTimeAndPublishesNothing() {
        Inbound.Reply reply = f.reply("frames/ocpp16/Heartbeat.req.json");
        assertEquals(List.of(), reply.events());
        assertEquals("2026-11-25T09:31:00Z", reply.response().get("currentTime").asText());
    }

    @Test
    void statusNotificationMapsConnectorToEvseAndKeepsTheVendorError() {
        Inbound.Reply reply = f.reply("frames/ocpp16/StatusNotification.req.json");
        assertEquals(List.of(new ConnectorStatusChanged(EvseId.of(1), ConnectorId.of(1), ConnectorStatus.CHARGING,
                null, "plug locked", Instant.parse("2026-11-25T09:30:00Z"))), reply.events());
    }

    @Test
    void authorizeAsksThePlatformAndAnswersWithItsVerdict() {
        Inbound.Ask ask = assertInstanceOf(Inbound.Ask.class, f.inbound("frames/ocpp16/Authorize.req.json"));
        AuthorizeRequest request = assertInstanceOf(AuthorizeRequest.class, ask.request());
        assertEquals(IdToken.rfid("04A2B3C4D5E6F7"), request.idToken());
        assertNull(ask.whenUnanswered(), "authorize has the offline policy; no silent fallback here");

        Inbound.Reply accepted = f.answer("Authorize", ask, new AuthorizeReply(AuthorizationStatus.ACCEPTED,
                Instant.parse("2026-12-31T00:00:00Z"), "FLEET-7"));
        assertEquals("Accepted", accepted.response().at("/idTagInfo/status").asText());
        assertEquals("FLEET-7", accepted.response().at("/idTagInfo/parentIdTag").asText());
        assertEquals(List.of(new AuthorizationRequested(IdToken.rfid("04A2B3C4D5E6F7"), null, null,
                AuthorizationStatus.ACCEPTED)), accepted.events());

        Inbound.Reply noCredit = f.answer("Authorize", ask, AuthorizeReply.of(AuthorizationStatus.NO_CREDIT));
        assertEquals("Invalid", noCredit.response().at("/idTagInfo/status").asText(), "1.6 has no NoCredit");
    }

    @Test
    void startTransactionAsksForTheIdAndStartsTheTransactionUnderIt() {
        Inbound.Ask ask = assertInstanceOf(Inbound.Ask.class, f.inbound("frames/ocpp16/StartTransaction.req.json"));
        assertEquals(new StartTransactionRequest(EvseId.of(1), ConnectorId.of(1), IdToken.rfid("04A2B3C4D5E6F7"),
                Energy.ofWh(12000), Instant.parse("2026-11-25T09:30:00Z")), ask.request());

        Inbound.Reply reply = f.answer("StartTransaction", ask,
                new StartTransactionReply(4711, AuthorizeReply.of(AuthorizationStatus.ACCEPTED)));
        assertEquals(4711, reply.response().get("transactionId").intValue());
        assertEquals("Accepted", reply.response().at("/idTagInfo/status").asText());
        assertEquals(List.of(new TransactionStarted(TransactionRef.ofDevice("4711"), EvseId.of(1), ConnectorId.of(1),
                IdToken.rfid("04A2B3C4D5E6F7"), Energy.ofMilliwattHours(12_000_000),
                Instant.parse("2026-11-25T09:30:00Z"))), reply.events());
        assertEquals(1, f.memory.size());
    }

    @Test
    void meterValuesConvertDecimalWattHoursExactly() {
        Inbound.Reply reply = f.reply("frames/ocpp16/MeterValues.req.json");
        MeterSample sample = assertInstanceOf(MeterSample.class, reply.events().get(0));
        assertEquals(Energy.ofMilliwattHours(12_345_600), sample.energyRegister());
        assertEquals(Current.ofMilliamperes(16_100), sample.current());
        assertEquals(MeterContext.SAMPLE_PERIODIC, sample.context());
        assertEquals(TransactionRef.ofDevice("4711"), sample.transaction());
        assertEquals(EvseId.of(1), sample.evse());
    }

    @Test
    void meterValuesInKilowattsAndPercentFillPowerAndStateOfCharge() {
        Inbound.Reply reply = f.reply("frames/ocpp16/session/MeterValues.req.json");
        MeterSample sample = assertInstanceOf(MeterSample.class, reply.events().get(0));
        assertEquals(Energy.ofMilliwattHours(15_234_567), sample.energyRegister());
        assertEquals(Power.ofWatts(11_040), sample.power());
        assertEquals(64, sample.socPercent());
        assertEquals(230_400, sample.voltage().millivolts());
    }

    @Test
    void anEnergyRegisterFinerThanOneMilliwattHourIsRefusedNotRounded() {
        Inbound.Refuse refuse = assertInstanceOf(Inbound.Refuse.class,
                f.inbound("frames/ocpp16/session/MeterValues.tooFine.req.json"));
        assertEquals(RpcErrorKind.PROPERTY_CONSTRAINT, refuse.kind());
        assertTrue(refuse.description().contains("$.meterValue[0].sampledValue[0].value"), refuse.description());
    }

    @Test
    void stopTransactionEndsTheRememberedTransactionWithItsStartRegister() {
        Inbound.Ask start = (Inbound.Ask) f.inbound("frames/ocpp16/session/StartTransaction.req.json");
        f.answer("StartTransaction", start, new StartTransactionReply(4711,
                AuthorizeReply.of(AuthorizationStatus.ACCEPTED)));
        Inbound.Reply stop = f.reply("frames/ocpp16/session/StopTransaction.req.json");
        TransactionEnded ended = assertInstanceOf(TransactionEnded.class, stop.events().get(stop.events().size() - 1));
        assertEquals(Energy.ofWh(12000), ended.meterStart());
        assertEquals(Energy.ofWh(19876), ended.meterStop());
        assertEquals(Energy.ofMilliwattHours(7_876_000), ended.energy());
        assertEquals(StopReason.EV_DISCONNECTED, ended.stopReason());
        assertEquals(Instant.parse("2026-11-25T09:30:00Z"), ended.startedAt());
        assertEquals(0, f.memory.size());
    }

    @Test
    void stopTransactionOfAnUnknownTransactionStillEndsItAndSaysTheStartIsEstimated() {
        Inbound.Reply stop = f.reply("frames/ocpp16/StopTransaction.req.json");
        TransactionEnded ended = assertInstanceOf(TransactionEnded.class, stop.events().get(stop.events().size() - 1));
        assertEquals(TransactionRef.ofDevice("4711"), ended.transaction());
        assertEquals(Energy.ofMilliwattHours(12_345_600), ended.meterStart(), "the earliest register reported");
        assertEquals(StopReason.LOCAL, ended.stopReason());
        assertTrue(stop.events().stream().anyMatch(LogEvent.class::isInstance));
    }

    @Test
    void firmwareAndDiagnosticsStatusBecomeCanonicalEvents() {
        assertEquals(List.of(new FirmwareStatusChanged(FirmwareState.INSTALLED, null)),
                f.reply("frames/ocpp16/FirmwareStatusNotification.req.json").events());
        LogEvent log = assertInstanceOf(LogEvent.class,
                f.reply("frames/ocpp16/DiagnosticsStatusNotification.req.json").events().get(0));
        assertEquals("diagnostics", log.category());
    }

    @Test
    void dataTransferIsAnsweredUnknownVendorWithoutPublishing() {
        Inbound.Reply reply = f.reply("frames/ocpp16/DataTransfer.req.json");
        assertEquals(List.of(), reply.events());
        assertEquals("UnknownVendorId", reply.response().get("status").asText());
    }

    @Test
    void startChargingBecomesRemoteStartTransaction() {
        OutboundCall call = f.outbound(command(new StartCharging(EvseId.of(2), null, IdToken.rfid("04A2B3C4"),
                ChargingLimit.ofCurrent(Current.ofMilliamperes(16_050)))), "RemoteStartTransaction");
        assertEquals(2, call.payload().get("connectorId").intValue());
        assertEquals("04A2B3C4", call.payload().get("idTag").asText());
        assertEquals("16.0", call.payload().at("/chargingProfile/chargingSchedule/chargingSchedulePeriod/0/limit")
                .decimalValue().toPlainString(), "a ceiling is rounded down to 0.1 A");
        CommandResult result = f.translator.result(command(new StopCharging(TransactionRef.ofDevice("1"))), call,
                f.goldenResult("frames/ocpp16/RemoteStartTransaction.conf.json"));
        assertEquals(CommandStatus.ACCEPTED, result.status());
    }

    @Test
    void everyChargerCommandBecomesAValidCall() {
        f.outbound(command(new StopCharging(TransactionRef.ofDevice("4711"))), "RemoteStopTransaction");
        f.outbound(command(new GetStatus(EvseId.of(1))), "TriggerMessage");
        f.outbound(command(GetStatus.wholeDevice()), "TriggerMessage");
        assertEquals("Hard", f.outbound(command(new Reset(ResetKind.HARD)), "Reset").payload().get("type").asText());
        f.outbound(command(new UnlockConnector(EvseId.of(1), ConnectorId.of(1))), "UnlockConnector");
        assertEquals(0, f.outbound(command(SetAvailability.wholeStation(AvailabilityState.INOPERATIVE)),
                "ChangeAvailability").payload().get("connectorId").intValue());
        ObjectNode profile = f.outbound(command(new SetChargingLimit(null, ChargingLimit.ofPower(Power.ofWatts(22_000)),
                null)), "SetChargingProfile").payload();
        assertEquals("ChargePointMaxProfile", profile.at("/csChargingProfiles/chargingProfilePurpose").asText());
        f.outbound(command(new UpdateFirmware(URI.create("https://fw.example.org/a.bin"),
                Instant.parse("2026-11-26T02:00:00Z"), 3)), "UpdateFirmware");
    }

    @Test
    void commandsOneSixCannotCarryAreNotTranslated() {
        assertTrue(f.translator.outbound(command(new OpenBarrier())).isEmpty());
        assertTrue(f.translator.outbound(command(new StopCharging(TransactionRef.ofDevice("f6a1-uuid")))).isEmpty());
        assertTrue(f.translator.outbound(command(new UnlockConnector(EvseId.of(1), ConnectorId.of(2)))).isEmpty());
        assertTrue(f.translator.outbound(command(new StartCharging(EvseId.of(1), null,
                IdToken.rfid("A".repeat(21)), null))).isEmpty());
    }

    @Test
    void stationAnswersMapToCanonicalResults() {
        var unlock = command(new UnlockConnector(EvseId.of(1), ConnectorId.of(1)));
        OutboundCall call = f.outbound(unlock, "UnlockConnector");
        assertEquals(CommandStatus.ACCEPTED, f.translator.result(unlock, call,
                f.goldenResult("frames/ocpp16/UnlockConnector.conf.json")).status());
        ObjectNode failed = io.chargeplane.bridge.ocpp.translate.Payloads.object().put("status", "UnlockFailed");
        CommandResult result = f.translator.result(unlock, call, failed);
        assertEquals(CommandStatus.FAILED, result.status());
        assertEquals("ocpp.unlock_failed", result.reasonCode());
        ObjectNode empty = io.chargeplane.bridge.ocpp.translate.Payloads.object();
        var firmware = command(new UpdateFirmware(URI.create("https://fw.example.org/a.bin"), Instant.EPOCH, null));
        assertEquals(CommandStatus.ACCEPTED, f.translator.result(firmware, call, empty).status());
        CommandResult error = f.translator.error(unlock, CallError.of(OcppVersion.OCPP16, "x",
                RpcErrorKind.NOT_IMPLEMENTED, "no"));
        assertEquals(CommandStatus.NOT_SUPPORTED, error.status());
        assertEquals("ocpp.not_implemented", error.reasonCode());
    }
}
