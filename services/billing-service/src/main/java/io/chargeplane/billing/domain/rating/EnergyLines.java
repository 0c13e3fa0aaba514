package io.chargeplane.billing.domain.rating;

import io.chargeplane.billing.domain.tariff.Rate;
import io.chargeplane.billing.domain.tariff.TariffVersion;
import io.chargeplane.model.unit.Money;
import java.util.List;

/** Electricity lines per (rate, tier) and service lines per rate, each rounded once. */
final class EnergyLines {

    private EnergyLines() {
    }

    /** Adds the lines and returns their sum in minor units. */
    static long add(CompiledTariff tariff, Pricing pricing, Metering metering, List<RatedLine> lines) {
        TariffVersion version = tariff.version;
        long sum = 0;
        for (int rate = 0; rate < tariff.rateCount; rate++) {
            Rate definition = version.rates().get(rate);
            for (int tier = 0; tier < tariff.tierCount; tier++) {
                long energy = metering.energy(rate, tier);
                if (energy > 0) {
                    Price price = tariff.electricity[rate][tier];
                    long amount = pricing.energy(price, energy);
                    sum = Math.addExact(sum, amount);
                    lines.add(new RatedLine(LineKind.ELECTRICITY, definition.code(), tier, null, Pricing.kwh(energy),
                            "kWh", price.value, Money.ofMinor(amount, pricing.currency()), pricing.rounding()));
                }
            }
        }
        for (int rate = 0; rate < tariff.rateCount; rate++) {
            Rate definition = version.rates().get(rate);
            long energy = 0;
            for (int tier = 0; tier < tariff.tierCount; tier++) {
                energy += metering.energy(rate, tier);
            }
            if (energy > 0 && definition.servicePerKwh().signum() > 0) {
                long amount = pricing.energy(tariff.service[rate], energy);
                sum = Math.addExact(sum, amount);
                lines.add(new RatedLine(LineKind.SERVICE, definition.code(), null, null, Pricing.kwh(energy), "kWh",
                        definition.servicePerKwh(), Money.ofMinor(amount, pricing.currency()), pricing.rounding()));
            }
        }
        return sum;
    }
}
