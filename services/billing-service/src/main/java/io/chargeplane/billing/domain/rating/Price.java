package io.chargeplane.billing.domain.rating;

import java.math.BigDecimal;

/**
 * A tariff price (major units per kWh, minute or unit) prepared once per tariff version: the decimal for invoice
 * lines, and its unscaled value and scale for the integer fast path of {@link Pricing}.
 */
final class Price {

    final BigDecimal value;
    final long unscaled;
    final int scale;
    /** False when the unscaled value does not fit a long; {@link Pricing} then uses BigDecimal only. */
    final boolean compact;

    Price(BigDecimal value) {
        BigDecimal normal = value.scale() < 0 ? value.setScale(0) : value;
        this.value = value;
        this.scale = normal.scale();
        this.compact = normal.unscaledValue().bitLength() < 63;
        this.unscaled = compact ? normal.unscaledValue().longValue() : 0;
    }
}
