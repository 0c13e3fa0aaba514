package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.TariffVersion;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.Currency;

/** Exact products of prices and quantities, rounded once to the currency's minor unit. */
final class Pricing {

    private static final BigDecimal NANOS_PER_MINUTE = BigDecimal.valueOf(60_000_000_000L);

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

    /** Minor units for {@code milliwattHours} at {@code perKwh} major units: one rounding. */
    long energy(BigDecimal perKwh, long milliwattHours) {
        return round(exactEnergy(perKwh, milliwattHours));
    }

    /** The unrounded amount in minor units. */
    BigDecimal exactEnergy(BigDecimal perKwh, long milliwattHours) {
        return perKwh.multiply(BigDecimal.valueOf(milliwattHours)).movePointLeft(6 - fractionDigits);
    }

    /** Minor units for {@code nanos} of time at {@code perMinute} major units, pro rata: one rounding. */
    long time(BigDecimal perMinute, long nanos) {
        return perMinute.multiply(BigDecimal.valueOf(nanos)).movePointRight(fractionDigits)
                .divide(NANOS_PER_MINUTE, 0, rounding).longValueExact();
    }

    /** Minor units for a whole number of units at {@code perUnit} major units: one rounding. */
    long units(BigDecimal perUnit, long units) {
        return round(perUnit.multiply(BigDecimal.valueOf(units)).movePointRight(fractionDigits));
    }

    long round(BigDecimal exactMinor) {
        return exactMinor.setScale(0, rounding).longValueExact();
    }

    BigDecimal major(long minor) {
        return BigDecimal.valueOf(minor, fractionDigits);
    }

    static BigDecimal kwh(long milliwattHours) {
        return BigDecimal.valueOf(milliwattHours, 6);
    }

    /** Started units of {@code unit} in {@code span}; zero for a span of zero or less. */
    static long startedUnits(Duration span, Duration unit) {
        if (span.isNegative() || span.isZero()) {
            return 0;
        }
        long units = span.dividedBy(unit);
        return unit.multipliedBy(units).equals(span) ? units : units + 1;
    }
}
