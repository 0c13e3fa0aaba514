package io.chargeplane.model.unit;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.chargeplane.model.Require;
import java.math.BigDecimal;

/**
 * Voltage in whole millivolts, never negative. YKC reports 0.1 V and OCPP decimal V; millivolts hold both
 * exactly. On the wire a plain JSON number of mV.
 */
public record Voltage(long millivolts) implements Comparable<Voltage> {

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Voltage {
        Require.atLeast(millivolts, 0L, "");
    }

    public static Voltage ofMillivolts(long millivolts) {
        return new Voltage(millivolts);
    }

    /** Exact to 1 mV; finer values are refused. */
    public static Voltage ofVolts(BigDecimal volts) {
        return new Voltage(Exact.scaled(volts, 3, "V"));
    }

    public BigDecimal toVolts() {
        return BigDecimal.valueOf(millivolts, 3);
    }

    @JsonValue
    @Override
    public long millivolts() {
        return millivolts;
    }

    @Override
    public int compareTo(Voltage other) {
        return Long.compare(millivolts, other.millivolts);
    }

    @Override
    public String toString() {
        return millivolts + " mV";
    }
}
