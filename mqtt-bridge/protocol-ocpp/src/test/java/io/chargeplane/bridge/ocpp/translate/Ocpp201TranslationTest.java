package io.chargeplane.bridge.ocpp.translate;

import static io.chargeplane.bridge.ocpp.translate.TranslationFixture.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chargeplane.bridge.ocpp.rpc.OcppVersion;
import io.chargeplane.model.command.ChargingLimit;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.command.GetStatus;
import io.chargeplane.model.command.Reset;
import io.chargeplane.model.command.SetAvailability;
import io.chargeplane.model.command.SetChargingLimit;
import io.chargeplane.model.command.StartCharging;
import io.chargeplane.model.command.StopCharging;
import io.chargeplane.model.command.UnlockConnector;
import io.chargeplane.model.command.UpdateFirmware;
import io.chargeplane.model.command.UpdateTariff;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.AvailabilityState;
import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.device.FirmwareState;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.device.ResetKind;
import io.chargeplane.model.event.AuthorizationRequested;
import io.chargeplane.model.event.BootReason;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.Fault;
import io.chargeplane.model.event.FirmwareStatusChanged;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.unit.Current;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Power;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ocpp201TranslationTest {

    private final TranslationFixture f = new TranslationFixture(OcppVersion.OCPP201);

    @Test
    void bootNotificationBecomesBootedWithItsReason() {
        Inbound.Reply reply = f.reply("frames/ocpp201/BootNotification.req.json");
        assertEquals(List.of(new Booted("Chargeplane", "DC150", "CS-0001", "2.0.1-r7", BootReason.POWER_UP)),
                reply.events());
        assertEquals(300, reply.response().get("interval").intValue());
    }

    @Test
    void heartbeatIsAnsweredWithTheTime() {
        assertEquals("2026-11-25T09:31:00Z",
                f.reply("frames/ocpp201/Heartbeat.req.json").response().get("currentTime").asText());
    }

    @Test
    void occupiedStaysOccupied() {
        assertEquals(List.of(new ConnectorStatusChanged(EvseId.of(1), ConnectorId.of(1), ConnectorStatus.OCCUPIED,
                null, null, Instant.parse("2026-11-25T09:30:00Z"))),
                f.reply("frames/ocpp201/StatusNotification.req.json").events());
    }

    @Test
    void authorizeMapsTokenTypesAndAnswersWithIdTokenInfo() {
        Inbound.Ask ask = assertInstanceOf(Inbound.Ask.class, f.inbound("frames/ocpp201/Authorize.req.json"));
        IdToken emaid = IdToken.of("DE*CPL*C12345*6", IdTokenType.EMAID);
        assertEquals(AuthorizeRequest.of(emaid), ask.request());
        Inbound.Reply reply = f.answer("Authorize", ask, new AuthorizeReply(AuthorizationStatus.NO_CREDIT, null, "G1"));
        assertEquals("NoCredit", reply.response().at("/idTokenInfo/status").asText());
        assertEquals("G1", reply.response().at("/idTokenInfo/groupIdToken/idToken").asText());
        assertEquals(List.of(new AuthorizationRequested(emaid, null, null, AuthorizationStatus.NO_CREDIT)),
                reply.events());
    }

    @Test
    void transactionEventStartedAsksForAVerdictAndStillPublishesWithoutOne() {
        Inbound.Ask ask = assertInstanceOf(Inbound.Ask.class, f.inbound("frames/ocpp201/TransactionEvent.req.json"));
        assertEquals(new AuthorizeRequest(IdToken.rfid("04A2B3C4D5E6F7"), EvseId.of(1), ConnectorId.of(1)),
                ask.request());
        Inbound.Reply accepted = f.answer("TransactionEvent", ask, AuthorizeReply.of(AuthorizationStatus.ACCEPTED));
        assertEquals("Accepted", accepted.response().at("/idTokenInfo/status").asText());
        TransactionStarted started = assertInstanceOf(TransactionStarted.class, accepted.events().get(0));
        assertEquals(TransactionRef.ofDevice("f6a1c5d2-9e0b-4c1e-a7a3-5d2c0e1b9f00"), started.transaction());
        assertEquals(Energy.ZERO, started.meterStart());
        assertNotNull(ask.whenUnanswered());
        Inbound.Reply unanswered = ask.whenUnanswered().get();
        f.assertValidResponse("TransactionEvent", unanswered.response());
        assertEquals(accepted.events(), unanswered.events());
    }

    @Test
    void meterValuesApplyTheUnitMultiplierExactly() {
        Inbound.Reply reply = f.reply("frames/ocpp201/MeterValues.req.json");
        MeterSample sample = assertInstanceOf(MeterSample.class, reply.events().get(0));
        assertEquals(Energy.ofMilliwattHours(12_345_678_000L), sample.energyRegister(), "12345.678 kWh");
        assertEquals(Current.ofMilliamperes(16_100), sample.current());
        MeterSample scaled = assertInstanceOf(MeterSample.class,
                f.reply("frames/ocpp201/session/MeterValues.multiplier.req.json").events().get(0));
        assertEquals(Energy.ofMilliwattHours(15_234_567), scaled.energyRegister(), "152.34567 × 10² Wh");
    }

    @Test
    void firmwareSecurityAndReservationReportsBecomeEvents() {
        assertEquals(List.of(new FirmwareStatusChanged(FirmwareState.DOWNLOADING, 9)),
                f.reply("frames/ocpp201/FirmwareStatusNotification.req.json").events());
        Fault fault = assertInstanceOf(Fault.class,
                f.reply("frames/ocpp201/SecurityEventNotification.req.json").events().get(0));
        assertEquals("StartupOfTheDevice", fault.code());
        LogEvent log = assertInstanceOf(LogEvent.class,
                f.reply("frames/ocpp201/ReservationStatusUpdate.req.json").events().get(0));
        assertEquals("reservation 7: Expired", log.message());
    }

    @Test
    void reportsAndDataTransferAreAnsweredAtTheAdapter() {
        assertEquals(List.of(), f.reply("frames/ocpp201/NotifyReport.req.json").events());
        assertEquals("UnknownVendorId",
                f.reply("frames/ocpp201/DataTransfer.req.json").response().get("status").asText());
    }

    @Test
    void startChargingBecomesRequestStartTransactionWithAStableRemoteStartId() {
        var start = command(new StartCharging(EvseId.of(1), null, IdToken.of("app-7", IdTokenType.APP),
                ChargingLimit.ofPower(Power.ofWatts(11_000))));
        OutboundCall call = f.outbound(start, "RequestStartTransaction");
        assertEquals("Central", call.payload().at("/idToken/type").asText());
        assertEquals(call.payload().get("remoteStartId"), f.outbound(start, "RequestStartTransaction").payload()
                .get("remoteStartId"));
        CommandResult result = f.translator.result(start, call,
                f.goldenResult("frames/ocpp201/RequestStartTransaction.res.json"));
        assertEquals(CommandStatus.ACCEPTED, result.status());
        assertEquals("f6a1c5d2-9e0b-4c1e-a7a3-5d2c0e1b9f00", result.detail().get("transactionId"));
    }

    @Test
    void everyChargerCommandBecomesAValidCall() {
        f.outbound(command(new StopCharging(TransactionRef.ofDevice("f6a1c5d2"))), "RequestStopTransaction");
        f.outbound(command(new GetStatus(EvseId.of(1))), "TriggerMessage");
        assertEquals("Immediate", f.outbound(command(new Reset(ResetKind.HARD)), "Reset").payload().get("type")
                .asText());
        assertEquals("OnIdle", f.outbound(command(new Reset(ResetKind.SOFT)), "Reset").payload().get("type")
                .asText());
        f.outbound(command(new UnlockConnector(EvseId.of(1), ConnectorId.of(2))), "UnlockConnector");
        f.outbound(command(new SetAvailability(EvseId.of(2), AvailabilityState.OPERATIVE)), "ChangeAvailability");
        ObjectNode profile = f.outbound(command(new SetChargingLimit(EvseId.of(1),
                ChargingLimit.ofCurrent(Current.ofMilliamperes(10_000)), Instant.parse("2026-11-26T00:00:00Z"))),
                "SetChargingProfile").payload();
        assertEquals("TxDefaultProfile", profile.at("/chargingProfile/chargingProfilePurpose").asText());
        assertEquals("A", profile.at("/chargingProfile/chargingSchedule/0/chargingRateUnit").asText());
        f.outbound(command(new UpdateFirmware(URI.create("https://fw.example.org/a.bin"),
                Instant.parse("2026-11-26T02:00:00Z"), null)), "UpdateFirmware");
    }

    @Test
    void stationAnswersMapToCanonicalResults() {
        var reset = command(new Reset(ResetKind.SOFT));
        OutboundCall call = f.outbound(reset, "Reset");
        CommandResult scheduled = f.translator.result(reset, call, f.goldenResult("frames/ocpp201/Reset.res.json"));
        assertEquals(CommandStatus.ACCEPTED, scheduled.status());
        assertEquals("Scheduled", scheduled.detail().get("status"));
        var unlock = command(new UnlockConnector(EvseId.of(1), ConnectorId.of(1)));
        CommandResult ongoing = f.translator.result(unlock, call,
                Payloads.object().put("status", "OngoingAuthorizedTransaction"));
        assertEquals(CommandStatus.REJECTED, ongoing.status());
        assertEquals("ocpp.ongoing_authorized_transaction", ongoing.reasonCode());
    }

    @Test
    void tariffsAreNotACommandThisVersionCarries() {
        assertTrue(f.translator.outbound(command(new UpdateTariff("t", java.util.Currency.getInstance("EUR"),
                java.time.ZoneOffset.UTC, List.of(new io.chargeplane.model.command.TariffRate("flat",
                        java.math.BigDecimal.ONE, null)), List.of(new io.chargeplane.model.command.TariffSlot(
                        java.time.LocalTime.MIDNIGHT, "flat"))))).isEmpty());
    }
}
