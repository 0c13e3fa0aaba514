package io.chargeplane.model;

import io.chargeplane.model.command.ChargingLimit;
import io.chargeplane.model.command.CloseBarrier;
import io.chargeplane.model.command.CommandRequest;
import io.chargeplane.model.command.CommandResult;
import io.chargeplane.model.command.CommandStatus;
import io.chargeplane.model.command.DeviceCommand;
import io.chargeplane.model.command.GetStatus;
import io.chargeplane.model.command.LowerLock;
import io.chargeplane.model.command.OpenBarrier;
import io.chargeplane.model.command.RaiseLock;
import io.chargeplane.model.command.Reset;
import io.chargeplane.model.command.SetAvailability;
import io.chargeplane.model.command.SetChargingLimit;
import io.chargeplane.model.command.StartCharging;
import io.chargeplane.model.command.StopCharging;
import io.chargeplane.model.command.TariffRate;
import io.chargeplane.model.command.TariffSlot;
import io.chargeplane.model.command.UnlockConnector;
import io.chargeplane.model.command.UpdateFirmware;
import io.chargeplane.model.command.UpdateTariff;
import io.chargeplane.model.device.AuthorizationStatus;
import io.chargeplane.model.device.AvailabilityState;
import io.chargeplane.model.device.BarrierPosition;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.device.ConnectorStatus;
import io.chargeplane.model.device.FirmwareState;
import io.chargeplane.model.device.IdToken;
import io.chargeplane.model.device.IdTokenType;
import io.chargeplane.model.device.LockPosition;
import io.chargeplane.model.device.Protocol;
import io.chargeplane.model.device.ResetKind;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.AuthorizationRequested;
import io.chargeplane.model.event.BarrierStateChanged;
import io.chargeplane.model.event.BootReason;
import io.chargeplane.model.event.Booted;
import io.chargeplane.model.event.Connected;
import io.chargeplane.model.event.ConnectorStatusChanged;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.Direction;
import io.chargeplane.model.event.DisconnectReason;
import io.chargeplane.model.event.Disconnected;
import io.chargeplane.model.event.Fault;
import io.chargeplane.model.event.FirmwareStatusChanged;
import io.chargeplane.model.event.LockStateChanged;
import io.chargeplane.model.event.LogEvent;
import io.chargeplane.model.event.MeterContext;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.RateBucket;
import io.chargeplane.model.event.Severity;
import io.chargeplane.model.event.StopReason;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionUpdated;
import io.chargeplane.model.event.VehicleDetected;
import io.chargeplane.model.id.AdapterInstanceId;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EventId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.request.AuthorizeReply;
import io.chargeplane.model.request.AuthorizeRequest;
import io.chargeplane.model.request.DeviceReply;
import io.chargeplane.model.request.DeviceRequest;
import io.chargeplane.model.request.StartTransactionReply;
import io.chargeplane.model.request.StartTransactionRequest;
import io.chargeplane.model.unit.Current;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import io.chargeplane.model.unit.Power;
import io.chargeplane.model.unit.Voltage;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/** Test-data builders: one realistic instance of every canonical record, and envelopes around them. */
public final class Fixtures {

    public static final TenantId TENANT = TenantId.of("acme-energy");
    public static final DeviceId DEVICE = DeviceId.of("CP-0042");
    public static final Instant T0 = Instant.parse("2026-11-25T08:00:00Z");
    public static final Currency CNY = Currency.getInstance("CNY");
    public static final CorrelationId CORRELATION = CorrelationId.of("corr-7f3a");

    private Fixtures() {
    }

    public static TransactionRef aTransactionRef() {
        return new TransactionRef("TX-20261125-0001", "sess-01J2");
    }

    public static IdToken anRfidToken() {
        return IdToken.rfid("04A2B3C4D5E6F7");
    }

    public static MeterSample aMeterSample() {
        return new MeterSample(EvseId.of(1), ConnectorId.of(1), aTransactionRef(), T0.plusSeconds(60),
                Energy.ofKwh(new BigDecimal("1234.5678")), Power.ofWatts(7_360), Current.ofMilliamperes(32_000),
                Voltage.ofMillivolts(230_100), 57, MeterContext.SAMPLE_PERIODIC);
    }

    public static TransactionEnded aTransactionEnded() {
        Energy start = Energy.ofKwh(new BigDecimal("1200.0000"));
        List<RateBucket> buckets = List.of(
                new RateBucket("sharp", Energy.ofKwh(new BigDecimal("1.2345")), Money.ofMinor(148, CNY)),
                new RateBucket("peak", Energy.ofKwh(new BigDecimal("10.0001")), Money.ofMinor(1_100, CNY)),
                new RateBucket("flat", Energy.ofKwh(new BigDecimal("3.5")), Money.ofMinor(280, CNY)),
                RateBucket.of("valley", Energy.ZERO));
        Energy stop = start.plus(Energy.ofKwh(new BigDecimal("14.7346")));
        return new TransactionEnded(aTransactionRef(), EvseId.of(1), ConnectorId.of(1), anRfidToken(), start, stop,
                T0, T0.plusSeconds(3_600), StopReason.EV_DISCONNECTED, buckets, Money.ofMinor(1_528, CNY));
    }

    public static List<DeviceEvent> allEvents() {
        return List.of(
                new Connected("203.0.113.7:51234", Protocol.OCPP_1_6),
                new Disconnected(DisconnectReason.TIMEOUT, "no heartbeat for 900 s"),
                new Booted("Acme", "AC22-X", "SN-99812", "2.4.1", BootReason.POWER_UP),
                new ConnectorStatusChanged(EvseId.of(1), ConnectorId.of(2), ConnectorStatus.FAULTED,
                        "GroundFailure", "residual current 31 mA", T0),
                aMeterSample(),
                new TransactionStarted(aTransactionRef(), EvseId.of(1), ConnectorId.of(1), anRfidToken(),
                        Energy.ofKwh(new BigDecimal("1200")), T0),
                new TransactionUpdated(aTransactionRef(), T0.plusSeconds(300), Energy.ofWh(1_201_500), Power.ofWatts(7_000),
                        61, Money.ofMinor(130, CNY)),
                aTransactionEnded(),
                new AuthorizationRequested(anRfidToken(), EvseId.of(1), null, AuthorizationStatus.ACCEPTED),
                new VehicleDetected("京A·12345", Direction.ENTRY, 97, "snapshots/2026/11/25/lane1-0800.jpg", T0),
                new BarrierStateChanged(BarrierPosition.OPENING, "command"),
                new LockStateChanged(LockPosition.RAISED, Boolean.FALSE),
                new Fault("OverTemperature", Severity.ERROR, "inlet temperature 91 C", EvseId.of(1), null),
                new FirmwareStatusChanged(FirmwareState.DOWNLOADING, 17),
                new LogEvent(Severity.INFO, "diagnostics uploaded", "diagnostics"));
    }

    public static UpdateTariff aTariff() {
        return new UpdateTariff("tariff-2026-winter", CNY, ZoneId.of("Asia/Shanghai"),
                List.of(new TariffRate("sharp", new BigDecimal("1.20000"), new BigDecimal("0.4")),
                        new TariffRate("peak", new BigDecimal("1.0"), new BigDecimal("0.4")),
                        new TariffRate("flat", new BigDecimal("0.65432"), null),
                        new TariffRate("valley", new BigDecimal("0.3"), new BigDecimal("0.2"))),
                List.of(new TariffSlot(LocalTime.MIDNIGHT, "valley"),
                        new TariffSlot(LocalTime.of(8, 0), "flat"),
                        new TariffSlot(LocalTime.of(10, 0), "peak"),
                        new TariffSlot(LocalTime.of(18, 0), "sharp"),
                        new TariffSlot(LocalTime.of(21, 30), "flat")));
    }

    public static List<DeviceCommand> allCommands() {
        return List.of(
                new StartCharging(EvseId.of(1), ConnectorId.of(1), anRfidToken(), ChargingLimit.ofPower(Power.ofWatts(11_000))),
                new StopCharging(aTransactionRef()),
                new GetStatus(EvseId.of(2)),
                new Reset(ResetKind.SOFT),
                new UnlockConnector(EvseId.of(1), ConnectorId.of(2)),
                SetAvailability.wholeStation(AvailabilityState.INOPERATIVE),
                new SetChargingLimit(EvseId.of(1), ChargingLimit.ofCurrent(Current.ofMilliamperes(16_000)), T0.plusSeconds(900)),
                aTariff(),
                new UpdateFirmware(URI.create("https://firmware.example.com/ac22/2.5.0.bin"), T0, 3),
                new OpenBarrier(),
                new CloseBarrier(),
                new RaiseLock(),
                new LowerLock());
    }

    public static CommandRequest aCommandRequest(DeviceCommand command) {
        return new CommandRequest(IdempotencyKey.of("idem-" + command.capability().wireName()), CORRELATION, T0,
                T0.plusSeconds(30), command);
    }

    public static CommandResult aCommandResult() {
        return new CommandResult(CORRELATION, Capability.START_CHARGING, CommandStatus.REJECTED, "connector_occupied",
                Map.of("deviceStatus", "Occupied"));
    }

    public static List<DeviceRequest> allRequests() {
        return List.of(new AuthorizeRequest(anRfidToken(), EvseId.of(1), ConnectorId.of(1)),
                new StartTransactionRequest(EvseId.of(1), ConnectorId.of(1), anRfidToken(),
                        Energy.ofWh(1_200_000), T0));
    }

    public static List<DeviceReply> allReplies() {
        AuthorizeReply accepted = new AuthorizeReply(AuthorizationStatus.ACCEPTED, T0.plusSeconds(86_400), "fleet-7");
        return List.of(accepted, new StartTransactionReply(4_711, accepted));
    }

    /** Every payload family, with commands wrapped in their request as they travel. */
    public static List<CanonicalPayload> allPayloads() {
        List<CanonicalPayload> payloads = new ArrayList<>(allEvents());
        allCommands().forEach(command -> payloads.add(aCommandRequest(command)));
        payloads.add(aCommandResult());
        payloads.add(CommandResult.accepted(CORRELATION, Capability.OPEN_BARRIER));
        payloads.addAll(allRequests());
        payloads.addAll(allReplies());
        return payloads;
    }

    public static <T extends CanonicalPayload> CanonicalEvent<T> anEnvelope(T data) {
        return CanonicalEvent.builder(TENANT, DEVICE, data)
                .id(EventId.of("evt-0001"))
                .time(T0)
                .protocol(Protocol.OCPP_2_0_1)
                .adapter(AdapterInstanceId.of("bridge-ocpp-7d9f-1"))
                .build();
    }
}
