package io.chargeplane.tools.simulator;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A running fleet of simulated chargers. {@link #start(FleetSettings)} connects them (spread over the first
 * seconds) and returns at once; {@link #stop()} ends running sessions properly, closes every connection and the
 * event loops. Thread-safe: every call is handed to the charger's own event loop.
 *
 * <pre>{@code
 * try (Fleet fleet = Fleet.start(settings)) {
 *     fleet.awaitBooted(Duration.ofSeconds(30));
 *     System.out.println(fleet.status().line(fleet.elapsed()));
 * }
 * }</pre>
 */
public final class Fleet implements AutoCloseable {

    private final FleetSettings settings;
    private final Vertx vertx;
    private final FleetCounters counters;
    private final Map<String, SimulatedCharger> chargers = new LinkedHashMap<>();
    private final long startedNanos = System.nanoTime();
    private volatile boolean stopped;

    private Fleet(FleetSettings settings) {
        this.settings = settings;
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(settings.eventLoops())
                .setBlockedThreadCheckInterval(10_000));
        this.counters = new FleetCounters(settings.stations().size());
        WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions()
                .setMaxConnections(settings.stations().size() * 2 + 16)
                .setConnectTimeout((int) settings.callTimeout().toMillis())
                .setTryUsePerMessageCompression(false)
                .setTryUsePerFrameCompression(false));
        Context[] contexts = new Context[settings.eventLoops()];
        for (int i = 0; i < contexts.length; i++) {
            contexts[i] = vertx.getOrCreateContext();
        }
        int index = 0;
        for (StationSpec spec : settings.stations()) {
            long seed = settings.seed() * 0x9E3779B97F4A7C15L + index;
            chargers.put(spec.id(), new SimulatedCharger(spec, settings, counters, vertx,
                    contexts[index % contexts.length], client, seed));
            index++;
        }
    }

    /** Starts every charger; connections are spread over up to five seconds so a fleet does not arrive at once. */
    public static Fleet start(FleetSettings settings) {
        Fleet fleet = new Fleet(settings);
        int n = fleet.chargers.size();
        long spreadMillis = Math.min(5_000, n * 20L);
        int i = 0;
        for (SimulatedCharger charger : fleet.chargers.values()) {
            long delay = n <= 1 ? 0 : spreadMillis * i++ / n;
            charger.onContext(() -> {
                if (delay == 0) {
                    charger.start();
                } else {
                    fleet.vertx.setTimer(delay, t -> charger.start());
                }
            });
        }
        return fleet;
    }

    public FleetSettings settings() {
        return settings;
    }

    public FleetStatus status() {
        return counters.snapshot();
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    public List<String> stationIds() {
        return new ArrayList<>(chargers.keySet());
    }

    /** The charger as it is now. */
    public ChargerView view(String stationId) {
        return onCharger(stationId, SimulatedCharger::view);
    }

    /** Injects a fault now, as the fault rates do at random. */
    public void inject(String stationId, FaultKind kind) {
        onCharger(stationId, c -> {
            c.inject(kind);
            return null;
        });
    }

    /**
     * A driver presents this RFID card and plugs into this connector: Authorize, start, meter values, and a stop
     * when the session length has elapsed. False if the connector is not Available or the charger is offline.
     */
    public boolean plugIn(String stationId, int connector, String idTag) {
        return onCharger(stationId, c -> c.plugIn(connector, idTag));
    }

    /** The driver ends the session on this connector now (reason Local). False if none is charging. */
    public boolean stopSession(String stationId, int connector) {
        return onCharger(stationId, c -> c.stopSession(connector));
    }

    /** Waits until every charger is booted; false at the timeout. */
    public boolean awaitBooted(Duration timeout) throws InterruptedException {
        return await(s -> s.booted() == s.chargers(), timeout);
    }

    /** Waits until the fleet's counters satisfy the condition; false at the timeout. */
    public boolean await(Predicate<FleetStatus> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.test(status())) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * Ends every running session (the CSMS gets the stop messages), closes all connections and the event loops.
     * Waits at most the CALL timeout plus a few seconds. Idempotent.
     */
    public void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<Future<Void>> closing = new ArrayList<>();
        for (SimulatedCharger charger : chargers.values()) {
            CompletableFuture<Future<Void>> started = new CompletableFuture<>();
            charger.onContext(() -> started.complete(charger.stop()));
            closing.add(Future.fromCompletionStage(started).compose(f -> f));
        }
        try {
            Future.join(closing).toCompletionStage().toCompletableFuture()
                    .get(settings.callTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // Some charger did not get its last answers in time; close anyway.
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Event loops that do not stop in time die with the JVM.
        }
    }

    @Override
    public void close() {
        stop();
    }

    private <T> T onCharger(String stationId, Function<SimulatedCharger, T> action) {
        SimulatedCharger charger = chargers.get(stationId);
        if (charger == null) {
            throw new IllegalArgumentException("no simulated charger " + stationId);
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        charger.onContext(() -> {
            try {
                result.complete(action.apply(charger));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (Exception e) {
            throw new IllegalStateException("charger " + stationId + ": " + e.getMessage(), e);
        }
    }
}
