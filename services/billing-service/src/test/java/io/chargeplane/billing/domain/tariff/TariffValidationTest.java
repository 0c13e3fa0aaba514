package io.chargeplane.billing.domain.tariff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class TariffValidationTest {

    private static TariffVersion.Builder valid() {
        return TariffVersion.builder()
                .validFrom(Instant.parse("2026-01-01T00:00:00Z"))
                .zone("Asia/Shanghai")
                .currency("CNY")
                .rate(Rate.of(Rate.PEAK, "1.00", "0.60"))
                .rate(Rate.of(Rate.VALLEY, "0.30", "0.20"))
                .slotMap(DayType.WORKDAY, SlotMap.uniform(Rate.VALLEY).with(LocalTime.of(8, 0), LocalTime.of(22, 0), Rate.PEAK));
    }

    private static String failingField(Executable build) {
        return assertThrows(TariffValidationException.class, build).field();
    }

    @Test
    void acceptsAValidTariff() {
        TariffVersion version = valid().build();

        assertEquals(Rate.PEAK, version.slotMapFor(DayType.HOLIDAY).rateAt(LocalTime.of(12, 0)));
        assertEquals(Rate.VALLEY, version.slotMapFor(DayType.WORKDAY).rateAt(LocalTime.of(22, 30)));
    }

    @Test
    void namesTheSlotThatReferencesAnUnknownRate() {
        SlotMap map = SlotMap.uniform(Rate.VALLEY).with(LocalTime.of(8, 30), LocalTime.of(9, 0), Rate.SHARP);

        TariffValidationException error = assertThrows(TariffValidationException.class,
                () -> valid().slotMap(DayType.HOLIDAY, map).build());

        assertEquals("slotMaps.HOLIDAY.slots[17]", error.field());
        assertTrue(error.getMessage().contains("'sharp'"), error.getMessage());
    }

    @Test
    void refusesASlotMapWithoutFortyEightSlots() {
        assertEquals("slots", failingField(() -> new SlotMap(Collections.nCopies(47, Rate.VALLEY))));
    }

    @Test
    void refusesSlotRangesOffTheHalfHour() {
        assertEquals("from", failingField(() -> SlotMap.uniform(Rate.VALLEY).with(LocalTime.of(8, 15), LocalTime.of(9, 0), Rate.PEAK)));
    }

    @Test
    void wrapsASlotRangePastMidnight() {
        SlotMap map = SlotMap.uniform(Rate.PEAK).with(LocalTime.of(23, 0), LocalTime.of(7, 0), Rate.VALLEY);

        assertEquals(Rate.VALLEY, map.rateAt(LocalTime.of(23, 30)));
        assertEquals(Rate.VALLEY, map.rateAt(LocalTime.of(6, 30)));
        assertEquals(Rate.PEAK, map.rateAt(LocalTime.of(7, 0)));
    }

    @Test
    void requiresAWorkdayMap() {
        assertEquals("slotMaps.WORKDAY", failingField(() -> valid().slotMaps(Map.of()).build()));
    }

    @Test
    void refusesNegativeAndOverPrecisePrices() {
        assertEquals("electricityPerKwh", failingField(() -> Rate.of("x", "-0.01", "0")));
        assertEquals("servicePerKwh", failingField(() -> Rate.of("x", "0.1", "0.0000001")));
    }

    @Test
    void namesTheDuplicatedRate() {
        List<Rate> rates = new ArrayList<>(valid().build().rates());
        rates.add(Rate.of(Rate.PEAK, "2", "2"));

        assertEquals("rates[2].code", failingField(() -> valid().rates(rates).build()));
    }

    @Test
    void requiresTiersToStartAtZeroAndAscend() {
        assertEquals("tiers[0].from", failingField(() -> valid().tiers(List.of(EnergyTier.fromKwh(10, "0"))).build()));
        assertEquals("tiers[2].from", failingField(() -> valid().tiers(List.of(EnergyTier.fromKwh(0, "0"),
                EnergyTier.fromKwh(100, "0.1"), EnergyTier.fromKwh(100, "0.2"))).build()));
    }

    @Test
    void refusesATierDiscountThatMakesElectricityNegative() {
        assertEquals("tiers[1].electricityAdjustmentPerKwh", failingField(() -> valid().tiers(List.of(
                EnergyTier.fromKwh(0, "0"), EnergyTier.fromKwh(100, "-0.31"))).build()));
    }

    @Test
    void refusesMoneyInAnotherCurrency() {
        assertEquals("minimum.currency", failingField(() -> valid().minimum(Money.ofMinor(100, "EUR")).build()));
        assertEquals("idle.cap.currency", failingField(() -> valid()
                .idle(new IdleFee(Duration.ZERO, BigDecimal.ONE, Money.ofMinor(100, "USD"))).build()));
    }

    @Test
    void refusesAMinimumAboveTheCap() {
        assertEquals("minimum", failingField(() -> valid().minimum(Money.ofMinor(500, "CNY"))
                .cap(Money.ofMinor(400, "CNY")).build()));
    }

    @Test
    void refusesRoundingUnnecessary() {
        assertEquals("rounding", failingField(() -> valid().rounding(RoundingMode.UNNECESSARY).build()));
    }

    @Test
    void refusesADateThatIsBothHolidayAndWorkday() {
        LocalDate day = LocalDate.of(2026, 10, 1);

        assertEquals("workdays", failingField(() -> new HolidayCalendar("cn", Set.of(day), Set.of(day))));
    }

    @Test
    void prefixesANestedFieldWithItsParent() {
        TariffValidationException error = assertThrows(TariffValidationException.class,
                () -> Rate.of("x", "-1", "0"));

        assertEquals("rates[3].electricityPerKwh", error.under("rates[3]").field());
        assertEquals("rates[3].electricityPerKwh: must not be negative, was -1", error.under("rates[3]").getMessage());
    }
}
