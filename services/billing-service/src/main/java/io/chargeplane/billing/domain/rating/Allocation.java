package io.chargeplane.billing.domain.rating;

import java.math.BigInteger;

/**
 * How the energy of one meter interval is shared out over time, in whole mWh.
 *
 * <p>Inside an interval {@code [t0, t1]} that delivered {@code e} mWh, the energy delivered by instant
 * {@code τ} is {@code E(τ) = floor(e · (τ − t0) / (t1 − t0))}: linear in time, rounded down to the mWh, with
 * {@code E(t0) = 0} and {@code E(t1) = e}. A piece {@code [a, b]} of the interval gets {@code E(b) − E(a)}.
 * Because every piece is a difference of the same cumulative function, the pieces of any cut always add up to
 * {@code e} exactly, none is negative, each is within 1 mWh of its exact linear share, and cutting a piece once
 * more (at a slot boundary, a tier step or a session split) never changes what the other pieces get. That last
 * property is what makes rating split-invariant; a largest-remainder rule, whose rounding depends on the whole
 * set of cuts, would not have it.
 */
public final class Allocation {

    private Allocation() {
    }

    /** {@code floor(energy · elapsed / duration)} without overflow, for {@code 0 <= elapsed <= duration}. */
    public static long energyBy(long energy, long elapsed, long duration) {
        if (elapsed == duration) {
            return energy;
        }
        long high = Math.multiplyHigh(energy, elapsed);
        long low = energy * elapsed;
        if (high == 0 && low >= 0) {
            return low / duration;
        }
        return BigInteger.valueOf(energy).multiply(BigInteger.valueOf(elapsed))
                .divide(BigInteger.valueOf(duration)).longValueExact();
    }
}
