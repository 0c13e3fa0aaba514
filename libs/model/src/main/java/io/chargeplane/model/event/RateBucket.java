package io.chargeplane.model.event;

import io.chargeplane.model.Require;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;

/**
 * The part of a session's energy delivered under one tariff rate, as a device reports it (YKC 0x3B splits
 * sharp, peak, flat and valley).
 *
 * @param rate the rate's name in the tariff ("sharp", "peak", "flat", "valley", or a tariff's own names)
 * @param amount what the device computed for this bucket; may be null
 */
public record RateBucket(String rate, Energy energy, Money amount) {

    public RateBucket {
        Require.text(rate, "rate", 32);
        Require.present(energy, "energy");
    }

    public static RateBucket of(String rate, Energy energy) {
        return new RateBucket(rate, energy, null);
    }
}
