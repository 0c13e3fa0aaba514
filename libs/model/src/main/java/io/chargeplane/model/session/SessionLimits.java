package io.chargeplane.model.session;

import io.chargeplane.model.Require;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;

import java.time.Duration;

/**
 * Limits a driver or the platform put on a session; each may be null (no limit). The amount limit is never
 * above the money held for the session.
 */
public record SessionLimits(Energy energy, Money amount, Duration duration) {

    public static final SessionLimits NONE = new SessionLimits(null, null, null);

    public SessionLimits {
        Require.that(energy == null || energy.milliwattHours() > 0, "energy", "must be positive");
        Require.that(amount == null || amount.minorUnits() > 0, "amount", "must be positive");
        Require.that(duration == null || (!duration.isNegative() && !duration.isZero()), "duration",
                "must be positive");
    }
}
