package io.chargeplane.charging.domain;

import io.chargeplane.model.session.EndCause;
import io.chargeplane.model.session.SessionLimits;
import io.chargeplane.model.session.SessionReading;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.chargeplane.charging.domain.Sessions.aStartingSession;
import static io.chargeplane.charging.domain.Sessions.anActiveSession;
import static io.chargeplane.charging.domain.Sessions.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionMachineTest {

    @Test
    void chargerStartMakesAStartingSessionActiveWithMeterStartAsFirstReading() {
        Session active = anActiveSession(SessionLimits.NONE, 1000);
        assertEquals(SessionState.ACTIVE, active.state());
        assertEquals("42", active.transactionId());
        assertEquals(List.of(new SessionReading(at(5), Energy.ofWh(1000))), active.readings());
        assertEquals(2, active.sequence());
        assertEquals(Energy.ZERO, active.energy());
    }

    @Test
    void secondStartOfTheSameSessionChangesNothing() {
        Session active = anActiveSession(SessionLimits.NONE, 1000);
        assertTrue(SessionMachine.started(active, "42", Energy.ofWh(1000), at(5), at(7)).isEmpty());
    }

    @Test
    void readingsUpdateEnergyAndDuplicatesChangeNothing() {
        Session s = anActiveSession(SessionLimits.NONE, 1000);
        s = SessionMachine.reading(s, at(60), Energy.ofWh(1500), at(61)).orElseThrow();
        assertEquals(Energy.ofWh(500), s.energy());
        assertTrue(SessionMachine.reading(s, at(60), Energy.ofWh(1500), at(62)).isEmpty());
    }

    @Test
    void readingsAppliedInAnyOrderGiveTheSameSession() {
        List<Integer> minutes = new ArrayList<>(List.of(1, 2, 3, 4, 5, 6, 7, 8));
        Session inOrder = applyReadings(anActiveSession(SessionLimits.NONE, 0), minutes);
        for (long seed = 0; seed < 20; seed++) {
            List<Integer> shuffled = new ArrayList<>(minutes);
            Collections.shuffle(shuffled, new Random(seed));
            shuffled.add(shuffled.get(0));
            Session reordered = applyReadings(anActiveSession(SessionLimits.NONE, 0), shuffled);
            assertEquals(inOrder.readings(), reordered.readings());
            assertEquals(inOrder.energy(), reordered.energy());
        }
    }

    private static Session applyReadings(Session s, List<Integer> minutes) {
        for (int m : minutes) {
            Optional<Session> next = SessionMachine.reading(s, at(m * 60L), Energy.ofWh(m * 100L), at(1000));
            if (next.isPresent()) {
                s = next.get();
            }
        }
        return s;
    }

    @Test
    void readingBeforeTheStartOrOutOfRegisterOrderIsDropped() {
        Session s = anActiveSession(SessionLimits.NONE, 1000);
        assertTrue(SessionMachine.reading(s, at(1), Energy.ofWh(1000), at(10)).isEmpty());
        s = SessionMachine.reading(s, at(120), Energy.ofWh(2000), at(121)).orElseThrow();
        assertTrue(SessionMachine.reading(s, at(60), Energy.ofWh(2500), at(122)).isEmpty(), "above a later register");
    }

    @Test
    void chargerEndCompletesWithTheFinalReadingAndChargerAsCause() {
        Session s = anActiveSession(SessionLimits.NONE, 1000);
        s = SessionMachine.reading(s, at(60), Energy.ofWh(1500), at(61)).orElseThrow();
        Session done = SessionMachine.ended(s, "42", Energy.ofWh(1000), Energy.ofWh(1800), at(5), at(90), at(91))
                .orElseThrow();
        assertEquals(SessionState.COMPLETED, done.state());
        assertEquals(EndCause.CHARGER, done.endCause());
        assertEquals(Energy.ofWh(800), done.energy());
        assertEquals(new SessionReading(at(90), Energy.ofWh(1800)), done.readings().getLast());
        assertEquals(done.readings().getFirst().register(), done.meterStart());
        done.toChanged(at(91));
        assertTrue(SessionMachine.ended(done, "42", Energy.ofWh(1000), Energy.ofWh(1900), at(5), at(95), at(96)).isEmpty(),
                "a completed session never changes");
    }

    @Test
    void endAfterAStopRequestKeepsTheRequestedCause() {
        Session s = SessionMachine.stopRequested(anActiveSession(SessionLimits.NONE, 0), EndCause.DRIVER, at(30)).orElseThrow();
        assertEquals(SessionState.STOPPING, s.state());
        assertTrue(SessionMachine.stopRequested(s, EndCause.OPERATOR, at(31)).isEmpty(), "the first cause wins");
        Session done = SessionMachine.ended(s, "42", Energy.ZERO, Energy.ofWh(10), null, at(40), at(41)).orElseThrow();
        assertEquals(EndCause.DRIVER, done.endCause());
    }

    @Test
    void startAndEndArrivingTogetherCompleteAStartingSession() {
        Session done = SessionMachine.ended(aStartingSession(SessionLimits.NONE), "7", Energy.ofWh(10), Energy.ofWh(20),
                at(5), at(50), at(51)).orElseThrow();
        assertEquals(SessionState.COMPLETED, done.state());
        assertEquals(at(5), done.startedAt());
        assertEquals(Energy.ofWh(10), done.energy());
    }

    @Test
    void energyLimitIsReachedAtTheLimit() {
        Session s = anActiveSession(new SessionLimits(Energy.ofWh(500), null, null), 1000);
        s = SessionMachine.reading(s, at(60), Energy.ofWh(1499), at(61)).orElseThrow();
        assertTrue(SessionMachine.limitReached(s, at(61)).isEmpty());
        s = SessionMachine.reading(s, at(120), Energy.ofWh(1500), at(121)).orElseThrow();
        assertEquals(Optional.of(EndCause.ENERGY_LIMIT), SessionMachine.limitReached(s, at(121)));
    }

    @Test
    void amountLimitIsReachedByTheQuotedCostInTheSameCurrency() {
        Session s = anActiveSession(new SessionLimits(null, Money.ofMinor(1000, "CNY"), null), 0);
        assertTrue(SessionMachine.limitReached(SessionMachine.quoted(s, Money.ofMinor(999, "CNY"), at(30)), at(30)).isEmpty());
        assertTrue(SessionMachine.limitReached(SessionMachine.quoted(s, Money.ofMinor(5000, "EUR"), at(30)), at(30)).isEmpty());
        assertEquals(Optional.of(EndCause.AMOUNT_LIMIT),
                SessionMachine.limitReached(SessionMachine.quoted(s, Money.ofMinor(1000, "CNY"), at(30)), at(30)));
    }

    @Test
    void timeLimitCountsFromTheChargerStart() {
        Session s = anActiveSession(new SessionLimits(null, null, Duration.ofMinutes(30)), 0);
        assertTrue(SessionMachine.limitReached(s, at(5).plus(Duration.ofMinutes(30)).minusSeconds(1)).isEmpty());
        assertEquals(Optional.of(EndCause.TIME_LIMIT), SessionMachine.limitReached(s, at(5).plus(Duration.ofMinutes(30))));
    }

    @Test
    void limitsOnlyStopActiveSessions() {
        Session s = SessionMachine.stopRequested(anActiveSession(new SessionLimits(Energy.ofWh(1), null, null), 0),
                EndCause.DRIVER, at(10)).orElseThrow();
        s = SessionMachine.reading(s, at(60), Energy.ofWh(5), at(61)).orElseThrow();
        assertTrue(SessionMachine.limitReached(s, at(61)).isEmpty());
    }

    @Test
    void timeoutFailsAStartingSessionAndCompletesARunningOneWithItsLastReading() {
        Session failed = SessionMachine.timedOut(aStartingSession(SessionLimits.NONE), at(300));
        assertEquals(SessionState.FAILED, failed.state());
        Session s = SessionMachine.reading(anActiveSession(SessionLimits.NONE, 100), at(60), Energy.ofWh(400), at(61)).orElseThrow();
        Session done = SessionMachine.timedOut(s, at(10_000));
        assertEquals(SessionState.COMPLETED, done.state());
        assertEquals(EndCause.TIMEOUT, done.endCause());
        assertEquals(Energy.ofWh(400), done.meterStop());
        assertEquals(at(60), done.endedAt());
        done.toChanged(at(10_000));
    }

    @Test
    void everyChangeAdvancesTheSequenceByOne() {
        Session s = aStartingSession(SessionLimits.NONE);
        assertEquals(1, s.sequence());
        s = SessionMachine.holdTaken(s, "hold-1", at(1));
        assertEquals(2, s.sequence());
        assertEquals(s.id() + ":2", s.toChanged(at(1)).eventId());
    }

    @Test
    void finalSessionsRefuseStopsAndFailures() {
        Session failed = SessionMachine.fail(aStartingSession(SessionLimits.NONE), "hold refused", at(1));
        assertThrows(SessionTransitions.IllegalTransitionException.class,
                () -> SessionMachine.stopRequested(failed, EndCause.DRIVER, at(2)));
        assertThrows(SessionTransitions.IllegalTransitionException.class, () -> SessionMachine.fail(failed, "again", at(2)));
        assertNull(SessionMachine.limitReached(failed, at(2)).orElse(null));
    }

    @Test
    void aCardSessionWithoutASiteLearnsTheRegistrysSiteAndCarriesItToCompletion() {
        Session local = aCardSessionAtTheCharger();
        assertNull(local.site());
        Session located = SessionMachine.located(local, "reg-1", "site-7");
        Session done = SessionMachine.ended(located, "7", Energy.ofWh(10), Energy.ofWh(20), at(0), at(60), at(61))
                .orElseThrow();
        assertEquals("site-7", done.site());
        assertEquals("site-7", done.toChanged(at(61)).site());
        assertEquals(local.sequence() + 1, done.sequence(), "locating is not a change of its own");
    }

    @Test
    void aSessionThatHasASiteKeepsIt() {
        Session app = aStartingSession(SessionLimits.NONE);
        assertEquals(app, SessionMachine.located(app, "reg-2", "another-site"));
        Session local = aCardSessionAtTheCharger();
        assertEquals(local, SessionMachine.located(local, "reg-2", null));
    }

    /** As the device request creates it: the device's identity and the card's owner, no registry id, no site. */
    private static Session aCardSessionAtTheCharger() {
        return Session.starting(CentralIdTokens.newSessionId(), io.chargeplane.model.id.TenantId.of("acme"),
                io.chargeplane.model.id.DeviceId.of("CP-1"), null, io.chargeplane.model.id.EvseId.of(1),
                io.chargeplane.model.id.ConnectorId.of(1), null, io.chargeplane.model.session.SessionOrigin.LOCAL,
                "driver-1", "CARD-1", SessionLimits.NONE, Sessions.T0);
    }
}
