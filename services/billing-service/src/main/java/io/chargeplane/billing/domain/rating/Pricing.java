package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.TariffVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;

/**
 * Exact products of prices and quantities, rounded once to the currency's minor unit.
 *
 * <p>The amount in minor units is {@code price · quantity · 10^digits / per}, where {@code per} converts the
 * quantity to the priced unit (10^6 mWh per kWh, 6·10^10 ns per minute). It is computed in long arithmetic
 * with the rounding mode applied to the one division, and falls back to BigDecimal when a product would
 * overflow; both give the same result, which the property tests check against BigDecimal.
 */
final class Pricing {

    static final long MWH_PER_KWH = 1_000_000L;
    static final long NANOS_PER_MINUTE = 60_000_000_000L;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private final Currency currency;
    private final int fractionDigits;
    private final RoundingMode rounding;

    Pricing(TariffVersion version) {
        this.currency = version.currency();
        this.fractionDigits = version.currency().getDefaultFractionDigits();
        this.rounding = version.rounding();
    }

    Currency currency() {
        return currency;
    }

    RoundingMode rounding() {
        return rounding;
    }

    /** Minor units for {@code milliwattHours} at a price per kWh: one rounding. */
    long energy(Price perKwh, long milliwattHours) {
        return amount(perKwh, milliwattHours, MWH_PER_KWH);
    }

    /** Minor units for {@code nanos} of time at a price per minute, pro rata: one rounding. */
    long time(Price perMinute, long nanos) {
        return amount(perMinute, nanos, NANOS_PER_MINUTE);
    }

    /** Minor units for a whole number of units: one rounding. */
    long units(Price perUnit, long units) {
        return amount(perUnit, units, 1);
    }

    /** The unrounded amount in minor units for energy, for sums that are rounded once later. */
    BigDecimal exactEnergy(BigDecimal perKwh, long milliwattHours) {
        return perKwh.multiply(BigDecimal.valueOf(milliwattHours)).movePointLeft(6 - fractionDigits);
    }

    long round(BigDecimal exactMinor) {
        return exactMinor.setScale(0, rounding).longValueExact();
    }

    /** {@code price · quantity · 10^digits / per}, rounded once; quantity and price are never negative here. */
    long amount(Price price, long quantity, long per) {
        if (price.compact && price.scale < POWERS_OF_TEN.length && fractionDigits < POWERS_OF_TEN.length) {
            long numerator = multiply(price.unscaled, quantity);
            numerator = numerator < 0 ? -1 : multiply(numerator, POWERS_OF_TEN[fractionDigits]);
            long denominator = multiply(POWERS_OF_TEN[price.scale], per);
            if (numerator >= 0 && denominator > 0) {
                return divide(numerator, denominator, rounding);
            }
        }
        return price.value.multiply(BigDecimal.valueOf(quantity)).movePointRight(fractionDigits)
                .divide(BigDecimal.valueOf(per), 0, rounding).longValueExact();
    }

    /** a · b for non-negative operands, or -1 when it would overflow. */
    private static long multiply(long a, long b) {
        if (a < 0 || b < 0) {
            return -1;
        }
        long high = Math.multiplyHigh(a, b);
        long low = a * b;
        return high == 0 && low >= 0 ? low : -1;
    }

    /** n / d rounded by {@code mode}, for n >= 0 and d > 0. */
    static long divide(long n, long d, RoundingMode mode) {
        long quotient = n / d;
        long remainder = n % d;
        if (remainder == 0) {
            return quotient;
        }
        int half = Long.compare(remainder, d - remainder);
        boolean up = switch (mode) {
            case UP, CEILING -> true;
            case DOWN, FLOOR -> false;
            case HALF_UP -> half >= 0;
            case HALF_DOWN -> half > 0;
            case HALF_EVEN -> half > 0 || (half == 0 && (quotient & 1) == 1);
            case UNNECESSARY -> throw new ArithmeticException("rounding necessary");
        };
        return up ? quotient + 1 : quotient;
    }

    static BigDecimal kwh(long milliwattHours) {
        return BigDecimal.valueOf(milliwattHours, 6);
    }

    /** Started units of {@code unit} in {@code span}; zero for a span of zero or less. */
    static long startedUnits(Duration span, Duration unit) {
        if (span.isNegative() || span.isZero()) {
            return 0;
        }
        long spanNanos = span.toNanos();
        long unitNanos = unit.toNanos();
        return spanNanos / unitNanos + (spanNanos % unitNanos == 0 ? 0 : 1);
    }
}
