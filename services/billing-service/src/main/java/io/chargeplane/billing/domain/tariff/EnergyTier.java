package io.chargeplane.billing.domain.tariff;

import io.chargeplane.model.unit.Energy;
import java.math.BigDecimal;

/**
 * A step of a monthly energy ladder (阶梯电价): once the customer's energy in the month reaches {@code from},
 * every further kWh's electricity price changes by {@code electricityAdjustmentPerKwh} (major units, may be
 * negative for a volume discount). The first tier of a tariff starts at zero. The service fee is not tiered.
 */
public record EnergyTier(Energy from, BigDecimal electricityAdjustmentPerKwh) {

    public EnergyTier {
        Check.present(from, "from");
        electricityAdjustmentPerKwh = Check.scale(electricityAdjustmentPerKwh, "electricityAdjustmentPerKwh");
    }

    public static EnergyTier fromKwh(long kwh, String adjustmentPerKwh) {
        return new EnergyTier(Energy.ofMilliwattHours(Math.multiplyExact(kwh, 1_000_000L)), new BigDecimal(adjustmentPerKwh));
    }
}
