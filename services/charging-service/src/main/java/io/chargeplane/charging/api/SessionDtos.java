package io.chargeplane.charging.api;

import io.chargeplane.charging.domain.Session;
import io.chargeplane.model.session.SessionLimits;
import io.chargeplane.model.session.SessionReading;
import io.chargeplane.model.unit.Energy;
import io.chargeplane.model.unit.Money;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The JSON of the session API. Energy is in milliwatt-hours, money in minor units with its currency. */
public final class SessionDtos {

    private SessionDtos() {
    }

    @Schema(description = "Limits on a session; each may be omitted")
    public record Limits(@Schema(description = "Stop after this much energy, in Wh") Long energyWh,
                         @Schema(description = "Stop when the cost so far reaches this; also the amount held") Amount amount,
                         @Schema(description = "Stop after this many minutes") Long durationMinutes) {

        SessionLimits toModel() {
            return new SessionLimits(energyWh == null ? null : Energy.ofWh(energyWh),
                    amount == null ? null : amount.toModel("limits.amount"),
                    durationMinutes == null ? null : Duration.ofMinutes(durationMinutes));
        }

        static Limits of(SessionLimits l) {
            return new Limits(l.energy() == null ? null : l.energy().milliwattHours() / 1000,
                    l.amount() == null ? null : Amount.of(l.amount()),
                    l.duration() == null ? null : l.duration().toMinutes());
        }
    }

    public record Amount(Long minorUnits, String currency) {

        Money toModel(String field) {
            if (minorUnits == null || currency == null) {
                throw io.chargeplane.platform.error.ProblemException.invalidField(field, "needs minorUnits and currency");
            }
            return Money.ofMinor(minorUnits, currency);
        }

        static Amount of(Money m) {
            return m == null ? null : new Amount(m.minorUnits(), m.currency().getCurrencyCode());
        }
    }

    @Schema(description = "The content of a connector's QR code, and optional limits")
    public record Start(@Schema(description = "The station's registry identity (OCPP station id)") String station,
                        @Schema(description = "EVSE number, from 1") Integer evse,
                        @Schema(description = "Connector number within the EVSE; omitted lets the charger pick") Integer connector,
                        Limits limits) {
    }

    public record Reading(Instant at, long registerMwh) {
        static Reading of(SessionReading r) {
            return new Reading(r.at(), r.register().milliwattHours());
        }
    }

    @Schema(description = "A charging session")
    public record View(String id, long sequence, String tenantId, String station, int evse, Integer connector,
                       String site, String state, String origin, String driver, String idToken, String holdId,
                       String transactionId, Limits limits, Instant createdAt, Instant startedAt, Instant endedAt,
                       Long meterStartMwh, Long meterStopMwh, long energyMwh, Amount costSoFar,
                       List<Reading> readings, String endCause, String failureReason) {

        static View of(Session s) {
            return new View(s.id(), s.sequence(), s.tenant().value(), s.device().value(), s.evse().value(),
                    s.connector() == null ? null : s.connector().value(), s.site(), s.state().name(), s.origin().name(),
                    s.driver(), s.idToken(), s.holdId(), s.transactionId(), Limits.of(s.limits()), s.createdAt(),
                    s.startedAt(), s.endedAt(), s.meterStart() == null ? null : s.meterStart().milliwattHours(),
                    s.meterStop() == null ? null : s.meterStop().milliwattHours(), s.energy().milliwattHours(),
                    Amount.of(s.costSoFar()), s.readings().stream().map(Reading::of).toList(),
                    s.endCause() == null ? null : s.endCause().name(), s.failureReason());
        }
    }

    @Schema(description = "A change of a session as published on chargeplane.charging-sessions.v1")
    public record Change(@Schema(description = "The CloudEvents id (ce_id): sessionId:sequence") String eventId,
                         long sequence, String state, @Schema(description = "The CloudEvents type (ce_type)") String type,
                         Instant occurredAt,
                         @Schema(description = "When Kafka acknowledged it; null while it waits in the outbox") Instant publishedAt) {
        static Change of(io.chargeplane.charging.persistence.SessionStore.PublishedChange c) {
            return new Change(c.eventId(), c.change().sequence(), c.change().state().name(), c.type(),
                    c.change().occurredAt(), c.publishedAt());
        }
    }

    public record Page<T>(List<T> items, int page, int size, boolean more) {
    }
}
