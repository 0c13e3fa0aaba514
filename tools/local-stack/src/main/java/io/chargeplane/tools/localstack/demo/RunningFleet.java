package io.chargeplane.tools.localstack.demo;

import io.chargeplane.tools.localstack.demo.DemoApi.Answer;
import io.chargeplane.tools.localstack.demo.DemoApi.Caller;
import io.chargeplane.tools.localstack.demo.DemoPlan.Charger;
import io.chargeplane.tools.simulator.ChargerView;
import io.chargeplane.tools.simulator.ChargerView.ConnectorView;
import io.chargeplane.tools.simulator.ConnectorState;
import io.chargeplane.tools.simulator.Fleet;
import io.chargeplane.tools.simulator.FleetSettings;
import io.chargeplane.tools.simulator.SessionLength;
import io.chargeplane.tools.simulator.StationSpec;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated fleet in the launcher's JVM, against the bridge's OCPP port: drivers arrive with the demo RFID
 * cards (local sessions), and every {@link #APP_SESSION_EVERY} the acme driver starts a session from the app
 * through charging-service's {@code POST /api/v1/sessions}. Sessions last 30–60 s, and a card is presented as soon
 * as the fleet has booted, so the first completed and billed session exists within a minute of the start.
 * {@link #stop()} ends every running session properly (the chargers send their stops, so they are billed).
 */
public final class RunningFleet implements AutoCloseable {

    static final Duration APP_SESSION_EVERY = Duration.ofSeconds(20);
    static final SessionLength SESSION_LENGTH = SessionLength.parse("uniform:30s-60s");
    /** Per charger and hour: with ten chargers a driver arrives about every 30 s. */
    static final double ARRIVALS_PER_HOUR = 12;

    private final Fleet fleet;
    private final DemoPlan plan;
    private final Caller appDriver;
    private final PrintStream out;
    private final ScheduledExecutorService app = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-app-sessions");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger appStarts = new AtomicInteger();
    private final AtomicInteger appRefusals = new AtomicInteger();
    private volatile String lastRefusal;

    private RunningFleet(Fleet fleet, DemoPlan plan, DemoApi api, PrintStream out) {
        this.fleet = fleet;
        this.plan = plan;
        this.appDriver = api.as(plan.tenant("acme").driver(), api.urls().chargingService());
        this.out = out;
    }

    /** Starts the chargers, waits (bounded) for them to boot, presents the first card and schedules app sessions. */
    public static RunningFleet start(DemoPlan plan, List<StationSpec> stations, URI ocppUrl, DemoApi api,
                                     PrintStream out) throws InterruptedException {
        FleetSettings settings = FleetSettings.builder()
                .bridgeUrl(ocppUrl)
                .stations(stations)
                .arrivalsPerHour(ARRIVALS_PER_HOUR)
                .rfidTags(plan.rfidTags())
                .sessionLength(SESSION_LENGTH)
                .powerKw(7)
                .meterInterval(Duration.ofSeconds(10))
                .callTimeout(Duration.ofSeconds(15))
                .seed(System.currentTimeMillis())
                .build();
        RunningFleet running = new RunningFleet(Fleet.start(settings), plan, api, out);
        if (!running.fleet.awaitBooted(Duration.ofSeconds(60))) {
            out.println("  demo: not every charger booted within 60 s: " + running.fleet.status().line(running.fleet.elapsed()));
        }
        Charger first = plan.chargers().getFirst();
        running.fleet.plugIn(first.identity(), 1, plan.rfidTags().getFirst());
        running.app.scheduleWithFixedDelay(running::startAppSession, 5, APP_SESSION_EVERY.toSeconds(), TimeUnit.SECONDS);
        return running;
    }

    public Fleet fleet() {
        return fleet;
    }

    public int appStarts() {
        return appStarts.get();
    }

    public int appRefusals() {
        return appRefusals.get();
    }

    /** An app session on a free connector of an acme charger, as the acme driver scanning its QR code. */
    void startAppSession() {
        try {
            Map<String, Object> start = freeConnector();
            if (start == null) {
                return;
            }
            Answer answer = appDriver.post("/api/v1/sessions", start, UUID.randomUUID().toString());
            if (answer.ok() && !"FAILED".equals(answer.body().path("state").asText())) {
                appStarts.incrementAndGet();
            } else {
                appRefusals.incrementAndGet();
                String reason = answer.ok() ? answer.body().path("failureReason").asText() : answer.toString();
                if (!reason.equals(lastRefusal)) {
                    lastRefusal = reason;
                    out.println("  demo: app session on " + start.get("station") + " refused: " + reason);
                }
            }
        } catch (RuntimeException e) {
            appRefusals.incrementAndGet();
        }
    }

    private Map<String, Object> freeConnector() {
        for (Charger charger : plan.tenant("acme").chargers()) {
            ChargerView view = fleet.view(charger.identity());
            if (!view.booted()) {
                continue;
            }
            for (ConnectorView connector : view.connectors()) {
                if (connector.state() == ConnectorState.AVAILABLE) {
                    // OCPP 1.6 connector n and 2.0.1 EVSE n are both the registry's EVSE n, connector 1.
                    return Map.of("station", charger.identity(), "evse", connector.id(), "connector", 1);
                }
            }
        }
        return null;
    }

    /** Stops starting sessions, then ends the running ones at the chargers and closes the connections. */
    public void stop() {
        app.shutdownNow();
        fleet.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
