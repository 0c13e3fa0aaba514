package io.chargeplane.model.session;

import io.chargeplane.model.Require;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;

import java.time.Instant;
import java.util.List;

/**
 * One state change of a charging session, as charging-service publishes it through its outbox. It carries the
 * whole session as it is after the change, so a consumer never needs an earlier event to act on a later one.
 *
 * @param eventId unique per change ({@code sessionId:sequence}); consumers de-duplicate on it
 * @param sequence 1 for the first change of a session, then +1 per change; lets a consumer drop re-ordered
 *                 stale copies
 * @param site the station's site when the registry knows it; tariffs may be scoped to it
 * @param driver the wallet owner (Keycloak subject) paying for the session; null for a local session whose token
 *               has no owner
 * @param idToken the token that authorised the session (RFID uid, app token), when there is one
 * @param holdId billing's pre-authorisation hold for the session; null when none was taken
 * @param transactionId the charger's transaction id once it reported the start
 * @param meterStart the register when the transaction started; null before
 * @param meterStop the final register; set on {@link SessionState#COMPLETED}
 * @param energy energy delivered so far ({@code lastReading - meterStart}); zero before the start
 * @param costSoFar the estimate of the cost so far, for display and amount limits; billing rates the final cost
 * @param readings every register reading of the session in time order, starting with {@code meterStart} and
 *                 (when completed) ending with {@code meterStop}
 * @param endCause why it ended; set on {@link SessionState#COMPLETED} and on a stop request
 * @param failureReason a human-readable reason on {@link SessionState#FAILED}
 */
public record ChargingSessionChanged(String eventId, long sequence, String sessionId, TenantId tenant, DeviceId device,
                                     EvseId evse, ConnectorId connector, String site, SessionState state,
                                     SessionOrigin origin, String driver, String idToken, String holdId,
                                     String transactionId, SessionLimits limits, Instant createdAt,
                                     Instant startedAt, Instant endedAt, Energy meterStart, Energy meterStop,
                                     Energy energy, Money costSoFar, List<SessionReading> readings,
                                     EndCause endCause, String failureReason, Instant occurredAt) {

    public ChargingSessionChanged {
        Require.text(eventId, "eventId", 160);
        Require.atLeast(sequence, 1, "sequence");
        Require.text(sessionId, "sessionId", 64);
        Require.present(tenant, "tenant");
        Require.present(device, "device");
        Require.present(evse, "evse");
        Require.optionalText(site, "site", 120);
        Require.present(state, "state");
        Require.present(origin, "origin");
        Require.optionalText(driver, "driver", 200);
        Require.optionalText(idToken, "idToken", 64);
        Require.optionalText(holdId, "holdId", 64);
        Require.optionalText(transactionId, "transactionId", 64);
        limits = limits == null ? SessionLimits.NONE : limits;
        Require.present(createdAt, "createdAt");
        Require.present(energy, "energy");
        readings = Require.listOf(readings, "readings");
        Require.present(occurredAt, "occurredAt");
        checkReadingsInOrder(readings);
        if (state == SessionState.COMPLETED) {
            Require.present(startedAt, "startedAt");
            Require.present(endedAt, "endedAt");
            Require.present(meterStart, "meterStart");
            Require.present(meterStop, "meterStop");
            Require.present(endCause, "endCause");
            Require.that(meterStop.compareTo(meterStart) >= 0, "meterStop", "must not be below meterStart");
            Require.that(!endedAt.isBefore(startedAt), "endedAt", "must not be before startedAt");
        }
        if (state == SessionState.FAILED) {
            Require.text(failureReason, "failureReason", 500);
        }
    }

    /** The Kafka record key: one session's changes stay on one partition, in order. */
    public String key() {
        return tenant.value() + ":" + sessionId;
    }

    private static void checkReadingsInOrder(List<SessionReading> readings) {
        for (int i = 1; i < readings.size(); i++) {
            SessionReading previous = readings.get(i - 1);
            SessionReading next = readings.get(i);
            Require.that(!next.at().isBefore(previous.at()), "readings[" + i + "].at", "must not be before the one before");
            Require.that(next.register().compareTo(previous.register()) >= 0, "readings[" + i + "].register",
                    "must not be below the one before");
        }
    }
}
