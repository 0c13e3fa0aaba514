package io.chargeplane.tools.loadgen;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The simulated chargers of one process and the phases they run. Each method blocks the calling (non
 * Vert.x) thread until the phase is over or its bound has passed, and returns what it saw.
 */
public final class Fleet implements AutoCloseable {

    private final Settings settings;
    private final Vertx vertx;
    private final WebSocketClient client;
    private final Charger[] chargers;
    private final long sweepTimer;
    private volatile String timestamp = now();

    private Fleet(Settings settings, String localAddress) {
        this.settings = settings;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops())
                .setBlockedThreadCheckInterval(10_000));
        WebSocketClientOptions options = new WebSocketClientOptions()
                .setMaxConnections(settings.chargers() * 2 + 16)
                .setConnectTimeout((int) settings.callTimeout().toMillis())
                .setTcpNoDelay(true)
                .setTryUsePerMessageCompression(false)
                .setTryUsePerFrameCompression(false);
        if (localAddress != null) {
            options.setLocalAddress(localAddress);
        }
        this.client = vertx.createWebSocketClient(options);
        Context[] contexts = new Context[settings.eventLoops()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = vertx.getOrCreateContext();
        }
        this.chargers = new Charger[settings.chargers()];
        for (int i = 0; i < chargers.length; i++) {
            chargers[i] = new Charger(settings.stationId(settings.firstStation() + i), contexts[i % contexts.length]);
        }
        long timeoutNanos = settings.callTimeout().toNanos();
        this.sweepTimer = vertx.setPeriodic(250, id -> {
            timestamp = now();
            long olderThan = System.nanoTime() - timeoutNanos;
            for (Charger c : chargers) {
                long since = c.pendingSince;
                if (since != 0 && since < olderThan) {
                    c.context.runOnContext(v -> c.timeOut(olderThan));
                }
            }
        });
    }

    /** @param localAddress loopback source address for this process's sockets, or null for the default */
    public static Fleet open(Settings settings, String localAddress) {
        return new Fleet(settings, localAddress);
    }

    public int size() {
        return chargers.length;
    }

    /** Every charger connects and boots at the same time; done when every one is answered or has failed. */
    public PhaseResult connectAll(String phase) throws InterruptedException {
        PhaseCounters counters = new PhaseCounters(System.nanoTime());
        CountDownLatch done = new CountDownLatch(chargers.length);
        for (Charger c : chargers) {
            c.context.runOnContext(v -> connectAndBoot(c, counters).onComplete(x -> done.countDown()));
        }
        await(done, settings.callTimeout().multipliedBy(3).toMillis());
        return counters.result(phase, -1, openConnections());
    }

    /**
     * Closed-loop MeterValues: each charger sends the next CALL when the last is answered (or at its slot when
     * {@code rate} is set). Only answers received inside the window after the warm-up count.
     */
    public PhaseResult meterLoop() throws InterruptedException {
        long start = System.nanoTime();
        long windowStart = start + settings.warmup().toNanos();
        long windowEnd = windowStart + settings.duration().toNanos();
        PhaseCounters counters = new PhaseCounters(windowStart);
        CountDownLatch done = new CountDownLatch(chargers.length);
        long interval = settings.rate() == 0 ? 0 : (long) (1e9 * chargers.length / settings.rate());
        for (int i = 0; i < chargers.length; i++) {
            Charger c = chargers[i];
            // Spread the first CALLs over one interval so a paced run starts without a burst.
            long offset = interval == 0 ? 0 : interval * i / chargers.length;
            c.context.runOnContext(v -> {
                c.nextDueNanos = start + offset;
                meterStep(c, interval, windowStart, windowEnd, counters, done);
            });
        }
        await(done, settings.warmup().plus(settings.duration()).plus(settings.callTimeout()).toMillis() + 5_000);
        return counters.result(Scenario.METER_LOOP.id(), settings.duration().toMillis(), openConnections());
    }

    /** Holds the connections for {@code hold}; reports how many are still open at the end. */
    public PhaseResult hold() throws InterruptedException {
        PhaseCounters counters = new PhaseCounters(System.nanoTime());
        int openBefore = openConnections();
        Thread.sleep(settings.hold().toMillis());
        int open = openConnections();
        for (int i = open; i < openBefore; i++) {
            counters.fail("closed-while-idle");
        }
        return counters.result(Scenario.IDLE.id(), settings.hold().toMillis(), open);
    }

    /** Every charger closes its connection and at once connects and boots again. */
    public PhaseResult reconnectAll() throws InterruptedException {
        PhaseCounters counters = new PhaseCounters(System.nanoTime());
        CountDownLatch done = new CountDownLatch(chargers.length);
        for (Charger c : chargers) {
            c.context.runOnContext(v -> {
                if (c.ws != null) {
                    c.ws.close();
                }
                connectAndBoot(c, counters).onComplete(x -> done.countDown());
            });
        }
        await(done, settings.callTimeout().multipliedBy(3).toMillis());
        return counters.result(Scenario.RECONNECT_STORM.id(), -1, openConnections());
    }

    public int openConnections() {
        int open = 0;
        for (Charger c : chargers) {
            if (c.isOpen()) {
                open++;
            }
        }
        return open;
    }

    private Future<Void> connectAndBoot(Charger c, PhaseCounters counters) {
        counters.attempted.increment();
        long t0 = System.nanoTime();
        String basic = Base64.getEncoder().encodeToString((c.stationId + ":" + settings.password())
                .getBytes(StandardCharsets.UTF_8));
        WebSocketConnectOptions options = new WebSocketConnectOptions()
                .setHost(settings.host()).setPort(settings.port())
                .setURI("/ocpp/" + c.stationId)
                .addSubProtocol(settings.dialect().subprotocol())
                .addHeader("Authorization", "Basic " + basic)
                .setTimeout(settings.callTimeout().toMillis());
        Promise<Void> finished = Promise.promise();
        client.connect(options).onComplete(connected -> {
            if (connected.failed()) {
                counters.fail(reason(connected.cause()));
                finished.complete();
                return;
            }
            counters.upgraded();
            c.bind(connected.result());
            String id = c.nextMessageId();
            c.call(settings.dialect().bootNotification(id, c.stationId), id).onComplete(answer -> {
                if (answer.failed()) {
                    counters.fail(answer.cause().getMessage());
                } else if (answer.result().isError()) {
                    counters.fail("callerror-" + answer.result().errorCode());
                } else {
                    boolean accepted = answer.result().statusAccepted();
                    counters.answered(accepted, System.nanoTime() - t0);
                }
                finished.complete();
            });
        });
        return finished.future();
    }

    private void meterStep(Charger c, long interval, long windowStart, long windowEnd, PhaseCounters counters,
                           CountDownLatch done) {
        long now = System.nanoTime();
        if (now >= windowEnd || !c.isOpen()) {
            done.countDown();
            return;
        }
        String id = c.nextMessageId();
        c.registerWh += 10;
        boolean counted = now >= windowStart;
        if (counted) {
            counters.attempted.increment();
        }
        c.call(settings.dialect().meterValues(id, c.registerWh, timestamp), id).onComplete(answer -> {
            long t1 = System.nanoTime();
            if (counted && t1 <= windowEnd) {
                if (answer.failed()) {
                    counters.fail(answer.cause().getMessage());
                } else if (answer.result().isError()) {
                    counters.fail("callerror-" + answer.result().errorCode());
                } else {
                    counters.answered(true, t1 - now);
                }
            }
            if (interval == 0) {
                meterStep(c, 0, windowStart, windowEnd, counters, done);
                return;
            }
            c.nextDueNanos += interval;
            long delayMillis = (c.nextDueNanos - System.nanoTime()) / 1_000_000;
            if (delayMillis < 1) {
                meterStep(c, interval, windowStart, windowEnd, counters, done);
            } else {
                vertx.setTimer(delayMillis, t -> meterStep(c, interval, windowStart, windowEnd, counters, done));
            }
        });
    }

    private static String reason(Throwable failure) {
        if (failure instanceof UpgradeRejectedException rejected) {
            return "http-" + rejected.getStatus();
        }
        if (failure instanceof java.net.ConnectException) {
            return "connect-refused";
        }
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return "connect-timeout";
        }
        return failure.getClass().getSimpleName();
    }

    private static void await(CountDownLatch latch, long millis) throws InterruptedException {
        latch.await(millis, TimeUnit.MILLISECONDS);
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Closes every connection (normal closure) and stops Vert.x. */
    @Override
    public void close() {
        vertx.cancelTimer(sweepTimer);
        CountDownLatch closed = new CountDownLatch(chargers.length);
        for (Charger c : chargers) {
            c.context.runOnContext(v -> {
                if (c.isOpen()) {
                    c.ws.close().onComplete(x -> closed.countDown());
                } else {
                    closed.countDown();
                }
            });
        }
        try {
            closed.await(10, TimeUnit.SECONDS);
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // The process ends anyway; sockets close with it.
        }
    }
}
