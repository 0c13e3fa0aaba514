package io.chargeplane.charging.domain;

import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.session.EndCause;
import io.chargeplane.model.session.SessionLimits;
import io.chargeplane.model.session.SessionOrigin;
import io.chargeplane.model.session.SessionReading;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.model.session.SessionTopics;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;

import java.time.Instant;
import java.util.List;

/**
 * A charging session as charging-service keeps it: what {@link ChargingSessionChanged} publishes, plus what only
 * this service needs (the registry's id of the device, when it last heard of the session, when it last quoted).
 * Immutable; {@link SessionMachine} derives every next version.
 *
 * @param sequence how many changes the session has had; the next published change carries {@code sequence}
 * @param registryId device-service's id of the device (its REST path), null for a session the charger started
 * @param lastNewsAt wall-clock time of the last change or device event: what the timeout rule looks at
 * @param lastEventAt device time of the newest transaction event applied; older ones are stale
 * @param quotedAt when cost so far was last quoted, null before the first quote
 */
public record Session(String id, long sequence, TenantId tenant, DeviceId device, String registryId, EvseId evse,
                      ConnectorId connector, String site, SessionState state, SessionOrigin origin, String driver,
                      String idToken, String holdId, String transactionId, SessionLimits limits, Instant createdAt,
                      Instant startedAt, Instant endedAt, Energy meterStart, Energy meterStop, Energy energy,
                      Money costSoFar, List<SessionReading> readings, EndCause endCause, String failureReason,
                      Instant lastNewsAt, Instant lastEventAt, Instant quotedAt) {

    public Session {
        readings = readings == null ? List.of() : List.copyOf(readings);
        limits = limits == null ? SessionLimits.NONE : limits;
        energy = energy == null ? Energy.ZERO : energy;
    }

    /** A session a driver (or operator) asked for; it waits for money and the charger. */
    public static Session starting(String id, TenantId tenant, DeviceId device, String registryId, EvseId evse,
                                   ConnectorId connector, String site, SessionOrigin origin, String driver,
                                   String idToken, SessionLimits limits, Instant now) {
        return new Session(id, 1, tenant, device, registryId, evse, connector, site, SessionState.STARTING, origin,
                driver, idToken, null, null, limits, now, null, null, null, null, Energy.ZERO, null, List.of(), null,
                null, now, null, null);
    }

    /** A new session (not yet saved) that already knows its transaction id: a start the charger asked for. */
    public Session withFirstTransactionId(String transactionId) {
        if (sequence != 1) {
            throw new IllegalStateException("only a new session takes its transaction id this way");
        }
        Builder b = edit();
        b.transactionId = transactionId;
        return b.build();
    }

    /** The change to publish for this version of the session. */
    public ChargingSessionChanged toChanged(Instant occurredAt) {
        return new ChargingSessionChanged(id + ":" + sequence, sequence, id, tenant, device, evse, connector, site,
                state, origin, driver, idToken, holdId, transactionId, limits, createdAt, startedAt, endedAt,
                meterStart, meterStop, energy, costSoFar, readings, endCause, failureReason, occurredAt);
    }

    public String cloudEventType() {
        return SessionTopics.typeOf(state);
    }

    public boolean isOpen() {
        return !state.isFinal();
    }

    /** The register of the last reading, or null before the start. */
    public Energy lastRegister() {
        return readings.isEmpty() ? null : readings.getLast().register();
    }

    public SessionReading lastReading() {
        return readings.isEmpty() ? null : readings.getLast();
    }

    Builder edit() {
        return new Builder(this);
    }

    /** Copies a session with changed fields; every change goes through {@link SessionMachine}. */
    static final class Builder {
        String id;
        long sequence;
        TenantId tenant;
        DeviceId device;
        String registryId;
        EvseId evse;
        ConnectorId connector;
        String site;
        SessionState state;
        SessionOrigin origin;
        String driver;
        String idToken;
        String holdId;
        String transactionId;
        SessionLimits limits;
        Instant createdAt;
        Instant startedAt;
        Instant endedAt;
        Energy meterStart;
        Energy meterStop;
        Energy energy;
        Money costSoFar;
        List<SessionReading> readings;
        EndCause endCause;
        String failureReason;
        Instant lastNewsAt;
        Instant lastEventAt;
        Instant quotedAt;

        Builder(Session s) {
            id = s.id;
            sequence = s.sequence;
            tenant = s.tenant;
            device = s.device;
            registryId = s.registryId;
            evse = s.evse;
            connector = s.connector;
            site = s.site;
            state = s.state;
            origin = s.origin;
            driver = s.driver;
            idToken = s.idToken;
            holdId = s.holdId;
            transactionId = s.transactionId;
            limits = s.limits;
            createdAt = s.createdAt;
            startedAt = s.startedAt;
            endedAt = s.endedAt;
            meterStart = s.meterStart;
            meterStop = s.meterStop;
            energy = s.energy;
            costSoFar = s.costSoFar;
            readings = s.readings;
            endCause = s.endCause;
            failureReason = s.failureReason;
            lastNewsAt = s.lastNewsAt;
            lastEventAt = s.lastEventAt;
            quotedAt = s.quotedAt;
        }

        Session build() {
            return new Session(id, sequence, tenant, device, registryId, evse, connector, site, state, origin, driver,
                    idToken, holdId, transactionId, limits, createdAt, startedAt, endedAt, meterStart, meterStop,
                    energy, costSoFar, readings, endCause, failureReason, lastNewsAt, lastEventAt, quotedAt);
        }
    }
}
