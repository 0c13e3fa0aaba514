package io.chargeplane.charging.domain;

import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.SessionLimits;
import io.chargeplane.model.session.SessionOrigin;
import io.chargeplane.model.unit.Energy;

import java.time.Instant;

/** Test-data builders for sessions. */
final class Sessions {

    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private Sessions() {
    }

    static Session aStartingSession(SessionLimits limits) {
        String id = CentralIdTokens.newSessionId();
        return Session.starting(id, TenantId.of("acme"), DeviceId.of("CP-1"), "registry-1", EvseId.of(1),
                ConnectorId.of(1), "site-1", SessionOrigin.APP, "driver-1", CentralIdTokens.valueFor(id), limits, T0);
    }

    static Session anActiveSession(SessionLimits limits, long meterStartWh) {
        return SessionMachine.started(aStartingSession(limits), "42", Energy.ofWh(meterStartWh), T0.plusSeconds(5),
                T0.plusSeconds(6)).orElseThrow();
    }

    static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }
}
