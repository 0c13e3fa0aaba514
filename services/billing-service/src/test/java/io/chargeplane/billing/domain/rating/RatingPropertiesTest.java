package io.chargeplane.billing.domain.rating;

import static io.chargeplane.billing.domain.rating.RandomRating.forAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.unit.Energy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Properties over thousands of random tariffs and sessions. A failure prints the seed that reproduces it.
 */
class RatingPropertiesTest {

    private static final int CASES = 3_000;

    private record Case(TariffVersion tariff, RatingEngine engine, MeteredSession session, Energy monthToDate,
                        SessionFacts facts) {
    }

    private static Case randomCase(Random random) {
        TariffVersion tariff = RandomRating.tariff(random);
        MeteredSession session = RandomRating.session(random, tariff.zone());
        Instant unplugged = session.end().plus(Duration.ofSeconds(random.nextInt(7_200)));
        SessionFacts facts = new SessionFacts(unplugged, null, RandomRating.coupons(random, tariff));
        return new Case(tariff, new RatingEngine(tariff), session, RandomRating.monthToDate(random), facts);
    }

    @Test
    void meteringNeverLosesOrCreatesAMilliwattHour() {
        forAll(CASES, random -> {
            Case c = randomCase(random);
            List<MeterReading> readings = c.session().readings();
            long delivered = readings.get(readings.size() - 1).register().milliwattHours()
                    - readings.get(0).register().milliwattHours();

            Metering metering = c.engine().meter(c.session(), c.monthToDate());

            assertEquals(delivered, metering.energy().milliwattHours());
            assertEquals(delivered, metering.buckets().stream().mapToLong(b -> b.energy().milliwattHours()).sum());
        });
    }

    @Test
    void splittingASessionAtAnyInstantGivesTheSameBucketsAndTheSameBill() {
        forAll(CASES, random -> {
            Case c = randomCase(random);
            Instant at = RandomRating.instantIn(random, c.session());
            MeteredSession.Split split = c.session().splitAt(at);

            Metering whole = c.engine().meter(c.session(), c.monthToDate());
            Metering first = c.engine().meter(split.first(), c.monthToDate());
            Metering second = c.engine().meter(split.second(), c.monthToDate().plus(first.energy()));
            Metering joined = first.plus(second);

            assertEquals(whole, joined, "split at " + at);
            assertEquals(c.engine().settle(whole, c.facts()), c.engine().settle(joined, c.facts()), "split at " + at);
        });
    }

    @Test
    void cuttingASessionIntoManyPartsGivesTheSameBill() {
        forAll(CASES / 3, random -> {
            Case c = randomCase(random);
            List<Instant> cuts = new ArrayList<>();
            for (int i = 0, n = 2 + random.nextInt(6); i < n; i++) {
                cuts.add(RandomRating.instantIn(random, c.session()));
            }
            cuts.sort(null);

            MeteredSession rest = c.session();
            Energy monthToDate = c.monthToDate();
            Metering joined = null;
            for (Instant cut : cuts) {
                MeteredSession.Split split = rest.splitAt(cut);
                Metering part = c.engine().meter(split.first(), monthToDate);
                monthToDate = monthToDate.plus(part.energy());
                joined = joined == null ? part : joined.plus(part);
                rest = split.second();
            }
            joined = joined.plus(c.engine().meter(rest, monthToDate));

            assertEquals(c.engine().rate(c.session(), c.monthToDate(), c.facts()),
                    c.engine().settle(joined, c.facts()));
        });
    }

    @Test
    void everyPricedLineIsItsExactAmountRoundedOnceAndTheTotalIsTheSumOfTheLines() {
        forAll(CASES, random -> {
            Case c = randomCase(random);
            Bill bill = c.engine().rate(c.session(), c.monthToDate(), c.facts());
            int digits = c.tariff().currency().getDefaultFractionDigits();

            long sum = 0;
            for (RatedLine line : bill.lines()) {
                sum += line.amount().minorUnits();
                if (line.kind() == LineKind.ELECTRICITY || line.kind() == LineKind.SERVICE || line.kind() == LineKind.IDLE) {
                    BigDecimal exact = line.quantity().multiply(line.unitPrice()).movePointRight(digits);
                    assertEquals(exact.setScale(0, line.rounding()).longValueExact(), line.amount().minorUnits(), line.toString());
                    assertTrue(exact.subtract(BigDecimal.valueOf(line.amount().minorUnits())).abs().compareTo(BigDecimal.ONE) < 0);
                }
                if (line.kind() == LineKind.CHARGING_TIME) {
                    BigDecimal exact = new BigDecimal(bill.metering().chargingTime().toNanos()).multiply(line.unitPrice())
                            .movePointRight(digits).divide(BigDecimal.valueOf(60_000_000_000L), 30, java.math.RoundingMode.DOWN);
                    assertTrue(exact.subtract(BigDecimal.valueOf(line.amount().minorUnits())).abs().compareTo(BigDecimal.ONE) < 0,
                            line.toString());
                }
            }
            assertEquals(sum, bill.total().minorUnits());
            assertTrue(bill.chargingCharge().minorUnits() >= 0, "charging charge " + bill.chargingCharge());
        });
    }

    @Test
    void minimumAndCapBoundTheChargingChargeBeforeCoupons() {
        forAll(CASES, random -> {
            Case c = randomCase(random);
            Bill bill = c.engine().rate(c.session(), c.monthToDate(), SessionFacts.NONE);
            if (bill.metering().energy().milliwattHours() == 0) {
                return;
            }
            long charge = bill.chargingCharge().minorUnits();
            if (c.tariff().minimum() != null) {
                assertTrue(charge >= c.tariff().minimum().minorUnits());
            }
            if (c.tariff().cap() != null) {
                assertTrue(charge <= c.tariff().cap().minorUnits());
            }
        });
    }

    @Test
    void couponsNeverFreeMoreEnergyThanWasDeliveredNorTakeTheChargeBelowZero() {
        forAll(CASES, random -> {
            Case c = randomCase(random);
            Bill bill = c.engine().rate(c.session(), c.monthToDate(), c.facts());
            Bill undiscounted = c.engine().rate(c.session(), c.monthToDate(), SessionFacts.NONE);

            BigDecimal freed = bill.lines(LineKind.COUPON_FREE_ENERGY).stream().map(RatedLine::quantity)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertTrue(freed.compareTo(bill.metering().energy().toKwh()) <= 0, "freed " + freed);
            assertTrue(bill.chargingCharge().minorUnits() >= 0);
            assertTrue(bill.chargingCharge().minorUnits() <= undiscounted.chargingCharge().minorUnits());
        });
    }

    @Test
    void allocationCutsAnIntervalIntoPiecesThatAddUpAndStayWithinOneOfTheExactShare() {
        forAll(CASES * 3, random -> {
            long energy = random.nextInt(3) == 0 ? random.nextLong(0, Long.MAX_VALUE / 4) : random.nextLong(0, 10_000_000L);
            long duration = 1 + (random.nextBoolean() ? random.nextLong(0, 30_000_000_000_000L) : random.nextInt(1_000));
            long[] cuts = random.longs(random.nextInt(10), 0, duration + 1).sorted().toArray();

            long previousCut = 0;
            long previous = 0;
            long total = 0;
            for (int i = 0; i <= cuts.length; i++) {
                long cut = i < cuts.length ? cuts[i] : duration;
                long by = Allocation.energyBy(energy, cut, duration);
                long piece = by - previous;
                assertTrue(piece >= 0);
                BigDecimal exact = BigDecimal.valueOf(energy).multiply(BigDecimal.valueOf(cut - previousCut))
                        .divide(BigDecimal.valueOf(duration), 12, java.math.RoundingMode.HALF_UP);
                assertTrue(exact.subtract(BigDecimal.valueOf(piece)).abs().compareTo(BigDecimal.ONE) < 0,
                        "piece " + piece + " vs exact " + exact);
                total += piece;
                previous = by;
                previousCut = cut;
            }
            assertEquals(energy, total);
        });
    }
}
