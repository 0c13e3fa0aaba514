package io.chargeplane.charging.session;

import io.chargeplane.charging.billing.BillingClient;
import io.chargeplane.charging.config.ChargingConfig;
import io.chargeplane.charging.device.DeviceServiceClient;
import io.chargeplane.charging.domain.CentralIdTokens;
import io.chargeplane.charging.domain.Session;
import io.chargeplane.charging.domain.SessionMachine;
import io.chargeplane.charging.persistence.SessionStore;
import io.chargeplane.model.command.StartCharging;
import io.chargeplane.model.command.StopCharging;
import io.chargeplane.model.event.TransactionRef;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.session.EndCause;
import io.chargeplane.model.session.SessionLimits;
import io.chargeplane.model.session.SessionOrigin;
import io.chargeplane.model.session.SessionState;
import io.chargeplane.model.unit.Money;
import io.chargeplane.platform.error.ErrorCode;
import io.chargeplane.platform.error.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.Optional;

/**
 * The session flows that involve other services: a driver's start (device check, hold, start command), stops, and
 * the work that follows a committed change (stop command, hold release, cost quote). Remote calls never run inside
 * a database transaction; each step saves what it learnt before the next one.
 */
@ApplicationScoped
public class SessionService {

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    /** Where the driver wants to charge: the content of the connector's QR code. */
    public record StartRequest(String station, int evse, Integer connector, SessionLimits limits) {
    }

    private final Pool pool;
    private final SessionStore sessions;
    private final DeviceServiceClient devices;
    private final BillingClient billing;
    private final ChargingConfig config;
    private final Clock clock;

    public SessionService(Pool pool, SessionStore sessions, DeviceServiceClient devices, BillingClient billing,
                          ChargingConfig config, Clock clock) {
        this.pool = pool;
        this.sessions = sessions;
        this.devices = devices;
        this.billing = billing;
        this.config = config;
        this.clock = clock;
    }

    /** A driver's start: answers the session as it stands when the charger answered (or did not in time). */
    public Uni<Session> start(TenantId tenant, String driver, SessionOrigin origin, StartRequest request) {
        return devices.findByIdentity(tenant, request.station())
                .onFailure(f -> !(f instanceof ProblemException)).transform(SessionService::unavailable)
                .flatMap(device -> {
                    if (device == null) {
                        return Uni.createFrom().failure(new ProblemException(ErrorCode.DEVICE_UNKNOWN,
                                "station " + request.station() + " is not registered"));
                    }
                    if (!device.enabled()) {
                        return Uni.createFrom().failure(ProblemException.invalidField("station", "is blocked"));
                    }
                    if (!device.hasConnector(request.evse(), request.connector())) {
                        return Uni.createFrom().failure(ProblemException.invalidField("connector",
                                "the station has no such EVSE or connector"));
                    }
                    return devices.online(tenant, device.registryId())
                            .onFailure().transform(SessionService::unavailable)
                            .flatMap(online -> online ? create(tenant, driver, origin, request, device)
                                    : Uni.createFrom().failure(new ProblemException(ErrorCode.DEVICE_OFFLINE,
                                    "station " + request.station() + " is offline")));
                });
    }

    private Uni<Session> create(TenantId tenant, String driver, SessionOrigin origin, StartRequest request,
                                DeviceServiceClient.RegisteredDevice device) {
        Instant now = clock.instant();
        String id = CentralIdTokens.newSessionId();
        Session session = Session.starting(id, tenant, DeviceId.of(device.identity()), device.registryId(),
                EvseId.of(request.evse()), request.connector() == null ? null : ConnectorId.of(request.connector()),
                device.site(), origin, driver, CentralIdTokens.valueFor(id), request.limits(), now);
        return pool.withTransaction(c -> sessions.insert(c, session, now)).replaceWith(session)
                .flatMap(this::hold)
                .flatMap(s -> s.state() == SessionState.FAILED ? Uni.createFrom().item(s) : sendStart(s));
    }

    private Uni<Session> hold(Session s) {
        Money amount = s.limits().amount() != null ? s.limits().amount()
                : Money.ofMinor(config.holds().tenants().getOrDefault(s.tenant().value(), config.holds().defaultAmount()),
                config.holds().currency());
        return billing.hold(s.tenant(), s.id(), s.driver(), amount)
                .flatMap(holdId -> save(s, x -> Optional.of(SessionMachine.holdTaken(x, holdId, clock.instant()))))
                .onFailure(BillingClient.HoldRefused.class).recoverWithUni(f ->
                        save(s, x -> Optional.of(SessionMachine.fail(x, "hold refused: "
                                + ((BillingClient.HoldRefused) f).code(), clock.instant())))
                                .flatMap(failed -> refusal((BillingClient.HoldRefused) f)
                                        .map(problem -> Uni.createFrom().<Session>failure(problem))
                                        .orElseGet(() -> Uni.createFrom().item(failed))))
                .onFailure(f -> !(f instanceof ProblemException)).recoverWithUni(f ->
                        save(s, x -> Optional.of(SessionMachine.fail(x, "billing unavailable: " + f.getMessage(),
                                clock.instant()))));
    }

    /**
     * The driver's answer to a refused hold. A wallet that cannot cover the pre-authorisation is the driver's to fix,
     * so it is billing's 422 {@code insufficient_funds} problem, not a created session (the FAILED session stays on
     * record and no start command is sent). Other refusals answer the FAILED session with its reason.
     */
    static Optional<ProblemException> refusal(BillingClient.HoldRefused refused) {
        if (ErrorCode.INSUFFICIENT_FUNDS.code().equals(refused.code())) {
            return Optional.of(new ProblemException(ErrorCode.INSUFFICIENT_FUNDS,
                    "the wallet cannot cover the pre-authorisation: " + refused.getMessage()));
        }
        return Optional.empty();
    }

    private Uni<Session> sendStart(Session s) {
        StartCharging command = new StartCharging(s.evse(), s.connector(), CentralIdTokens.tokenFor(s.id()), null);
        return devices.command(s.tenant(), s.registryId(), "start_charging", command, "start:" + s.id())
                .onFailure().recoverWithItem(f -> new DeviceServiceClient.CommandOutcome(503, null, null,
                        "service_unavailable"))
                .flatMap(outcome -> {
                    if (outcome.accepted() || outcome.pending()) {
                        // ACTIVE follows from the charger's transaction_started; the timeout rule covers silence.
                        return Uni.createFrom().item(s);
                    }
                    String reason = outcome.status() != null
                            ? "charger answered " + outcome.status() + (outcome.reasonCode() == null ? "" : " (" + outcome.reasonCode() + ")")
                            : "start command refused: " + outcome.problemCode();
                    return failAndRelease(s, reason);
                });
    }

    private Uni<Session> failAndRelease(Session s, String reason) {
        return save(s, x -> x.state() == SessionState.STARTING
                ? Optional.of(SessionMachine.fail(x, reason, clock.instant())) : Optional.empty())
                .call(failed -> failed.state() == SessionState.FAILED ? release(failed) : Uni.createFrom().voidItem());
    }

    /** A stop asked by a driver or an operator. A session the charger has not started yet fails instead. */
    public Uni<Session> stop(TenantId tenant, String id, EndCause cause, Function<Session, Boolean> visible) {
        return pool.withTransaction(c -> sessions.find(c, tenant, id)).flatMap(found -> {
            if (found == null || !visible.apply(found)) {
                return Uni.createFrom().failure(ProblemException.notFound("session " + id));
            }
            if (found.state().isFinal()) {
                return Uni.createFrom().failure(new ProblemException(ErrorCode.CONFLICT,
                        "the session is already " + found.state()));
            }
            if (found.state() == SessionState.STARTING) {
                return failAndRelease(found, "stopped by " + cause.name().toLowerCase() + " before the charger started");
            }
            return save(found, x -> x.isOpen() && x.state() != SessionState.STARTING
                    ? SessionMachine.stopRequested(x, cause, clock.instant()) : Optional.empty())
                    .call(s -> sendStop(s));
        });
    }

    /** Work that follows committed changes; failures are logged, never thrown back at the event consumer. */
    public Uni<Void> afterCommit(List<Change> changes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Change change : changes) {
            if (change.stopJustRequested()) {
                chain = chain.call(() -> sendStop(change.after()));
            }
            if (change.justFailed()) {
                chain = chain.call(() -> release(change.after()));
            }
        }
        if (!changes.isEmpty()) {
            Session last = changes.getLast().after();
            chain = chain.call(() -> quoteIfDue(last));
        }
        return chain;
    }

    Uni<Void> sendStop(Session s) {
        if (s.transactionId() == null || s.registryId() == null && s.origin() != SessionOrigin.LOCAL) {
            return Uni.createFrom().voidItem();
        }
        Uni<String> registryId = s.registryId() != null ? Uni.createFrom().item(s.registryId())
                : devices.findByIdentity(s.tenant(), s.device().value()).map(d -> d == null ? null : d.registryId());
        return registryId.flatMap(rid -> rid == null ? Uni.createFrom().voidItem()
                        : devices.command(s.tenant(), rid, "stop_charging",
                        new StopCharging(new TransactionRef(s.transactionId(), s.id())), "stop:" + s.id()).replaceWithVoid())
                .onFailure().invoke(f -> LOG.warnf("Stop of session %s not sent: %s", s.id(), f.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    Uni<Void> release(Session s) {
        if (s.holdId() == null) {
            return Uni.createFrom().voidItem();
        }
        return billing.release(s.tenant(), s.id(), s.holdId())
                .onFailure().invoke(f -> LOG.warnf("Hold of session %s not released: %s", s.id(), f.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Re-quotes cost so far at most once per {@code quote-every}; a billing outage leaves the cost as it was. An
     * amount limit the new cost reaches stops the session.
     */
    Uni<Void> quoteIfDue(Session s) {
        Instant now = clock.instant();
        if (s.state() != SessionState.ACTIVE || s.startedAt() == null
                || s.quotedAt() != null && Duration.between(s.quotedAt(), now).compareTo(config.quoteEvery()) < 0) {
            return Uni.createFrom().voidItem();
        }
        return billing.quote(s.tenant(), s.toChanged(now))
                .flatMap(cost -> save(s.id(), x -> x.state() == SessionState.ACTIVE && !cost.equals(x.costSoFar())
                        ? Optional.of(SessionMachine.quoted(x, cost, clock.instant())) : Optional.empty()))
                .flatMap(quoted -> {
                    Optional<EndCause> limit = SessionMachine.limitReached(quoted, clock.instant());
                    return limit.isEmpty() ? Uni.createFrom().voidItem()
                            : save(quoted, x -> SessionMachine.stopRequested(x, limit.get(), clock.instant()))
                            .call(this::sendStop).replaceWithVoid();
                })
                .onFailure().invoke(f -> LOG.debugf("No quote for session %s: %s", s.id(), f.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Re-reads the session under lock, applies the step and saves it with its outbox row. */
    private Uni<Session> save(Session s, Function<Session, Optional<Session>> step) {
        return save(s.id(), step);
    }

    private Uni<Session> save(String id, Function<Session, Optional<Session>> step) {
        Instant now = clock.instant();
        return pool.withTransaction(c -> sessions.lock(c, id).flatMap(current -> {
            Optional<Session> next = step.apply(current);
            return next.isEmpty() ? Uni.createFrom().item(current)
                    : sessions.update(c, current, next.get(), now).replaceWith(next.get());
        }));
    }

    private static Throwable unavailable(Throwable f) {
        if (f instanceof ProblemException) {
            return f;
        }
        return new ProblemException(ErrorCode.SERVICE_UNAVAILABLE, "device-service cannot be reached: " + f.getMessage(),
                List.of(), f);
    }
}
