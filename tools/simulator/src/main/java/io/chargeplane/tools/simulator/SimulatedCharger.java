package io.chargeplane.tools.simulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated charge point: connects, boots (retrying while Pending or Rejected), heartbeats at the interval
 * the CSMS gives, reports connector statuses, runs sessions through {@link SessionRunner}, answers the CSMS's
 * CALLs through its {@link StationProtocol}, and suffers the faults it is told to. Everything runs on its own
 * Vert.x context; other threads reach it with {@link #onContext}.
 */
final class SimulatedCharger implements OcppLink.Listener, Outbox {

    private static final int TRANSACTIONAL_RETRIES = 5;
    private static final Duration TRANSACTIONAL_RETRY = Duration.ofSeconds(5);
    private static final Duration REBOOT_DELAY = Duration.ofSeconds(2);

    private final StationSpec spec;
    private final FleetSettings settings;
    private final FleetCounters counters;
    private final Vertx vertx;
    private final Context context;
    private final StationProtocol protocol;
    private final OcppLink link;
    private final Connector[] connectors;
    private final SessionRunner sessions;
    private final ChargerControl control;
    private final SplittableRandom random;
    private final SplittableRandom driverRandom;
    private final Deque<OutCall> unsent = new ArrayDeque<>();
    private final List<Long> processTimers = new ArrayList<>();
    private boolean booted;
    /** No new sessions or faults; the charger closes once its transaction messages are out. */
    private boolean stopping;
    /** Closed for good: no reconnects. */
    private boolean stopped;
    private Promise<Void> closedForGood;
    private boolean plannedOutage;
    private boolean wasConnected;
    private int bootCount;
    private int reconnectAttempt;
    private long heartbeatTimer = -1;
    private long bootRetryTimer = -1;
    private Duration heartbeatInterval = Duration.ofMinutes(5);

    SimulatedCharger(StationSpec spec, FleetSettings settings, FleetCounters counters, Vertx vertx, Context context,
                     WebSocketClient client, long seed) {
        this.spec = spec;
        this.settings = settings;
        this.counters = counters;
        this.vertx = vertx;
        this.context = context;
        this.protocol = StationProtocol.of(spec.version());
        this.link = new OcppLink(vertx, client, spec, settings.bridgeUrl(), settings.callTimeout(), this);
        this.random = new SplittableRandom(seed);
        this.driverRandom = random.split();
        this.connectors = new Connector[spec.connectors()];
        for (int i = 0; i < connectors.length; i++) {
            // Each meter starts at a different reading, as real ones do.
            connectors[i] = new Connector(i + 1, settings.powerKw() * 1000, random.nextLong(1_000_000_000L));
        }
        this.sessions = new SessionRunner(vertx, protocol, this, settings, counters, driverRandom);
        this.control = new ChargerControl(this, connectors, sessions, protocol);
    }

    String id() {
        return spec.id();
    }

    void onContext(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    /** Connects and starts the driver and fault processes; call on the context. */
    void start() {
        FaultSchedule.start(this, settings, random.split(), processTimers);
        connect();
    }

    // ---------------------------------------------------------------- connection and boot

    private void connect() {
        if (stopped) {
            return;
        }
        link.connect().onComplete(done -> {
            if (done.failed()) {
                counters.connectFailures.incrementAndGet();
                scheduleReconnect();
                return;
            }
            reconnectAttempt = 0;
            wasConnected = true;
            counters.connected.incrementAndGet();
            boot();
        });
    }

    private void scheduleReconnect() {
        if (stopped) {
            return;
        }
        long backoff = Math.min(30_000, 1_000L << Math.min(5, reconnectAttempt++));
        vertx.setTimer(backoff / 2 + random.nextLong(backoff / 2 + 1), t -> connect());
    }

    void boot() {
        link.callFirst("BootNotification", id -> protocol.bootFrame(id, spec.id())).onComplete(answer -> {
            if (answer.failed()) {
                counters.callFailed(answer.cause());
                if (link.connected()) {
                    retryBoot(Duration.ofSeconds(10));
                }
                return;
            }
            StationProtocol.BootAnswer boot = protocol.bootAnswer(answer.result());
            if (!boot.accepted()) {
                counters.bootsRefused.incrementAndGet();
                retryBoot(boot.interval());
                return;
            }
            if (!booted) {
                booted = true;
                counters.booted.incrementAndGet();
            }
            bootCount++;
            counters.bootsAccepted.incrementAndGet();
            heartbeatInterval(boot.interval());
            link.resume();
            for (Connector c : connectors) {
                c.lastReported(null);
                reportStatus(c);
            }
            while (!unsent.isEmpty()) {
                sendTransactional(unsent.pollFirst());
            }
            if (stopping) {
                closeWhenAnswered();
            }
        });
    }

    private void retryBoot(Duration after) {
        bootRetryTimer = vertx.setTimer(Math.max(1_000, after.toMillis()), t -> {
            bootRetryTimer = -1;
            if (link.connected() && !stopped) {
                boot();
            }
        });
    }

    @Override
    public void onClosed(String reason) {
        if (wasConnected) {
            wasConnected = false;
            counters.connected.decrementAndGet();
        }
        if (booted) {
            booted = false;
            counters.booted.decrementAndGet();
        }
        cancelTimer(heartbeatTimer);
        heartbeatTimer = -1;
        cancelTimer(bootRetryTimer);
        bootRetryTimer = -1;
        if (!plannedOutage) {
            scheduleReconnect();
        }
    }

    // ---------------------------------------------------------------- faults

    /** An injected fault; call on the context. */
    void inject(FaultKind kind) {
        if (stopping) {
            return;
        }
        counters.fault(kind);
        switch (kind) {
            case DISCONNECT -> outage(settings.downtime(), () -> { });
            case REBOOT -> reboot(StopCause.REBOOT);
            case ERROR -> {
                Connector c = connectors[random.nextInt(connectors.length)];
                if (c.state() == ConnectorState.FAULTED) {
                    return;
                }
                sessions.end(c, StopCause.FAULT, true);
                c.fault();
                reportStatus(c);
                vertx.setTimer(Math.max(1, settings.downtime().toMillis()), t -> {
                    if (c.state() == ConnectorState.FAULTED) {
                        c.clearFault();
                        reportStatus(c);
                    }
                });
            }
        }
    }

    void reboot(StopCause cause) {
        for (Connector c : connectors) {
            sessions.end(c, cause, true);
        }
        // The stop messages are queued on the link before the close; those it cannot send wait in `unsent`.
        outage(REBOOT_DELAY, () -> { });
    }

    private void outage(Duration downtime, Runnable then) {
        plannedOutage = true;
        link.close();
        vertx.setTimer(Math.max(1, downtime.toMillis()), t -> {
            plannedOutage = false;
            then.run();
            if (!link.connected()) {
                connect();
            }
        });
    }

    /** A driver arrives and takes a free connector, if there is one. */
    void driverArrives() {
        List<Connector> free = Arrays.stream(connectors).filter(c -> c.state() == ConnectorState.AVAILABLE).toList();
        if (stopping || !booted || free.isEmpty()) {
            counters.driversTurnedAway.incrementAndGet();
            return;
        }
        Connector c = free.get(driverRandom.nextInt(free.size()));
        sessions.local(c, settings.rfidTags().get(driverRandom.nextInt(settings.rfidTags().size())));
    }

    /** A driver with this card plugs into this connector now (tests and demos); false if it is not free. */
    boolean plugIn(int connector, String idTag) {
        Connector c = control.connector(connector);
        if (c == null || c.state() != ConnectorState.AVAILABLE || !booted || stopping) {
            return false;
        }
        sessions.local(c, idTag);
        return true;
    }

    /** The driver stops the session on this connector (tests and demos); false if none runs. */
    boolean stopSession(int connector) {
        Connector c = control.connector(connector);
        return c != null && sessions.end(c, StopCause.LOCAL, false);
    }

    // ---------------------------------------------------------------- stop

    /**
     * Ends running sessions, then closes once their stop messages are answered. A charger that is offline at
     * that moment reconnects and boots first, so the CSMS still gets every transaction message. Call on the
     * context.
     */
    Future<Void> stop() {
        if (closedForGood != null) {
            return closedForGood.future();
        }
        stopping = true;
        closedForGood = Promise.promise();
        processTimers.forEach(timer -> vertx.cancelTimer(timer));
        for (Connector c : connectors) {
            sessions.end(c, StopCause.LOCAL, true);
        }
        if (online()) {
            closeWhenAnswered();
        } else if (!link.connected() && !plannedOutage && unsent.isEmpty()) {
            stopped = true;
            closedForGood.complete();
        }
        // Otherwise the reconnect under way boots, sends what waits and then closes (see boot()).
        return closedForGood.future();
    }

    private void closeWhenAnswered() {
        // A Heartbeat queued behind the stop messages: once it is answered, everything before it was too.
        link.call("Heartbeat", Frames.object()).onComplete(done -> {
            stopped = true;
            link.close();
            closedForGood.tryComplete();
        });
    }

    ChargerView view() {
        List<ChargerView.ConnectorView> list = Arrays.stream(connectors)
                .map(c -> new ChargerView.ConnectorView(c.id(), c.state(), c.registerWh(),
                        c.session() == null ? null : c.session().transactionId()))
                .toList();
        return new ChargerView(spec.id(), spec.version().subprotocol(), link.connected(), booted, bootCount, list);
    }

    // ---------------------------------------------------------------- Outbox

    @Override
    public boolean online() {
        return booted && link.connected();
    }

    @Override
    public Future<ObjectNode> call(OutCall call) {
        if (!online()) {
            return Future.failedFuture(new CallErrorException(CallErrorException.DISCONNECTED, "offline"));
        }
        return link.call(call.action(), call.payload());
    }

    @Override
    public void send(OutCall call) {
        if (online()) {
            link.call(call.action(), call.payload()).onFailure(counters::callFailed);
        }
    }

    @Override
    public void sendTransactional(OutCall call) {
        sendTransactional(call, 1);
    }

    private void sendTransactional(OutCall call, int attempt) {
        if (!online()) {
            unsent.addLast(call);
            return;
        }
        link.call(call.action(), call.payload()).onFailure(error -> {
            if (error instanceof CallErrorException e && e.connectionLost()) {
                unsent.addLast(call);
                return;
            }
            counters.callFailed(error);
            if (attempt < TRANSACTIONAL_RETRIES) {
                vertx.setTimer(TRANSACTIONAL_RETRY.toMillis(), t -> sendTransactional(call, attempt + 1));
            }
        });
    }

    @Override
    public void reportStatus(Connector connector) {
        String name = protocol.statusName(connector.state());
        if (name.equals(connector.lastReported())) {
            return;
        }
        connector.lastReported(name);
        send(protocol.statusNotification(connector.id(), name, settings.clock().instant()));
    }

    // ---------------------------------------------------------------- CSMS calls

    @Override
    public void onCall(String messageId, String action, ObjectNode payload) {
        Answer answer;
        try {
            answer = protocol.handle(action, payload, control);
        } catch (RuntimeException e) {
            answer = Answer.error("InternalError", String.valueOf(e.getMessage()));
        }
        if (answer.isError()) {
            link.answerError(messageId, answer.errorCode(), answer.errorDescription());
        } else {
            link.answer(messageId, answer.payload());
        }
        answer.then().run();
    }

    // ---------------------------------------------------------------- heartbeat

    Duration heartbeatInterval() {
        return heartbeatInterval;
    }

    void heartbeatInterval(Duration interval) {
        heartbeatInterval = interval;
        cancelTimer(heartbeatTimer);
        heartbeatTimer = vertx.setPeriodic(Math.max(1_000, interval.toMillis()),
                t -> send(new OutCall("Heartbeat", Frames.object())));
    }

    private void cancelTimer(long timer) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }
}
