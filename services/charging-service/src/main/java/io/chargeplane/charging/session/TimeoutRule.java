package io.chargeplane.charging.session;

import io.chargeplane.charging.config.ChargingConfig;
import io.chargeplane.charging.domain.Session;
import io.chargeplane.charging.domain.SessionMachine;
import io.chargeplane.charging.persistence.SessionStore;
import io.chargeplane.model.session.EndCause;
import io.chargeplane.model.session.SessionState;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rules for sessions that hear nothing: STARTING too long fails (and its hold is released), ACTIVE or STOPPING
 * without any device event too long completes with TIMEOUT and the last reading, and an ACTIVE session past its
 * time limit is stopped even when no meter sample arrives. Rows are taken with {@code skip locked}, so several
 * instances share the work.
 */
@ApplicationScoped
public class TimeoutRule {

    private static final Logger LOG = Logger.getLogger(TimeoutRule.class);
    private static final int BATCH = 100;

    private final Pool pool;
    private final SessionStore sessions;
    private final SessionService service;
    private final ChargingConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final AtomicBoolean running = new AtomicBoolean();
    private long timer = -1;

    public TimeoutRule(Pool pool, SessionStore sessions, SessionService service, ChargingConfig config, Clock clock,
                       Vertx vertx) {
        this.pool = pool;
        this.sessions = sessions;
        this.service = service;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(config.timeouts().checkEvery().toMillis(), id -> {
            if (running.compareAndSet(false, true)) {
                runOnce().subscribe().with(n -> running.set(false), f -> {
                    running.set(false);
                    LOG.warnf("Timeout rule pass failed: %s", f.toString());
                });
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One pass over every rule; answers how many sessions changed. */
    public Uni<Integer> runOnce() {
        Instant now = clock.instant();
        return pool.withTransaction(c -> {
            List<Change> changes = new ArrayList<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            chain = chain.call(() -> sessions.lockSilent(c, SessionState.STARTING, now.minus(config.timeouts().starting()), BATCH)
                    .call(found -> saveAll(c, found, s -> Optional.of(SessionMachine.timedOut(s, now)), changes, now)));
            for (SessionState state : List.of(SessionState.ACTIVE, SessionState.STOPPING)) {
                chain = chain.call(() -> sessions.lockSilent(c, state, now.minus(config.timeouts().silent()), BATCH)
                        .call(found -> saveAll(c, found, s -> Optional.of(SessionMachine.timedOut(s, now)), changes, now)));
            }
            chain = chain.call(() -> sessions.lockActiveWithTimeLimit(c, BATCH)
                    .call(found -> saveAll(c, found, s -> SessionMachine.limitReached(s, now)
                            .filter(cause -> cause == EndCause.TIME_LIMIT)
                            .flatMap(cause -> SessionMachine.stopRequested(s, cause, now)), changes, now)));
            return chain.replaceWith(changes);
        }).call(service::afterCommit).map(List::size);
    }

    private Uni<Void> saveAll(io.vertx.mutiny.sqlclient.SqlClient c, List<Session> found,
                              java.util.function.Function<Session, Optional<Session>> step, List<Change> changes,
                              Instant now) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Session s : found) {
            Optional<Session> next = step.apply(s);
            if (next.isPresent()) {
                changes.add(new Change(s, next.get()));
                chain = chain.call(() -> sessions.update(c, s, next.get(), now));
            }
        }
        return chain;
    }
}
