package io.chargeplane.charging.session;

import io.chargeplane.charging.device.DeviceServiceClient;
import io.chargeplane.charging.domain.Session;
import io.chargeplane.charging.domain.SessionMachine;
import io.chargeplane.charging.persistence.SessionStore;
import io.chargeplane.charging.persistence.TokenStore;
import io.chargeplane.charging.token.DeviceRequestHandler;
import io.chargeplane.charging.domain.CentralIdTokens;
import io.chargeplane.model.envelope.CanonicalEvent;
import io.chargeplane.model.event.DeviceEvent;
import io.chargeplane.model.event.MeterSample;
import io.chargeplane.model.event.TransactionEnded;
import io.chargeplane.model.event.TransactionStarted;
import io.chargeplane.model.event.TransactionUpdated;
import io.chargeplane.model.id.ConnectorId;
import io.chargeplane.model.id.DeviceId;
import io.chargeplane.model.id.EvseId;
import io.chargeplane.model.id.TenantId;
import io.chargeplane.model.device.IdToken;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies canonical device events to sessions. Each event is applied at most once: its CloudEvents id goes into
 * {@code processed_events} in the transaction that changes the session, and a second delivery finds it there and
 * changes nothing. A limit the change reaches asks for the stop in the same transaction.
 */
@ApplicationScoped
public class SessionEvents {

    private static final Logger LOG = Logger.getLogger(SessionEvents.class);

    private final Pool pool;
    private final SessionStore sessions;
    private final TokenStore tokens;
    private final DeviceServiceClient devices;
    private final Clock clock;

    public SessionEvents(Pool pool, SessionStore sessions, TokenStore tokens, DeviceServiceClient devices, Clock clock) {
        this.pool = pool;
        this.sessions = sessions;
        this.tokens = tokens;
        this.devices = devices;
        this.clock = clock;
    }

    /** The committed changes, for the work that follows them (stop commands, hold releases, quotes). */
    public Uni<List<Change>> apply(CanonicalEvent<? extends DeviceEvent> event) {
        if (!relevant(event.data())) {
            return Uni.createFrom().item(List.of());
        }
        return registryEntry(event).flatMap(registered -> applyWith(event, registered));
    }

    /**
     * The device's registry entry for a transaction's start or end, so that a session started at the charger gets
     * its site before billing rates it. Asked before the transaction (no remote call under a row lock); when
     * device-service cannot answer, the session goes on without a site, as before.
     */
    private Uni<DeviceServiceClient.RegisteredDevice> registryEntry(CanonicalEvent<? extends DeviceEvent> event) {
        if (!(event.data() instanceof TransactionStarted) && !(event.data() instanceof TransactionEnded)) {
            return Uni.createFrom().nullItem();
        }
        return devices.findByIdentity(event.tenant(), event.device().value())
                .onFailure().invoke(f -> LOG.debugf("no registry entry for %s: %s", event.device().value(), f.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<List<Change>> applyWith(CanonicalEvent<? extends DeviceEvent> event,
                                        DeviceServiceClient.RegisteredDevice registered) {
        Instant now = clock.instant();
        return pool.withTransaction(c -> c.preparedQuery(
                        "insert into processed_events (event_id, processed_at) values ($1, $2) on conflict do nothing")
                .execute(Tuple.of(event.id().value(), now.atOffset(java.time.ZoneOffset.UTC)))
                .flatMap(rows -> rows.rowCount() == 0
                        ? Uni.createFrom().item(List.<Change>of())
                        : applyNew(c, event.tenant(), event.device(), event.data(), registered, now)));
    }

    private static boolean relevant(DeviceEvent event) {
        return event instanceof TransactionStarted || event instanceof TransactionEnded
                || event instanceof MeterSample || event instanceof TransactionUpdated;
    }

    private Uni<List<Change>> applyNew(SqlClient c, TenantId tenant, DeviceId device, DeviceEvent event,
                                       DeviceServiceClient.RegisteredDevice registered, Instant now) {
        Function<Session, Session> locate = registered == null ? x -> x
                : x -> SessionMachine.located(x, registered.registryId(), registered.site());
        return switch (event) {
            case TransactionStarted e -> sessionFor(c, tenant, device, e.transaction().deviceTransactionId(), e.idToken(),
                    e.evse(), e.connector(), now)
                    .flatMap(s -> change(c, s, x -> SessionMachine.started(locate.apply(x),
                            e.transaction().deviceTransactionId(), e.meterStart(), e.startedAt(), now), now));
            case TransactionEnded e -> sessionFor(c, tenant, device, e.transaction().deviceTransactionId(), e.idToken(),
                    e.evse(), e.connector(), now)
                    .flatMap(s -> change(c, s, x -> SessionMachine.ended(locate.apply(x),
                            e.transaction().deviceTransactionId(), e.meterStart(), e.meterStop(), e.startedAt(),
                            e.endedAt(), now), now));
            case MeterSample e -> (e.transaction() != null
                    ? sessions.lockByTransaction(c, tenant, device, e.transaction().deviceTransactionId())
                    : e.evse() == null ? Uni.createFrom().<Session>nullItem() : sessions.lockOpenOn(c, tenant, device, e.evse()))
                    .flatMap(s -> change(c, s, x -> SessionMachine.reading(x, e.timestamp(), e.energyRegister(), now), now));
            case TransactionUpdated e -> e.energyRegister() == null ? Uni.createFrom().item(List.of())
                    : sessions.lockByTransaction(c, tenant, device, e.transaction().deviceTransactionId())
                    .flatMap(s -> change(c, s, x -> SessionMachine.reading(x, e.timestamp(), e.energyRegister(), now), now));
            default -> Uni.createFrom().item(List.of());
        };
    }

    /**
     * The session a transaction event belongs to: by transaction id, else the app or operator session waiting for
     * the token the charger echoes, else a new LOCAL session (started with a card at the charger).
     */
    private Uni<Session> sessionFor(SqlClient c, TenantId tenant, DeviceId device, String transactionId, IdToken token,
                                    EvseId evse, ConnectorId connector, Instant now) {
        return sessions.lockByTransaction(c, tenant, device, transactionId).flatMap(byTx -> {
            if (byTx != null) {
                return Uni.createFrom().item(byTx);
            }
            Uni<Session> waiting = token == null ? Uni.createFrom().nullItem()
                    : sessions.lockStartingByToken(c, tenant, device, token.value());
            return waiting.flatMap(app -> app != null ? Uni.createFrom().item(app)
                    : newLocal(c, tenant, device, transactionId, token, evse, connector, now));
        });
    }

    private Uni<Session> newLocal(SqlClient c, TenantId tenant, DeviceId device, String transactionId, IdToken token,
                                  EvseId evse, ConnectorId connector, Instant now) {
        Uni<io.chargeplane.charging.domain.TokenRecord> owner = token == null ? Uni.createFrom().nullItem()
                : tokens.find(tenant, token.value());
        return owner.flatMap(t -> {
            Session local = DeviceRequestHandler.localSession(CentralIdTokens.newSessionId(), tenant, device, evse,
                    connector, t, transactionId, now);
            if (t == null && token != null) {
                local = withToken(local, token);
            }
            Session created = local;
            return sessions.insert(c, created, now).replaceWith(created);
        });
    }

    private static Session withToken(Session s, IdToken token) {
        return new Session(s.id(), s.sequence(), s.tenant(), s.device(), s.registryId(), s.evse(), s.connector(),
                s.site(), s.state(), s.origin(), s.driver(), token.value(), s.holdId(), s.transactionId(), s.limits(),
                s.createdAt(), s.startedAt(), s.endedAt(), s.meterStart(), s.meterStop(), s.energy(), s.costSoFar(),
                s.readings(), s.endCause(), s.failureReason(), s.lastNewsAt(), s.lastEventAt(), s.quotedAt());
    }

    private Uni<List<Change>> change(SqlClient c, Session before, Function<Session, Optional<Session>> step,
                                     Instant now) {
        if (before == null) {
            return Uni.createFrom().item(List.of());
        }
        Optional<Session> after = step.apply(before);
        if (after.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Change> changes = new ArrayList<>();
        changes.add(new Change(before, after.get()));
        Optional<Session> stopped = SessionMachine.limitReached(after.get(), now)
                .flatMap(cause -> SessionMachine.stopRequested(after.get(), cause, now));
        stopped.ifPresent(s -> changes.add(new Change(after.get(), s)));
        Session last = changes.getLast().after();
        return sessions.update(c, before, after.get(), now)
                .flatMap(ignored -> stopped.isPresent() ? sessions.update(c, after.get(), last, now) : Uni.createFrom().voidItem())
                .replaceWith(changes);
    }
}
