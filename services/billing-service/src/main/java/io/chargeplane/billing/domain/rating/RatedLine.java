package io.chargeplane.billing.domain.rating;

import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One itemised line of a bill. The amount was rounded exactly once, from the exact product of quantity and unit
 * price, with {@code rounding}; adjustments and coupons are whole amounts already and say {@code UNNECESSARY}
 * unless they were computed (a percentage).
 *
 * @param rate the rate code for energy lines, else null
 * @param tier the ladder step for electricity lines, else null
 * @param reference the coupon code for coupon lines, else null
 * @param quantity in {@code unit}s; null for flat amounts
 * @param unit {@code kWh}, {@code min}, or the parking unit such as {@code PT1H}; null for flat amounts
 * @param unitPrice major units per unit; null for flat amounts
 */
public record RatedLine(LineKind kind, String rate, Integer tier, String reference, BigDecimal quantity, String unit,
                        BigDecimal unitPrice, Money amount, RoundingMode rounding) {

    static RatedLine flat(LineKind kind, String reference, Money amount, RoundingMode rounding) {
        return new RatedLine(kind, null, null, reference, null, null, null, amount, rounding);
    }
}
