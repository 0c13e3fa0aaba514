package io.chargeplane.billing.domain.tariff;

import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Parking while charging: the stay (gate entry to exit, or lock raised to lowered) is free for
 * {@code freePeriod}, then costs {@code perUnit} for every started {@code unit}, up to an optional cap per stay.
 *
 * @param perUnit major units per started unit
 * @param cap null for no cap
 */
public record ParkingFee(Duration freePeriod, Duration unit, BigDecimal perUnit, Money cap) {

    public ParkingFee {
        Check.notNegative(freePeriod, "freePeriod");
        Check.positive(unit, "unit");
        perUnit = Check.price(perUnit, "perUnit");
        Check.nonNegativeMoney(cap, "cap");
    }
}
