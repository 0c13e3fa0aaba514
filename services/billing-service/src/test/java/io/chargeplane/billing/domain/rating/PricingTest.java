package io.chargeplane.billing.domain.rating;

import static io.chargeplane.billing.domain.rating.RandomRating.forAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

class PricingTest {

    private static final RoundingMode[] MODES = {RoundingMode.UP, RoundingMode.DOWN, RoundingMode.CEILING,
            RoundingMode.FLOOR, RoundingMode.HALF_UP, RoundingMode.HALF_DOWN, RoundingMode.HALF_EVEN};

    @Test
    void integerDivisionRoundsExactlyLikeBigDecimalInEveryMode() {
        forAll(20_000, random -> {
            long d = 1 + (random.nextBoolean() ? random.nextInt(20) : random.nextLong(0, 1_000_000_000_000L));
            long n = random.nextBoolean() ? random.nextLong(0, Long.MAX_VALUE) : random.nextLong(0, 100) * d / 2;
            RoundingMode mode = MODES[random.nextInt(MODES.length)];

            long expected = new BigDecimal(n).divide(new BigDecimal(d), 0, mode).longValueExact();

            assertEquals(expected, Pricing.divide(n, d, mode), n + " / " + d + " " + mode);
        });
    }

    @Test
    void roundsHalvesAccordingToTheMode() {
        assertEquals(3, Pricing.divide(5, 2, RoundingMode.HALF_UP));
        assertEquals(2, Pricing.divide(5, 2, RoundingMode.HALF_DOWN));
        assertEquals(2, Pricing.divide(5, 2, RoundingMode.HALF_EVEN));
        assertEquals(4, Pricing.divide(7, 2, RoundingMode.HALF_EVEN));
    }
}
