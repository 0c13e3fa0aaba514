package io.chargeplane.billing.domain.tariff;

import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Overstay (占位费): a car left plugged in after charging ended pays for every started minute beyond the grace
 * period, up to an optional cap per session.
 *
 * @param perMinute major units per started minute
 * @param cap null for no cap
 */
public record IdleFee(Duration grace, BigDecimal perMinute, Money cap) {

    public IdleFee {
        Check.notNegative(grace, "grace");
        perMinute = Check.price(perMinute, "perMinute");
        Check.nonNegativeMoney(cap, "cap");
    }
}
