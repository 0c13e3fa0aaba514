package io.chargeplane.billing.domain.charging;

import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.session.EndCause;
import io.chargeplane.model.session.SessionOrigin;
import io.chargeplane.model.session.SessionReading;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class SessionDecisionTest {

    private static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");

    static ChargingSessionChanged event(SessionState state, long sequence, String holdId) {
        boolean done = state == SessionState.COMPLETED;
        return new ChargingSessionChanged("s-1:" + sequence, sequence, "s-1", TenantId.of("acme"), DeviceId.of("cp-1"),
                EvseId.of(1), ConnectorId.of(1), "hq", state, SessionOrigin.values()[0], "driver-1", null, holdId, "tx-1",
                null, T0, T0, done ? T0.plusSeconds(3600) : null, Energy.ZERO, done ? Energy.ofWh(10_000) : null,
                done ? Energy.ofWh(10_000) : Energy.ZERO, null,
                done ? List.of(new SessionReading(T0, Energy.ZERO), new SessionReading(T0.plusSeconds(3600), Energy.ofWh(10_000)))
                        : List.of(),
                done ? EndCause.values()[0] : null, state == SessionState.FAILED ? "charger refused" : null, T0);
    }

    @Test
    void onlyTheEndOfASessionIsActedOn() {
        for (SessionState state : List.of(SessionState.STARTING, SessionState.ACTIVE, SessionState.STOPPING)) {
            assertEquals(SessionDecision.IGNORE, SessionDecision.of(event(state, 2, "h"), false), state.name());
        }
        assertEquals(SessionDecision.RATE, SessionDecision.of(event(SessionState.COMPLETED, 5, null), false));
    }

    @Test
    void aSecondCompletedCopyOrAStaleActiveAfterItChangesNothing() {
        assertEquals(SessionDecision.IGNORE, SessionDecision.of(event(SessionState.COMPLETED, 6, null), true));
        assertEquals(SessionDecision.IGNORE, SessionDecision.of(event(SessionState.ACTIVE, 3, null), true));
    }

    @Test
    void aFailedSessionReleasesItsHoldUnlessItWasRatedOrHadNone() {
        assertEquals(SessionDecision.RELEASE_HOLD, SessionDecision.of(event(SessionState.FAILED, 2, "h-1"), false));
        assertEquals(SessionDecision.IGNORE, SessionDecision.of(event(SessionState.FAILED, 2, null), false));
        assertEquals(SessionDecision.IGNORE, SessionDecision.of(event(SessionState.FAILED, 2, "h-1"), true));
    }

    @Test
    void anOpenHoldIsCapturedAndAWalletWithoutHoldIsDebited() {
        Money total = Money.ofMinor(1234, "CNY");
        UUID hold = UUID.randomUUID();
        assertInstanceOf(ChargePlan.CaptureHold.class,
                ChargePlan.of("d", new ChargePlan.HoldFacts(hold, "d", "HELD", 0, "CNY"), total));
        assertEquals(new ChargePlan.DebitWallet("d", total), ChargePlan.of("d", null, total));
        assertEquals(new ChargePlan.DebitWallet("d", total),
                ChargePlan.of("d", new ChargePlan.HoldFacts(hold, "d", "RELEASED", 0, "CNY"), total));
    }

    @Test
    void aCapturedHoldIsNotChargedAgainAndNoPayerMeansUnassigned() {
        Money total = Money.ofMinor(1234, "CNY");
        UUID hold = UUID.randomUUID();
        assertEquals(new ChargePlan.AlreadyCaptured(hold, Money.ofMinor(1000, "CNY")),
                ChargePlan.of("d", new ChargePlan.HoldFacts(hold, "d", "CAPTURED", 1000, "CNY"), total));
        assertEquals(new ChargePlan.Unassigned(total), ChargePlan.of(null, null, total));
        assertEquals(new ChargePlan.Nothing(), ChargePlan.of("d", null, Money.zero(total.currency())));
    }
}
