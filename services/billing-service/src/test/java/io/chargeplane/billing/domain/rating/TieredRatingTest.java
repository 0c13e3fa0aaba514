package io.chargeplane.billing.domain.rating;

import static io.chargeplane.billing.domain.rating.TimeOfUseRatingTest.kwh;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.billing.domain.tariff.EnergyTier;
import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TieredRatingTest {

    /** From 100 kWh in the month electricity costs 0.10 more; from 200 kWh, 0.25 more. */
    private final RatingEngine engine = new RatingEngine(Tariffs.shanghai()
            .tiers(List.of(EnergyTier.fromKwh(0, "0"), EnergyTier.fromKwh(100, "0.10"), EnergyTier.fromKwh(200, "0.25")))
            .build());

    @Test
    void pricesTheEnergyBeyondTheMonthlyThresholdAtTheNextTier() {
        // 90 kWh earlier this month; 20 kWh valley at 02:00: 10 kWh at 0.30, 10 kWh at 0.40, service 20 x 0.20.
        Bill bill = engine.rate(Sessions.inShanghai().at("2026-03-04T02:00").readingKwh(500)
                .afterMinutes(60).readingKwh(520).build(), kwh(90), SessionFacts.NONE);

        assertEquals(List.of(
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 0, kwh(10)),
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 1, kwh(10))), bill.metering().buckets());
        List<RatedLine> electricity = bill.lines(LineKind.ELECTRICITY);
        assertEquals(new BigDecimal("0.3"), electricity.get(0).unitPrice());
        assertEquals(new BigDecimal("0.4"), electricity.get(1).unitPrice());
        assertEquals(Money.ofMinor(300 + 400 + 400, "CNY"), bill.total());
    }

    @Test
    void climbsTwoTiersWithinOneSessionInTimeOrder() {
        // 95 kWh before; 07:00-09:00, 110 kWh: valley 07-08 takes 55 kWh (5 in tier 0, 50 in tier 1),
        // flat 08-09 takes 55 kWh (50 in tier 1 up to 200 kWh, 5 in tier 2).
        Bill bill = engine.rate(Sessions.inShanghai().at("2026-03-04T07:00").readingKwh(0)
                .afterMinutes(120).readingKwh(110).build(), kwh(95), SessionFacts.NONE);

        assertEquals(List.of(
                new EnergyBucket(Rate.FLAT, DayType.WORKDAY, 1, kwh(50)),
                new EnergyBucket(Rate.FLAT, DayType.WORKDAY, 2, kwh(5)),
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 0, kwh(5)),
                new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 1, kwh(50))), bill.metering().buckets());
        // flat 50 x 0.80 = 40.00, 5 x 0.95 = 4.75; valley 5 x 0.30 = 1.50, 50 x 0.40 = 20.00;
        // service flat 55 x 0.40 = 22.00, valley 55 x 0.20 = 11.00.
        assertEquals(Money.ofMinor(4000 + 475 + 150 + 2000 + 2200 + 1100, "CNY"), bill.total());
    }

    @Test
    void startsOnTheTierTheMonthHasAlreadyReached() {
        Bill bill = engine.rate(Sessions.inShanghai().at("2026-03-04T02:00").readingKwh(0)
                .afterMinutes(30).readingKwh(1).build(), kwh(250), SessionFacts.NONE);

        assertEquals(List.of(new EnergyBucket(Rate.VALLEY, DayType.WORKDAY, 2, kwh(1))), bill.metering().buckets());
        assertEquals(Money.ofMinor(55 + 20, "CNY"), bill.total());
    }
}
