package io.chargeplane.charging.domain;

import io.chargeplane.model.session.EndCause;
import io.chargeplane.model.session.SessionReading;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every change a session can go through, as pure functions from one version to the next. A function that has
 * nothing to change answers {@link Optional#empty()}: a duplicate, a stale or a late event leaves the session as
 * it was, which is what makes replaying the event stream after a restart safe. Readings are merged by time, so
 * device events applied in any order give the same readings.
 */
public final class SessionMachine {

    private SessionMachine() {
    }

    /** Billing took the pre-authorisation. */
    public static Session holdTaken(Session s, String holdId, Instant now) {
        Session.Builder b = s.edit();
        b.holdId = holdId;
        return next(s, b, s.state(), now);
    }

    /** The session never started: hold refused, charger refused or did not answer, cancelled before the start. */
    public static Session fail(Session s, String reason, Instant now) {
        if (s.state().isFinal()) {
            throw new SessionTransitions.IllegalTransitionException(s.state(), SessionState.FAILED);
        }
        SessionTransitions.require(s.state(), SessionState.FAILED);
        Session.Builder b = s.edit();
        b.failureReason = reason;
        b.endedAt = now;
        return next(s, b, SessionState.FAILED, now);
    }

    /** The platform assigned the charger's transaction id (OCPP 1.6 start_transaction). */
    public static Optional<Session> transactionAssigned(Session s, String transactionId, Instant now) {
        if (!s.isOpen() || transactionId.equals(s.transactionId())) {
            return Optional.empty();
        }
        Session.Builder b = s.edit();
        b.transactionId = transactionId;
        return Optional.of(next(s, b, s.state(), now));
    }

    /**
     * A session started with a card at the charger is created from the device's request alone, without its site;
     * the registry's site (and id) are filled in once they are known, so billing finds the site's tariff. A session
     * that has a site keeps it. Not a state change of its own: it rides along with the start or the end.
     */
    public static Session located(Session s, String registryId, String site) {
        if (s.site() != null || site == null) {
            return s;
        }
        Session.Builder b = s.edit();
        b.site = site;
        if (b.registryId == null) {
            b.registryId = registryId;
        }
        return b.build();
    }

    /** The charger reported the transaction's start. */
    public static Optional<Session> started(Session s, String transactionId, Energy meterStart, Instant startedAt,
                                            Instant now) {
        if (!s.isOpen() || s.startedAt() != null) {
            return Optional.empty();
        }
        Session.Builder b = s.edit();
        b.transactionId = transactionId;
        b.startedAt = startedAt;
        b.meterStart = meterStart;
        b.readings = merge(s.readings(), new SessionReading(startedAt, meterStart), startedAt);
        b.energy = energyOf(meterStart, b.readings);
        b.lastEventAt = latest(s.lastEventAt(), startedAt);
        return Optional.of(next(s, b, s.state() == SessionState.STARTING ? SessionState.ACTIVE : s.state(), now));
    }

    /** A register reading during the transaction. */
    public static Optional<Session> reading(Session s, Instant at, Energy register, Instant now) {
        if (!s.isOpen() || s.startedAt() == null || at.isBefore(s.startedAt())) {
            return Optional.empty();
        }
        List<SessionReading> merged = merge(s.readings(), new SessionReading(at, register), s.startedAt());
        if (merged.equals(s.readings())) {
            return Optional.empty();
        }
        Session.Builder b = s.edit();
        b.readings = merged;
        b.energy = energyOf(s.meterStart(), merged);
        b.lastEventAt = latest(s.lastEventAt(), at);
        return Optional.of(next(s, b, s.state(), now));
    }

    /**
     * The charger ended the transaction: COMPLETED with the final reading. The end cause is the one asked for when
     * a stop was requested, otherwise the charger's own.
     */
    public static Optional<Session> ended(Session s, String transactionId, Energy meterStart, Energy meterStop,
                                          Instant startedAt, Instant endedAt, Instant now) {
        if (!s.isOpen()) {
            return Optional.empty();
        }
        Session.Builder b = s.edit();
        b.transactionId = transactionId;
        if (s.startedAt() == null) {
            b.startedAt = startedAt == null || startedAt.isAfter(endedAt) ? endedAt : startedAt;
            b.meterStart = meterStart;
            b.readings = merge(s.readings(), new SessionReading(b.startedAt, meterStart), b.startedAt);
        }
        List<SessionReading> upToEnd = new ArrayList<>();
        for (SessionReading r : b.readings) {
            if (r.at().isBefore(endedAt) && r.register().compareTo(meterStop) <= 0) {
                upToEnd.add(r);
            }
        }
        upToEnd.add(new SessionReading(endedAt, meterStop));
        b.readings = upToEnd;
        b.meterStop = meterStop;
        b.endedAt = endedAt;
        b.energy = energyOf(b.meterStart, upToEnd);
        b.endCause = s.endCause() != null ? s.endCause() : EndCause.CHARGER;
        b.lastEventAt = latest(s.lastEventAt(), endedAt);
        return Optional.of(next(s, b, SessionState.COMPLETED, now));
    }

    /** A stop asked by the driver, an operator or a limit; the first cause wins. */
    public static Optional<Session> stopRequested(Session s, EndCause cause, Instant now) {
        if (s.state() == SessionState.STOPPING) {
            return Optional.empty();
        }
        SessionTransitions.require(s.state(), SessionState.STOPPING);
        Session.Builder b = s.edit();
        b.endCause = cause;
        return Optional.of(next(s, b, SessionState.STOPPING, now));
    }

    /** Billing's estimate of the cost so far; the time of the quote is kept for throttling. */
    public static Session quoted(Session s, Money cost, Instant now) {
        Session.Builder b = s.edit();
        b.costSoFar = cost;
        b.quotedAt = now;
        return next(s, b, s.state(), now);
    }

    /** Which limit, if any, the session has reached by {@code now}; only an ACTIVE session is stopped by one. */
    public static Optional<EndCause> limitReached(Session s, Instant now) {
        if (s.state() != SessionState.ACTIVE) {
            return Optional.empty();
        }
        if (s.limits().energy() != null && s.energy().compareTo(s.limits().energy()) >= 0) {
            return Optional.of(EndCause.ENERGY_LIMIT);
        }
        Money amount = s.limits().amount();
        if (amount != null && s.costSoFar() != null && s.costSoFar().currency().equals(amount.currency())
                && s.costSoFar().minorUnits() >= amount.minorUnits()) {
            return Optional.of(EndCause.AMOUNT_LIMIT);
        }
        if (s.limits().duration() != null && s.startedAt() != null
                && !now.isBefore(s.startedAt().plus(s.limits().duration()))) {
            return Optional.of(EndCause.TIME_LIMIT);
        }
        return Optional.empty();
    }

    /**
     * The timeout rule: a STARTING session without news fails; an ACTIVE or STOPPING one completes with the last
     * reading it has and end cause TIMEOUT.
     */
    public static Session timedOut(Session s, Instant now) {
        if (s.state() == SessionState.STARTING) {
            return fail(s, "the charger did not report the start in time", now);
        }
        SessionTransitions.require(s.state(), SessionState.COMPLETED);
        SessionReading last = s.lastReading();
        Session.Builder b = s.edit();
        b.meterStop = last.register();
        b.endedAt = last.at();
        b.endCause = EndCause.TIMEOUT;
        return next(s, b, SessionState.COMPLETED, now);
    }

    /** Inserts a reading in time order; a duplicate time or a register out of order with its neighbours is dropped. */
    static List<SessionReading> merge(List<SessionReading> readings, SessionReading reading, Instant startedAt) {
        if (reading.at().isBefore(startedAt)) {
            return readings;
        }
        int i = 0;
        while (i < readings.size() && readings.get(i).at().isBefore(reading.at())) {
            i++;
        }
        if (i < readings.size() && readings.get(i).at().equals(reading.at())) {
            return readings;
        }
        boolean afterPrevious = i == 0 || readings.get(i - 1).register().compareTo(reading.register()) <= 0;
        boolean beforeNext = i == readings.size() || reading.register().compareTo(readings.get(i).register()) <= 0;
        if (!afterPrevious || !beforeNext) {
            return readings;
        }
        List<SessionReading> merged = new ArrayList<>(readings);
        merged.add(i, reading);
        return List.copyOf(merged);
    }

    private static Energy energyOf(Energy meterStart, List<SessionReading> readings) {
        if (meterStart == null || readings.isEmpty()) {
            return Energy.ZERO;
        }
        return readings.getLast().register().minus(meterStart);
    }

    private static Instant latest(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }

    private static Session next(Session before, Session.Builder b, SessionState to, Instant now) {
        SessionTransitions.require(before.state(), to);
        b.state = to;
        b.sequence = before.sequence() + 1;
        b.lastNewsAt = now;
        return b.build();
    }
}
