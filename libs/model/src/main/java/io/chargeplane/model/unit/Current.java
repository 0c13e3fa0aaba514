package io.chargeplane.model.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

/**
 * Electric current in whole milliamperes. Chargers report 0.1 A (YKC) or decimal A (OCPP); milliamperes
 * hold both exactly. Positive flows to the vehicle. On the wire a plain JSON number of mA.
 */
public record Current(long milliamperes) implements Comparable<Current> {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Current {
    }

    public static Current ofMilliamperes(long milliamperes) {
        return new Current(milliamperes);
    }

    /** Exact to 1 mA; finer values are refused. */
    public static Current ofAmperes(BigDecimal amperes) {
        return new Current(Exact.scaled(amperes, 3, "A"));
    }

    public BigDecimal toAmperes() {
        return BigDecimal.valueOf(milliamperes, 3);
    }

    @JsonValue
    @Override
    public long milliamperes() {
        return milliamperes;
    }

    @Override
    public int compareTo(Current other) {
        return Long.compare(milliamperes, other.milliamperes);
    }

    @Override
    public String toString() {
        return milliamperes + " mA";
    }
}
