package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.DayType;
import io.chargeplane.model.unit.Energy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a window of a session used, before any money: energy per (rate, slot map, tier) bucket in whole mWh, and
 * charging time in nanoseconds. Integer quantities only, so two meterings of adjacent windows add up exactly;
 * money is computed from a metering once, by {@link RatingEngine#settle}.
 */
public final class Metering {

    private final CompiledTariff tariff;
    private final long[] buckets;
    private final long start;
    private final long end;
    private final long monthToDateBefore;

    Metering(CompiledTariff tariff, long[] buckets, long start, long end, long monthToDateBefore) {
        this.tariff = tariff;
        this.buckets = buckets;
        this.start = start;
        this.end = end;
        this.monthToDateBefore = monthToDateBefore;
    }

    public int tariffVersion() {
        return tariff.version.version();
    }

    public Instant start() {
        return MeteredSession.instant(start);
    }

    public Instant end() {
        return MeteredSession.instant(end);
    }

    /** Charging time: the window's length. */
    public Duration chargingTime() {
        return Duration.ofNanos(end - start);
    }

    long chargingNanos() {
        return end - start;
    }

    /** The customer's energy in the month before this window, as the caller gave it. */
    public Energy monthToDateBefore() {
        return Energy.ofMilliwattHours(monthToDateBefore);
    }

    /** The sum of all buckets: always the window's register difference, to the mWh. */
    public Energy energy() {
        long total = 0;
        for (long bucket : buckets) {
            total = Math.addExact(total, bucket);
        }
        return Energy.ofMilliwattHours(total);
    }

    /** The buckets that hold energy, by rate (tariff order), then slot map, then tier. */
    public List<EnergyBucket> buckets() {
        List<EnergyBucket> result = new ArrayList<>();
        DayType[] types = DayType.values();
        for (int rate = 0; rate < tariff.rateCount; rate++) {
            for (DayType type : types) {
                for (int tier = 0; tier < tariff.tierCount; tier++) {
                    long energy = buckets[tariff.bucketIndex(rate, type.ordinal(), tier)];
                    if (energy != 0) {
                        result.add(new EnergyBucket(tariff.version.rates().get(rate).code(), type, tier,
                                Energy.ofMilliwattHours(energy)));
                    }
                }
            }
        }
        return result;
    }

    /** Energy of one rate and tier over all slot maps, in mWh. */
    long energy(int rate, int tier) {
        long total = 0;
        for (int day = 0; day < CompiledTariff.DAY_TYPES; day++) {
            total += buckets[tariff.bucketIndex(rate, day, tier)];
        }
        return total;
    }

    CompiledTariff tariff() {
        return tariff;
    }

    /**
     * This window followed by the next: bucket by bucket sums. The next window must start where this one ends,
     * be metered with the same tariff version, and have been given this window's month-to-date plus its energy.
     * For a session split at any instant, {@code meter(first).plus(meter(second))} equals {@code meter(whole)}.
     */
    public Metering plus(Metering next) {
        Objects.requireNonNull(next, "next");
        if (next.tariff != tariff && !next.tariff.version.equals(tariff.version)) {
            throw new RatingInputException("next.tariffVersion", "must be metered with version " + tariffVersion()
                    + ", was " + next.tariffVersion());
        }
        if (next.start != end) {
            throw new RatingInputException("next.start", "must be " + end() + ", was " + next.start());
        }
        long expectedMonthToDate = Math.addExact(monthToDateBefore, energy().milliwattHours());
        if (next.monthToDateBefore != expectedMonthToDate) {
            throw new RatingInputException("next.monthToDateBefore", "must be " + expectedMonthToDate
                    + " mWh (this window's plus its energy), was " + next.monthToDateBefore + " mWh");
        }
        long[] sum = new long[buckets.length];
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(buckets[i], next.buckets[i]);
        }
        return new Metering(tariff, sum, start, next.end, monthToDateBefore);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Metering that
                && start == that.start && end == that.end && monthToDateBefore == that.monthToDateBefore
                && (tariff == that.tariff || tariff.version.equals(that.tariff.version)) && Arrays.equals(buckets, that.buckets);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, monthToDateBefore, tariff.version.version(), Arrays.hashCode(buckets));
    }

    @Override
    public String toString() {
        return "Metering[" + start() + " to " + end() + ", " + energy() + ", buckets=" + buckets() + "]";
    }
}
