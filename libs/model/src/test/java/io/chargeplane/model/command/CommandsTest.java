package io.chargeplane.model.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.Fixtures;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.device.AvailabilityState;
import io.chargeplane.model.device.Capability;
import io.chargeplane.model.id.CorrelationId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.IdempotencyKey;
import io.chargeplane.model.unit.Current;
import io.chargeplane.model.unit.Power;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandsTest {

    @Test
    void everyCapabilityHasOneCommandRecord() {
        assertEquals(Set.of(Capability.values()), DeviceCommands.all().keySet());
        assertEquals(Set.of(DeviceCommand.class.getPermittedSubclasses()), Set.copyOf(DeviceCommands.all().values()));
    }

    @Test
    void chargingLimitIsEitherPowerOrCurrent() {
        assertEquals("exactly one of power or current must be set", assertThrows(ModelValidationException.class,
                () -> new ChargingLimit(Power.ofWatts(1), Current.ofMilliamperes(1))).getMessage());
        assertThrows(ModelValidationException.class, () -> new ChargingLimit(null, null));
        assertEquals("power: must be >= 0", assertThrows(ModelValidationException.class,
                () -> ChargingLimit.ofPower(Power.ofWatts(-1))).getMessage());
    }

    @Test
    void setAvailabilitySpellsWholeStationAsNoEvse() {
        assertTrue(SetAvailability.wholeStation(AvailabilityState.OPERATIVE).appliesToWholeStation());
        assertFalse(new SetAvailability(EvseId.of(2), AvailabilityState.OPERATIVE).appliesToWholeStation());
    }

    @Test
    void commandRequestNeedsADeadlineAfterIssue() {
        ModelValidationException e = assertThrows(ModelValidationException.class,
                () -> new CommandRequest(IdempotencyKey.of("k"), Fixtures.CORRELATION, Fixtures.T0, Fixtures.T0,
                        new Reset(io.chargeplane.model.device.ResetKind.HARD)));

        assertEquals("deadline: must be after issuedAt", e.getMessage());
    }

    @Test
    void commandRequestExpiresAtItsDeadline() {
        CommandRequest request = Fixtures.aCommandRequest(new OpenBarrier());

        assertFalse(request.expiredAt(Fixtures.T0.plusSeconds(29)));
        assertTrue(request.expiredAt(Fixtures.T0.plusSeconds(30)));
        assertEquals(Capability.OPEN_BARRIER, request.capability());
    }

    @Test
    void resultReasonCodesAreStableMachineTokens() {
        assertThrows(ModelValidationException.class, () -> CommandResult.of(CorrelationId.of("c"),
                Capability.RESET, CommandStatus.REJECTED, "Connector Occupied!"));
        assertEquals("ocpp.rejected", CommandResult.of(CorrelationId.of("c"), Capability.RESET,
                CommandStatus.REJECTED, "ocpp.rejected").reasonCode());
    }

    @Test
    void resultDetailIsCopiedAndRefusesNullValues() {
        Map<String, String> detail = new HashMap<>();
        detail.put("status", "Rejected");
        CommandResult result = new CommandResult(CorrelationId.of("c"), Capability.RESET, CommandStatus.REJECTED,
                null, detail);
        detail.put("later", "x");

        assertEquals(Map.of("status", "Rejected"), result.detail());
        detail.put("bad", null);
        assertEquals("detail.bad: is required", assertThrows(ModelValidationException.class,
                () -> new CommandResult(CorrelationId.of("c"), Capability.RESET, CommandStatus.FAILED, null, detail))
                .getMessage());
    }

    @Test
    void firmwareLocationMustBeAbsolute() {
        assertEquals("location: must be an absolute URI", assertThrows(ModelValidationException.class,
                () -> new UpdateFirmware(URI.create("fw/2.5.bin"), Fixtures.T0, null)).getMessage());
    }

    @Test
    void tariffAnswersTheRateAtAnyTimeOfDay() {
        UpdateTariff tariff = Fixtures.aTariff();

        assertEquals("valley", tariff.rateAt(LocalTime.of(3, 0)));
        assertEquals("flat", tariff.rateAt(LocalTime.of(8, 0)));
        assertEquals("sharp", tariff.rateAt(LocalTime.of(21, 29, 59)));
        assertEquals("flat", tariff.rateAt(LocalTime.of(23, 59)));
    }

    @Test
    void tariffScheduleMustStartAtMidnightAndIncrease() {
        List<TariffRate> rates = List.of(new TariffRate("flat", BigDecimal.ONE, null));
        ZoneId zone = ZoneId.of("Asia/Shanghai");

        assertEquals("schedule[0].start: must be 00:00", assertThrows(ModelValidationException.class,
                () -> new UpdateTariff("t", Fixtures.CNY, zone, rates,
                        List.of(new TariffSlot(LocalTime.of(1, 0), "flat")))).getMessage());
        assertEquals("schedule[1].start: must be after the previous slot's start",
                assertThrows(ModelValidationException.class, () -> new UpdateTariff("t", Fixtures.CNY, zone, rates,
                        List.of(new TariffSlot(LocalTime.MIDNIGHT, "flat"), new TariffSlot(LocalTime.MIDNIGHT, "flat"))))
                        .getMessage());
        assertEquals("rates[1].name: is defined twice", assertThrows(ModelValidationException.class,
                () -> new UpdateTariff("t", Fixtures.CNY, zone, List.of(rates.get(0), rates.get(0)),
                        List.of(new TariffSlot(LocalTime.MIDNIGHT, "flat")))).getMessage());
    }

    @Test
    void tariffPricesAreNormalisedAndBounded() {
        assertEquals(new TariffRate("p", new BigDecimal("1.20"), null), new TariffRate("p", new BigDecimal("1.2000"), null));
        assertEquals("energyPerKwh: must have at most 6 decimals", assertThrows(ModelValidationException.class,
                () -> new TariffRate("p", new BigDecimal("0.1234567"), null)).getMessage());
        assertEquals("servicePerKwh: must be >= 0", assertThrows(ModelValidationException.class,
                () -> new TariffRate("p", BigDecimal.ONE, new BigDecimal("-0.1"))).getMessage());
        assertEquals(new BigDecimal("10"), new TariffRate("p", new BigDecimal("1E+1"), null).energyPerKwh());
    }
}
