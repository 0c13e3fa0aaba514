package io.chargeplane.billing.domain.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouponTest {

    private final RatingEngine engine = new RatingEngine(Tariffs.shanghai().build());

    /** 07:30-08:30, 30 kWh: 15 valley + 15 flat = 24.00 CNY. */
    private final MeteredSession session = Sessions.inShanghai().at("2026-03-04T07:30").readingKwh(0)
            .afterMinutes(60).readingKwh(30).build();

    private static Money cny(long fen) {
        return Money.ofMinor(fen, "CNY");
    }

    @Test
    void appliesFixedAmountsBeforeThePercentageWhateverTheOrderGiven() {
        Bill bill = engine.rate(session, Energy.ZERO, SessionFacts.coupons(
                new Coupon.Percentage("TEN-OFF", BigDecimal.TEN, true),
                new Coupon.FixedAmount("FIVE-YUAN", cny(500), true)));

        // 24.00 - 5.00 = 19.00; 10 % of 19.00 = 1.90; 17.10.
        assertEquals(List.of(cny(-500)), bill.lines(LineKind.COUPON_FIXED).stream().map(RatedLine::amount).toList());
        assertEquals(List.of(cny(-190)), bill.lines(LineKind.COUPON_PERCENTAGE).stream().map(RatedLine::amount).toList());
        assertEquals(cny(1710), bill.total());
    }

    @Test
    void makesTheMostExpensiveKilowattHoursFree() {
        // Flat costs 1.10/kWh, valley 0.50/kWh: 10 free kWh come off flat, 11.00.
        Bill bill = engine.rate(session, Energy.ZERO, SessionFacts.coupons(
                new Coupon.FreeEnergy("TEN-KWH", Energy.ofMilliwattHours(10_000_000), true)));

        RatedLine free = bill.lines(LineKind.COUPON_FREE_ENERGY).get(0);
        assertEquals(new BigDecimal("10.000000"), free.quantity());
        assertEquals(cny(-1100), free.amount());
        assertEquals(cny(1300), bill.total());
    }

    @Test
    void continuesIntoCheaperEnergyWhenTheExpensiveEnergyRunsOut() {
        // 20 free kWh: 15 flat (16.50) + 5 valley (2.50) = 19.00.
        Bill bill = engine.rate(session, Energy.ZERO, SessionFacts.coupons(
                new Coupon.FreeEnergy("TWENTY-KWH", Energy.ofMilliwattHours(20_000_000), true)));

        assertEquals(cny(-1900), bill.lines(LineKind.COUPON_FREE_ENERGY).get(0).amount());
        assertEquals(cny(500), bill.total());
    }

    @Test
    void neverTakesTheChargeBelowZero() {
        Bill bill = engine.rate(session, Energy.ZERO, SessionFacts.coupons(
                new Coupon.FixedAmount("BIG", cny(3000), true),
                new Coupon.FixedAmount("MORE", cny(100), true)));

        assertEquals(List.of(cny(-2400), cny(0)),
                bill.lines(LineKind.COUPON_FIXED).stream().map(RatedLine::amount).toList());
        assertEquals(cny(0), bill.total());
    }

    @Test
    void refusesToCombineANonStackableCoupon() {
        RatingInputException error = assertThrows(RatingInputException.class, () -> engine.rate(session, Energy.ZERO,
                SessionFacts.coupons(new Coupon.FixedAmount("A", cny(100), true),
                        new Coupon.FixedAmount("SOLO", cny(100), false))));

        assertEquals("coupons[1]", error.field());
    }

    @Test
    void acceptsANonStackableCouponOnItsOwn() {
        Bill bill = engine.rate(session, Energy.ZERO, SessionFacts.coupons(new Coupon.FixedAmount("SOLO", cny(100), false)));

        assertEquals(cny(2300), bill.total());
    }

    @Test
    void refusesTwoPercentageCouponsAndRepeatedCodes() {
        assertEquals("coupons[1]", assertThrows(RatingInputException.class, () -> engine.rate(session, Energy.ZERO,
                SessionFacts.coupons(new Coupon.Percentage("A", BigDecimal.ONE, true),
                        new Coupon.Percentage("B", BigDecimal.ONE, true)))).field());
        assertEquals("coupons[1]", assertThrows(RatingInputException.class, () -> engine.rate(session, Energy.ZERO,
                SessionFacts.coupons(new Coupon.FixedAmount("A", cny(1), true),
                        new Coupon.FixedAmount("A", cny(1), true)))).field());
    }

    @Test
    void refusesAFixedCouponInAnotherCurrency() {
        RatingInputException error = assertThrows(RatingInputException.class, () -> engine.rate(session, Energy.ZERO,
                SessionFacts.coupons(new Coupon.FixedAmount("EURO", Money.ofMinor(100, "EUR"), true))));

        assertEquals("coupons[0].amount.currency", error.field());
    }

    @Test
    void appliesCouponsAfterTheCap() {
        RatingEngine capped = new RatingEngine(Tariffs.shanghai().cap(cny(2000)).build());

        Bill bill = capped.rate(session, Energy.ZERO, SessionFacts.coupons(new Coupon.FixedAmount("FIVE", cny(500), true)));

        // 24.00 capped to 20.00, then 5.00 off.
        assertEquals(cny(1500), bill.total());
    }
}
