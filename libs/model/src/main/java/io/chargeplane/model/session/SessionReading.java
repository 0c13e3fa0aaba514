package io.chargeplane.model.session;

import io.chargeplane.model.Require;
import io.chargeplane.model.unit.Energy;

import java.time.Instant;

/**
 * One reading of the energy register during a session, as the charger reported it: the input billing rates
 * time-of-use energy from.
 */
public record SessionReading(Instant at, Energy register) {

    public SessionReading {
        Require.present(at, "at");
        Require.present(register, "register");
    }
}
