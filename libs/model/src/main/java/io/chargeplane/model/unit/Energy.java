package io.chargeplane.model.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;
import java.math.BigDecimal;
import java.util.Collection;

/**
 * An amount of electrical energy in whole milliwatt-hours.
 *
 * <p>Why milliwatt-hours in a long: YKC reports kWh with four decimals (0.1 Wh) and OCPP meter values may
 * carry decimal Wh, and per-rate buckets must add up to the session total exactly. An integer base unit
 * fine enough for both makes that sum exact; a long holds 9.2 TWh, far beyond any meter register.
 * Factories from decimal Wh or kWh refuse (rather than round) anything finer than 1 mWh.
 * Energy is never negative. On the wire it is a plain JSON number of mWh.
 */
public record Energy(long milliwattHours) implements Comparable<Energy> {

    public static final Energy ZERO = new Energy(0);

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Energy {
        Require.atLeast(milliwattHours, 0L, "");
    }

    public static Energy ofMilliwattHours(long milliwattHours) {
        return new Energy(milliwattHours);
    }

    public static Energy ofWh(long wattHours) {
        return new Energy(Exact.scaled(BigDecimal.valueOf(wattHours), 3, "Wh"));
    }

    /** Exact: {@code 12.3456} Wh is 12345.6 mWh and is refused. */
    public static Energy ofWh(BigDecimal wattHours) {
        return new Energy(Exact.scaled(wattHours, 3, "Wh"));
    }

    /** Exact: YKC's {@code 12.3456} kWh is 12,345,600 mWh. */
    public static Energy ofKwh(BigDecimal kilowattHours) {
        return new Energy(Exact.scaled(kilowattHours, 6, "kWh"));
    }

    public Energy plus(Energy other) {
        return new Energy(Exact.add(milliwattHours, other.milliwattHours, "energy"));
    }

    /** The difference; refuses to go below zero because a negative amount of energy means a bug upstream. */
    public Energy minus(Energy other) {
        return new Energy(Exact.subtract(milliwattHours, other.milliwattHours, "energy"));
    }

    public static Energy sum(Collection<Energy> parts) {
        Energy total = ZERO;
        for (Energy part : parts) {
            total = total.plus(part);
        }
        return total;
    }

    public BigDecimal toWh() {
        return BigDecimal.valueOf(milliwattHours, 3);
    }

    public BigDecimal toKwh() {
        return BigDecimal.valueOf(milliwattHours, 6);
    }

    @JsonValue
    @Override
    public long milliwattHours() {
        return milliwattHours;
    }

    @Override
    public int compareTo(Energy other) {
        return Long.compare(milliwattHours, other.milliwattHours);
    }

    @Override
    public String toString() {
        return milliwattHours + " mWh";
    }
}
