package io.chargeplane.tools.simulator;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The charging sessions of one charger: a driver (or the CSMS) plugs in, the token is authorized, the
 * transaction starts, meter values follow at the meter interval, and the session ends when its length has
 * elapsed or something stops it; the car is unplugged a little later. Runs on the charger's context only.
 */
final class SessionRunner {

    private static final int START_ATTEMPTS = 4;
    private static final Duration START_RETRY = Duration.ofSeconds(3);

    private final Vertx vertx;
    private final StationProtocol protocol;
    private final Outbox outbox;
    private final FleetSettings settings;
    private final FleetCounters counters;
    private final RandomGenerator random;
    private final Map<Integer, Long> meterTimers = new HashMap<>();
    private final Map<Integer, Long> endTimers = new HashMap<>();
    private Duration meterInterval;

    SessionRunner(Vertx vertx, StationProtocol protocol, Outbox outbox, FleetSettings settings,
                  FleetCounters counters, RandomGenerator random) {
        this.vertx = vertx;
        this.protocol = protocol;
        this.outbox = outbox;
        this.settings = settings;
        this.counters = counters;
        this.random = random;
        this.meterInterval = settings.meterInterval();
    }

    Duration meterInterval() {
        return meterInterval;
    }

    /** The charger's clock: what its frames say and what its energy register counts by. */
    Instant now() {
        return settings.clock().instant();
    }

    /** A new interval applies from the next sample of every running session. */
    void meterInterval(Duration interval, Iterable<Connector> connectors) {
        this.meterInterval = interval;
        for (Connector c : connectors) {
            if (meterTimers.containsKey(c.id())) {
                cancel(meterTimers.remove(c.id()));
                scheduleMeter(c);
            }
        }
    }

    /** A driver with an RFID card plugs in: Authorize first. */
    void local(Connector connector, String idTag) {
        Session session = newSession(idTag, "ISO14443", false, null);
        connector.plugIn(session);
        outbox.reportStatus(connector);
        outbox.call(protocol.authorize(idTag)).onComplete(answer -> {
            if (connector.session() != session || connector.state() != ConnectorState.PREPARING) {
                return;
            }
            if (answer.succeeded() && protocol.tokenAccepted(answer.result())) {
                begin(connector, session, 1);
            } else {
                if (answer.failed()) {
                    counters.callFailed(answer.cause());
                }
                abandon(connector);
            }
        });
    }

    /** The CSMS started the session (the token is the CSMS's; no Authorize, AuthorizeRemoteTxRequests=false). */
    void remote(Connector connector, String idTag, String tokenType, Integer remoteStartId) {
        counters.remoteStarts.incrementAndGet();
        Session session = newSession(idTag, tokenType, true, remoteStartId);
        connector.plugIn(session);
        outbox.reportStatus(connector);
        begin(connector, session, 1);
    }

    private Session newSession(String idTag, String tokenType, boolean remote, Integer remoteStartId) {
        Instant plannedEnd = now().plus(settings.sessionLength().sample(random));
        return new Session(idTag, tokenType, remote, remoteStartId, plannedEnd, 10 + random.nextInt(50));
    }

    private void begin(Connector connector, Session session, int attempt) {
        String own = protocol.stationTransactionId(random);
        if (own != null) {
            session.transactionId(own);
            charging(connector, session, now());
            outbox.sendTransactional(protocol.transactionStarted(connector, session, session.startedAt()));
            return;
        }
        Instant now = now();
        outbox.call(protocol.transactionStarted(connector, session, now)).onComplete(answer -> {
            if (connector.session() != session || connector.state() != ConnectorState.PREPARING) {
                return;
            }
            if (answer.failed()) {
                counters.callFailed(answer.cause());
                // A lost connection does not count as an attempt: the car is still plugged in, and the start
                // goes again once the charger is back (as stations queue StartTransaction while offline).
                boolean lost = answer.cause() instanceof CallErrorException e && e.connectionLost();
                int next = lost ? attempt : attempt + 1;
                if (next <= START_ATTEMPTS && (lost || outbox.online())
                        && now().isBefore(session.plannedEnd())) {
                    vertx.setTimer(START_RETRY.toMillis(), t -> {
                        if (connector.session() == session && connector.state() == ConnectorState.PREPARING) {
                            begin(connector, session, next);
                        }
                    });
                } else {
                    abandon(connector);
                }
                return;
            }
            StationProtocol.StartAnswer start = protocol.startAnswer(answer.result());
            if (start.transactionId() == null) {
                abandon(connector);
                return;
            }
            session.transactionId(start.transactionId());
            // Energy counts from the time StartTransaction stated, so meter values match it exactly.
            charging(connector, session, now);
            if (!start.accepted()) {
                end(connector, StopCause.DEAUTHORIZED, false);
            }
        });
    }

    private void charging(Connector connector, Session session, Instant startedAt) {
        connector.startCharging(startedAt);
        counters.sessionsStarted.incrementAndGet();
        counters.sessionsActive.incrementAndGet();
        outbox.reportStatus(connector);
        scheduleMeter(connector);
        long untilEnd = Math.max(1, Duration.between(now(), session.plannedEnd()).toMillis());
        endTimers.put(connector.id(), vertx.setTimer(untilEnd, t -> {
            endTimers.remove(connector.id());
            if (connector.session() == session && connector.state() == ConnectorState.CHARGING) {
                end(connector, StopCause.LOCAL, false);
            }
        }));
    }

    private void scheduleMeter(Connector connector) {
        meterTimers.put(connector.id(), vertx.setPeriodic(meterInterval.toMillis(), t -> {
            if (connector.state() != ConnectorState.CHARGING) {
                return;
            }
            // One reading of the clock, so the register sent is exactly the energy up to the time sent.
            Instant now = now();
            connector.advance(now);
            if (outbox.online()) {
                counters.meterValues.incrementAndGet();
                outbox.send(protocol.transactionUpdated(connector, connector.session(), now));
            }
        }));
    }

    private void abandon(Connector connector) {
        connector.abandon();
        counters.sessionsFailed.incrementAndGet();
        outbox.reportStatus(connector);
    }

    /**
     * Ends the session running on the connector. The StopTransaction / TransactionEvent Ended is queued before
     * anything else happens to the connector, so it precedes a reboot's close.
     *
     * @param unplugNow the car leaves at once (reboot, unlock, fault) instead of after the plug-out delay
     * @return true if a session was running
     */
    boolean end(Connector connector, StopCause cause, boolean unplugNow) {
        if (connector.state() == ConnectorState.PREPARING) {
            abandon(connector);
            return false;
        }
        if (connector.state() != ConnectorState.CHARGING) {
            return false;
        }
        cancel(meterTimers.remove(connector.id()));
        cancel(endTimers.remove(connector.id()));
        Instant now = now();
        Session session = connector.finish(now);
        counters.sessionsActive.decrementAndGet();
        counters.sessionsCompleted.incrementAndGet();
        counters.energyWh.addAndGet(connector.registerWh() - session.startRegisterMwh() / 1_000);
        outbox.sendTransactional(protocol.transactionEnded(connector, session, cause, now));
        outbox.reportStatus(connector);
        if (unplugNow) {
            unplug(connector);
        } else {
            vertx.setTimer(Math.max(1, settings.plugOutDelay().toMillis()), t -> {
                if (connector.session() == session && connector.state() == ConnectorState.FINISHING) {
                    unplug(connector);
                }
            });
        }
        return true;
    }

    void unplug(Connector connector) {
        if (connector.state() == ConnectorState.FINISHING) {
            connector.unplug();
            outbox.reportStatus(connector);
        }
    }

    private void cancel(Long timer) {
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }
}
