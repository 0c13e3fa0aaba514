package io.chargeplane.model.unit;

import io.chargeplane.model.ModelValidationException;
import java.math.BigDecimal;

/** Converts decimal readings into whole base units without ever rounding. */
final class Exact {

    private Exact() {
    }

    /**
     * {@code value × 10^shift} as a long, or a validation error when that is not a whole number or does not
     * fit: silently rounding a meter reading would make rate buckets and invoices disagree.
     */
    static long scaled(BigDecimal value, int shift, String unit) {
        if (value == null) {
            throw new ModelValidationException("", "is required");
        }
        BigDecimal scaled = value.movePointRight(shift);
        try {
            return scaled.longValueExact();
        } catch (ArithmeticException e) {
            throw new ModelValidationException("", value.toPlainString() + " " + unit
                    + " is not a whole number of base units or is out of range (" + scaled.toPlainString() + ")", e);
        }
    }

    static long add(long a, long b, String what) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new ModelValidationException("", what + " overflows", e);
        }
    }

    static long subtract(long a, long b, String what) {
        try {
            return Math.subtractExact(a, b);
        } catch (ArithmeticException e) {
            throw new ModelValidationException("", what + " overflows", e);
        }
    }
}
