package io.chargeplane.billing.domain.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.chargeplane.billing.domain.tariff.IdleFee;
import io.chargeplane.billing.domain.tariff.ParkingFee;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionChargesTest {

    private static Money cny(long fen) {
        return Money.ofMinor(fen, "CNY");
    }

    /** 1 kWh valley at 02:00-02:30 on a workday: 0.30 + 0.20 = 0.50. */
    private static Sessions oneValleyKwh() {
        return Sessions.inShanghai().at("2026-03-04T02:00").readingKwh(0).afterMinutes(30).readingKwh(1);
    }

    @Test
    void chargesChargingTimeProRataAndRoundsOnceHalfUp() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai().chargingTimePerMinute(new BigDecimal("0.05")).build());
        // 90 s at 0.05/min is 7.5 fen: HALF_UP gives 8.
        Bill bill = engine.rate(Sessions.inShanghai().at("2026-03-04T02:00").readingKwh(0)
                .after(Duration.ofSeconds(90)).reading(0).build(), Energy.ZERO, SessionFacts.NONE);

        RatedLine time = bill.lines(LineKind.CHARGING_TIME).get(0);
        assertEquals(new BigDecimal("1.500"), time.quantity());
        assertEquals(cny(8), time.amount());
        assertEquals(RoundingMode.HALF_UP, time.rounding());
    }

    @Test
    void roundsTheSameExactAmountDownWhenTheTariffSaysHalfEven() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai().rounding(RoundingMode.HALF_EVEN)
                .chargingTimePerMinute(new BigDecimal("0.05")).build());
        Bill bill = engine.rate(Sessions.inShanghai().at("2026-03-04T02:00").readingKwh(0)
                .after(Duration.ofSeconds(90)).reading(0).build(), Energy.ZERO, SessionFacts.NONE);

        assertEquals(cny(8), bill.total()); // 7.5 -> 8 (even)
        Bill longer = engine.rate(Sessions.inShanghai().at("2026-03-04T02:00").readingKwh(0)
                .after(Duration.ofSeconds(270)).reading(0).build(), Energy.ZERO, SessionFacts.NONE);
        assertEquals(cny(22), longer.total()); // 22.5 -> 22 (even)
    }

    @Test
    void raisesASmallSessionToTheMinimumIncludingTheSessionFee() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai().sessionFee(cny(100)).minimum(cny(500)).build());

        Bill bill = engine.rate(oneValleyKwh().build(), Energy.ZERO, SessionFacts.NONE);

        assertEquals(List.of(cny(30), cny(20), cny(100), cny(350)),
                bill.lines().stream().map(RatedLine::amount).toList());
        assertEquals(LineKind.MINIMUM_ADJUSTMENT, bill.lines().get(3).kind());
        assertEquals(cny(500), bill.total());
    }

    @Test
    void chargesNoMinimumOrSessionFeeWhenNoEnergyWasDelivered() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai().sessionFee(cny(100)).minimum(cny(500)).build());

        Bill bill = engine.rate(Sessions.inShanghai().at("2026-03-04T02:00").readingKwh(7).afterMinutes(5).readingKwh(7)
                .build(), Energy.ZERO, SessionFacts.NONE);

        assertEquals(List.of(), bill.lines());
        assertEquals(cny(0), bill.total());
    }

    @Test
    void lowersALargeSessionToTheCap() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai().cap(cny(5000)).build());
        // 100 kWh peak at 11:00-12:00: 100 x 1.60 = 160.00, capped to 50.00.
        Bill bill = engine.rate(Sessions.inShanghai().at("2026-03-04T11:00").readingKwh(0).afterMinutes(60)
                .readingKwh(100).build(), Energy.ZERO, SessionFacts.NONE);

        assertEquals(cny(-11000), bill.lines(LineKind.CAP_ADJUSTMENT).get(0).amount());
        assertEquals(cny(5000), bill.chargingCharge());
        assertEquals(cny(5000), bill.total());
    }

    @Test
    void chargesIdleMinutesStartedAfterTheGracePeriod() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai()
                .idle(new IdleFee(Duration.ofMinutes(10), new BigDecimal("0.50"), cny(2000))).build());
        Sessions session = oneValleyKwh();
        Instant end = session.now();

        // 25 min 30 s plugged after charging: 15 min 30 s beyond grace, 16 started minutes x 0.50 = 8.00.
        Bill bill = engine.rate(session.build(), Energy.ZERO,
                SessionFacts.NONE.withUnpluggedAt(end.plus(Duration.ofSeconds(25 * 60 + 30))));
        RatedLine idle = bill.lines(LineKind.IDLE).get(0);
        assertEquals(BigDecimal.valueOf(16), idle.quantity());
        assertEquals(cny(800), idle.amount());
        assertEquals(cny(50 + 800), bill.total());
        assertEquals(cny(50), bill.chargingCharge());

        Bill withinGrace = engine.rate(session.build(), Energy.ZERO,
                SessionFacts.NONE.withUnpluggedAt(end.plus(Duration.ofMinutes(10))));
        assertEquals(cny(50), withinGrace.total());
    }

    @Test
    void capsTheIdleFee() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai()
                .idle(new IdleFee(Duration.ofMinutes(10), new BigDecimal("0.50"), cny(2000))).build());
        Sessions session = oneValleyKwh();

        // 100 min: 90 x 0.50 = 45.00, capped to 20.00.
        Bill bill = engine.rate(session.build(), Energy.ZERO,
                SessionFacts.NONE.withUnpluggedAt(session.now().plus(Duration.ofMinutes(100))));

        assertEquals(cny(4500), bill.lines(LineKind.IDLE).get(0).amount());
        assertEquals(cny(-2500), bill.lines(LineKind.IDLE_CAP).get(0).amount());
        assertEquals(cny(50 + 2000), bill.total());
    }

    @Test
    void refusesAnUnplugInstantBeforeChargingEnded() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai()
                .idle(new IdleFee(Duration.ZERO, BigDecimal.ONE, null)).build());
        Sessions session = oneValleyKwh();

        RatingInputException error = assertThrows(RatingInputException.class, () -> engine.rate(session.build(),
                Energy.ZERO, SessionFacts.NONE.withUnpluggedAt(session.now().minusSeconds(1))));
        assertEquals("unpluggedAt", error.field());
    }

    @Test
    void chargesParkingPerStartedHourAfterTheFreePeriodUpToItsCap() {
        RatingEngine engine = new RatingEngine(Tariffs.shanghai()
                .parking(new ParkingFee(Duration.ofHours(2), Duration.ofHours(1), new BigDecimal("5"), cny(3000))).build());
        Instant entered = Instant.parse("2026-03-03T17:50:00Z");

        // 3 h 10 min: 1 h 10 min beyond the free 2 h, 2 started hours x 5.00 = 10.00.
        Bill bill = engine.rate(oneValleyKwh().build(), Energy.ZERO,
                SessionFacts.NONE.withParking(new ParkingStay(entered, entered.plus(Duration.ofMinutes(190)))));
        assertEquals(cny(1000), bill.lines(LineKind.PARKING).get(0).amount());
        assertEquals(cny(50 + 1000), bill.total());

        // 12 h: 10 started hours = 50.00, capped to 30.00.
        Bill capped = engine.rate(oneValleyKwh().build(), Energy.ZERO,
                SessionFacts.NONE.withParking(new ParkingStay(entered, entered.plus(Duration.ofHours(12)))));
        assertEquals(cny(50 + 3000), capped.total());
    }
}
