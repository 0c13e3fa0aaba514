package io.chargeplane.model.command;

import io.chargeplane.model.ModelValidationException;
import io.chargeplane.model.unit.Current;
import io.chargeplane.model.unit.Power;

/**
 * A ceiling on charging, in watts or in amperes, never both: chargers limit either power or per-phase
 * current and converting between them needs the phase count and voltage, which only the adapter knows.
 *
 * @param power set for a power limit, else null
 * @param current set for a current limit (per phase), else null
 */
public record ChargingLimit(Power power, Current current) {

    public ChargingLimit {
        if ((power == null) == (current == null)) {
            throw new ModelValidationException("", "exactly one of power or current must be set");
        }
        if (power != null && power.watts() < 0) {
            throw new ModelValidationException("power", "must be >= 0");
        }
        if (current != null && current.milliamperes() < 0) {
            throw new ModelValidationException("current", "must be >= 0");
        }
    }

    public static ChargingLimit ofPower(Power power) {
        return new ChargingLimit(power, null);
    }

    public static ChargingLimit ofCurrent(Current current) {
        return new ChargingLimit(null, current);
    }
}
