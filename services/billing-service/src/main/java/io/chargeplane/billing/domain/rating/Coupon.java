package io.chargeplane.billing.domain.rating;

import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import java.math.BigDecimal;

/**
 * A discount on the charging charge (energy, service, charging time and session fee, after the tariff's minimum
 * and cap; never on idle or parking fees).
 *
 * <p>Stacking rules, checked before anything is applied: codes are unique; a coupon that is not
 * {@code stackable} must be the only one; at most one {@link Percentage}. Order of application: every
 * {@link FreeEnergy} first, then every {@link FixedAmount} in the order given, then the {@link Percentage} on
 * what is left. No coupon takes the charging charge below zero.
 */
public sealed interface Coupon {

    String code();

    boolean stackable();

    /** Takes a fixed amount off. */
    record FixedAmount(String code, Money amount, boolean stackable) implements Coupon {
        public FixedAmount {
            requireCode(code);
            if (amount == null || amount.minorUnits() <= 0) {
                throw new RatingInputException("amount", "must be positive, was " + amount);
            }
        }
    }

    /** Takes a percentage (0 to 100, at most 6 decimals) off what is left after the other coupons. */
    record Percentage(String code, BigDecimal percent, boolean stackable) implements Coupon {
        public Percentage {
            requireCode(code);
            if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                    || percent.stripTrailingZeros().scale() > 6) {
                throw new RatingInputException("percent", "must be above 0 and at most 100 with at most 6 decimals, was "
                        + percent);
            }
        }
    }

    /**
     * Makes some energy free: both its electricity and its service fee. The free kWh are taken from the most
     * expensive kWh of the session (highest electricity + tier adjustment + service per kWh; ties go to the
     * rate listed first in the tariff, then the lower tier), so a driver always gets the most out of it and the
     * result does not depend on when in the session the expensive energy was drawn.
     */
    record FreeEnergy(String code, Energy energy, boolean stackable) implements Coupon {
        public FreeEnergy {
            requireCode(code);
            if (energy == null || energy.milliwattHours() == 0) {
                throw new RatingInputException("energy", "must be positive, was " + energy);
            }
        }
    }

    private static void requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new RatingInputException("code", "is required");
        }
    }
}
