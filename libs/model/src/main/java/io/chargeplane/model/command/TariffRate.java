package io.chargeplane.model.command;

import io.chargeplane.model.Require;
import java.math.BigDecimal;

/**
 * Prices of one named rate per kWh, in major currency units.
 *
 * <p>Why BigDecimal and not minor units: unit prices are finer than the currency's minor unit (YKC carries
 * five decimals of a yuan per kWh). Values are normalised (trailing zeros stripped) so equal prices are
 * equal records, and limited to six decimals.
 *
 * @param name the rate name time slots refer to ("sharp", "peak", "flat", "valley")
 * @param energyPerKwh electricity price per kWh
 * @param servicePerKwh service fee per kWh; may be null when the tariff has none
 */
public record TariffRate(String name, BigDecimal energyPerKwh, BigDecimal servicePerKwh) {

    static final int MAX_SCALE = 6;

    public TariffRate {
        Require.text(name, "name", 32);
        energyPerKwh = price(energyPerKwh, "energyPerKwh");
        servicePerKwh = servicePerKwh == null ? null : price(servicePerKwh, "servicePerKwh");
    }

    private static BigDecimal price(BigDecimal value, String field) {
        Require.present(value, field);
        Require.that(value.signum() >= 0, field, "must be >= 0");
        BigDecimal normalised = value.stripTrailingZeros();
        Require.that(normalised.scale() <= MAX_SCALE, field, "must have at most " + MAX_SCALE + " decimals");
        return normalised.scale() < 0 ? normalised.setScale(0) : normalised;
    }
}
