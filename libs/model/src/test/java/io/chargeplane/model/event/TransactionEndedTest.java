package io.chargeplane.model.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.model.Fixtures;
import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransactionEndedTest {

    private static TransactionEnded ended(Energy start, Energy stop, List<RateBucket> buckets) {
        return new TransactionEnded(Fixtures.aTransactionRef(), EvseId.of(1), null, null, start, stop, Fixtures.T0,
                Fixtures.T0.plusSeconds(60), StopReason.REMOTE, buckets, null);
    }

    @Test
    void acceptsBucketsThatAddUpExactlyToTheMeteredEnergy() {
        TransactionEnded ended = Fixtures.aTransactionEnded();

        assertEquals(Energy.ofKwh(new BigDecimal("14.7346")), ended.energy());
        assertEquals(4, ended.rateBuckets().size());
    }

    @Test
    void refusesBucketsOffByOneMilliwattHour() {
        Energy start = Energy.ofKwh(new BigDecimal("100"));
        Energy stop = Energy.ofKwh(new BigDecimal("110.0001"));
        List<RateBucket> buckets = List.of(RateBucket.of("peak", Energy.ofKwh(new BigDecimal("6"))),
                RateBucket.of("valley", Energy.ofMilliwattHours(4_000_099)));

        ModelValidationException e = assertThrows(ModelValidationException.class, () -> ended(start, stop, buckets));

        assertEquals("rateBuckets", e.field());
        assertTrue(e.reason().contains("10000099 mWh") && e.reason().contains("10000100 mWh"), e.reason());
    }

    @Test
    void noBucketsMeansTheProtocolDidNotSplit() {
        TransactionEnded ended = ended(Energy.ZERO, Energy.ofWh(10), null);

        assertEquals(List.of(), ended.rateBuckets());
    }

    @Test
    void refusesAMeterStopBelowTheStart() {
        ModelValidationException e = assertThrows(ModelValidationException.class,
                () -> ended(Energy.ofWh(10), Energy.ofWh(9), List.of()));

        assertEquals("meterStop: must not be below meterStart", e.getMessage());
    }

    @Test
    void refusesBucketAmountsInDifferentCurrencies() {
        List<RateBucket> buckets = List.of(
                new RateBucket("peak", Energy.ofWh(6), Money.ofMinor(10, "CNY")),
                new RateBucket("flat", Energy.ofWh(4), Money.ofMinor(10, "EUR")));

        ModelValidationException e = assertThrows(ModelValidationException.class,
                () -> ended(Energy.ZERO, Energy.ofWh(10), buckets));

        assertEquals("rateBuckets[1].amount.currency", e.field());
    }

    @Test
    void refusesANullBucketNamingItsIndex() {
        List<RateBucket> buckets = new ArrayList<>();
        buckets.add(RateBucket.of("peak", Energy.ofWh(10)));
        buckets.add(null);

        assertEquals("rateBuckets[1]: is required", assertThrows(ModelValidationException.class,
                () -> ended(Energy.ZERO, Energy.ofWh(10), buckets)).getMessage());
    }

    @Test
    void bucketListCannotBeChangedAfterValidation() {
        List<RateBucket> buckets = new ArrayList<>(List.of(RateBucket.of("peak", Energy.ofWh(10))));
        TransactionEnded ended = ended(Energy.ZERO, Energy.ofWh(10), buckets);

        buckets.add(RateBucket.of("flat", Energy.ofWh(5)));

        assertEquals(1, ended.rateBuckets().size());
        assertThrows(UnsupportedOperationException.class, () -> ended.rateBuckets().add(null));
    }

    @Test
    void refusesAnEndBeforeTheStart() {
        assertEquals("endedAt: must not be before startedAt", assertThrows(ModelValidationException.class,
                () -> new TransactionEnded(Fixtures.aTransactionRef(), EvseId.of(1), null, null, Energy.ZERO,
                        Energy.ZERO, Fixtures.T0, Fixtures.T0.minusSeconds(1), StopReason.LOCAL, null, null))
                .getMessage());
    }
}
