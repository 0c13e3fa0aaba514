package io.chargeplane.billing.domain.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.billing.domain.tariff.SlotMap;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimeOfUseRatingTest {

    private final RatingEngine engine = new RatingEngine(Tariffs.shanghai().build());

    @Test
    void splitsAnIntervalAcrossTheEightOClockBoundaryInProportionToTime() {
        // Wednesday 4 March 2026, 07:30 to 08:30, 30 kWh in one interval: 15 kWh valley, 15 kWh flat.
        MeteredSession session = Sessions.inShanghai().at("2026-03-04T07:30").readingKwh(0)
                .afterMinutes(60).readingKwh(30).build();

        Bill bill = engine.rate(session, Energy.ZERO, SessionFacts.NONE);

        assertEquals(List.of(
                new EnergyBucket(Rate.FLAT, DayType.WORKDAY, 0, kwh(15)),
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 0, kwh(15))), bill.metering().buckets());
        // flat 15 x (0.70 + 0.40) = 16.50, valley 15 x (0.30 + 0.20) = 7.50
        assertEquals(List.of(1050L, 450L, 600L, 300L),
                bill.lines().stream().map(line -> line.amount().minorUnits()).toList());
        assertEquals(Money.ofMinor(2400, "CNY"), bill.total());
    }

    @Test
    void givesTheOddMilliwattHourAtABoundaryToTheLaterSlot() {
        // 07:50 to 08:10: 10,000,001 mWh. E(08:00) = floor(10,000,001 x 10 / 20) = 5,000,000.
        MeteredSession session = Sessions.inShanghai().at("2026-03-04T07:50").reading(0)
                .afterMinutes(20).reading(10_000_001).build();

        Metering metering = engine.meter(session, Energy.ZERO);

        assertEquals(List.of(
                new EnergyBucket(Rate.FLAT, DayType.WORKDAY, 0, Energy.ofMilliwattHours(5_000_001)),
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 0, Energy.ofMilliwattHours(5_000_000))),
                metering.buckets());
        assertEquals(Energy.ofMilliwattHours(10_000_001), metering.energy());
    }

    @Test
    void ratesANationalHolidayWithTheHolidaySlotMap() {
        // Thursday 1 October 2026 is a holiday: 10:00-11:00 is valley, not peak. 20 x 0.50 = 10.00.
        Bill holiday = engine.rate(Sessions.inShanghai().at("2026-10-01T10:00").readingKwh(0)
                .afterMinutes(60).readingKwh(20).build(), Energy.ZERO, SessionFacts.NONE);
        // Thursday 8 October 2026 is a workday: peak, 20 x 1.60 = 32.00.
        Bill workday = engine.rate(Sessions.inShanghai().at("2026-10-08T10:00").readingKwh(0)
                .afterMinutes(60).readingKwh(20).build(), Energy.ZERO, SessionFacts.NONE);

        assertEquals(List.of(new EnergyBucket(Rate.VALLEY, DayType.HOLIDAY, 0, kwh(20))), holiday.metering().buckets());
        assertEquals(Money.ofMinor(1000, "CNY"), holiday.total());
        assertEquals(Money.ofMinor(3200, "CNY"), workday.total());
    }

    @Test
    void switchesSlotMapAtLocalMidnightWhenAHolidayBegins() {
        // 30 Sep 2026 23:30 to 1 Oct 00:30 local, 10 kWh: 5 kWh valley on the workday, 5 kWh valley on the holiday.
        Metering metering = engine.meter(Sessions.inShanghai().at("2026-09-30T23:30").readingKwh(0)
                .afterMinutes(60).readingKwh(10).build(), Energy.ZERO);

        assertEquals(List.of(
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 0, kwh(5)),
                new EnergyBucket(Rate.VALLEY, DayType.HOLIDAY, 0, kwh(5))), metering.buckets());
    }

    @Test
    void ratesAMakeUpWorkingSundayAsAWorkdayAndAnOrdinarySundayAsAWeekend() {
        Metering makeUp = engine.meter(Sessions.inShanghai().at("2026-10-11T10:00").readingKwh(0)
                .afterMinutes(30).readingKwh(4).build(), Energy.ZERO);
        Metering sunday = engine.meter(Sessions.inShanghai().at("2026-10-18T10:00").readingKwh(0)
                .afterMinutes(30).readingKwh(4).build(), Energy.ZERO);

        assertEquals(List.of(new EnergyBucket(Rate.PEAK, DayType.WORKDAY, 0, kwh(4))), makeUp.buckets());
        assertEquals(List.of(new EnergyBucket(Rate.FLAT, DayType.WEEKEND, 0, kwh(4))), sunday.buckets());
    }

    @Test
    void usesTheWorkdayMapOnHolidaysWhenTheTariffHasNoHolidayMap() {
        TariffVersion noHolidayMap = Tariffs.shanghai().slotMaps(java.util.Map.of(DayType.WORKDAY, Tariffs.WORKDAY)).build();

        Metering metering = new RatingEngine(noHolidayMap).meter(Sessions.inShanghai().at("2026-10-01T10:00")
                .readingKwh(0).afterMinutes(30).readingKwh(4).build(), Energy.ZERO);

        assertEquals(List.of(new EnergyBucket(Rate.PEAK, DayType.WORKDAY, 0, kwh(4))), metering.buckets());
    }

    @Test
    void skipsTheMissingHourOnASpringForwardDay() {
        // Europe/Berlin, 29 March 2026: 02:00 CET jumps to 03:00 CEST at 01:00Z. Slot map: 01-02 flat,
        // 02-03 peak (never happens that night), 03-04 valley, else sharp.
        TariffVersion berlin = berlin();
        MeteredSession session = Sessions.in("Europe/Berlin").atInstant("2026-03-29T00:30:00Z").readingKwh(0)
                .afterMinutes(60).readingKwh(60).build();

        Metering metering = new RatingEngine(berlin).meter(session, Energy.ZERO);

        // 00:30-01:00Z is 01:30-02:00 CET (flat), 01:00-01:30Z is 03:00-03:30 CEST (valley).
        assertEquals(List.of(
                new EnergyBucket(Rate.FLAT, DayType.WORKDAY, 0, kwh(30)),
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 0, kwh(30))), metering.buckets());
    }

    @Test
    void appliesTheRepeatedHourTwiceOnAFallBackDay() {
        // 25 October 2026: 03:00 CEST falls back to 02:00 CET at 01:00Z, so local 02:00-03:00 (peak) lasts 2 h.
        MeteredSession session = Sessions.in("Europe/Berlin").atInstant("2026-10-25T00:00:00Z").readingKwh(0)
                .afterMinutes(120).readingKwh(40).build();

        Metering metering = new RatingEngine(berlin()).meter(session, Energy.ZERO);

        // A Sunday, but the tariff has only a workday map, so the bucket says which map applied: WORKDAY.
        assertEquals(List.of(new EnergyBucket(Rate.PEAK, DayType.WORKDAY, 0, kwh(40))), metering.buckets());
    }

    @Test
    void cutsAtLocalHalfHoursInAZoneWithAQuarterHourOffset() {
        // Asia/Kathmandu is UTC+05:45: 00:00-01:00Z is 05:45-06:45 local; valley until 06:00, flat after.
        TariffVersion kathmandu = Tariffs.shanghai().zone("Asia/Kathmandu")
                .slotMaps(java.util.Map.of(DayType.WORKDAY, SlotMap.uniform(Rate.VALLEY)
                        .with(LocalTime.of(6, 0), LocalTime.of(22, 0), Rate.FLAT)))
                .calendar(io.chargeplane.billing.domain.tariff.HolidayCalendar.NONE).build();
        MeteredSession session = Sessions.in("Asia/Kathmandu").atInstant("2026-03-04T00:00:00Z").readingKwh(0)
                .afterMinutes(60).readingKwh(60).build();

        Metering metering = new RatingEngine(kathmandu).meter(session, Energy.ZERO);

        assertEquals(List.of(
                new EnergyBucket(Rate.FLAT, DayType.WORKDAY, 0, kwh(45)),
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 0, kwh(15))), metering.buckets());
    }

    private static TariffVersion berlin() {
        SlotMap map = SlotMap.uniform(Rate.SHARP)
                .with(LocalTime.of(1, 0), LocalTime.of(2, 0), Rate.FLAT)
                .with(LocalTime.of(2, 0), LocalTime.of(3, 0), Rate.PEAK)
                .with(LocalTime.of(3, 0), LocalTime.of(4, 0), Rate.VALLEY);
        return Tariffs.shanghai().zone("Europe/Berlin").currency("EUR")
                .slotMaps(java.util.Map.of(DayType.WORKDAY, map))
                .calendar(io.chargeplane.billing.domain.tariff.HolidayCalendar.NONE).build();
    }

    static Energy kwh(long kwh) {
        return Energy.ofMilliwattHours(kwh * 1_000_000L);
    }
}
