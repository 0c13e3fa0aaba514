package io.chargeplane.tools.localstack.demo;

import io.chargeplane.tools.localstack.demo.DemoStatus.Snapshot;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code up --demo} after the stack is healthy: registers the demo fleet, prepares tariffs, cards and wallets,
 * runs the fleet and prints a status line whenever the platform reports a change (at most every
 * {@link #STATUS_EVERY}). {@link #stop()} stops the fleet first and waits (bounded) until charging-service has no
 * session running any more, so the stack stops only after the last sessions were completed and sent to billing.
 */
public final class Demo {

    static final Duration STATUS_EVERY = Duration.ofSeconds(10);
    static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(30);

    private final DemoPlan plan;
    private final RunningFleet fleet;
    private final DemoStatus status;
    private final PrintStream out;
    private final long startedNanos;
    private final ScheduledExecutorService printer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "demo-status");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String lastLine = "";
    private volatile boolean firstBilledReported;
    /** Receipts kept from earlier runs: the first billed session of this run is the one after them. */
    private final long billedBefore;
    private boolean stopped;

    private Demo(DemoPlan plan, RunningFleet fleet, DemoStatus status, long billedBefore, PrintStream out,
                 long startedNanos) {
        this.billedBefore = billedBefore;
        this.plan = plan;
        this.fleet = fleet;
        this.status = status;
        this.out = out;
        this.startedNanos = startedNanos;
    }

    /** Sets the demo up through the public APIs and starts the fleet; the progress goes to {@code out}. */
    public static Demo start(DemoApi api, URI ocppUrl, PrintStream out) throws InterruptedException {
        long started = System.nanoTime();
        DemoPlan plan = DemoPlan.standard();
        out.println("setting up the demo through the public APIs");
        FleetRegistration.Registered registered = new FleetRegistration(api, out).register(plan);
        new DemoAccounts(api, out).prepare(plan);
        out.printf("  demo: starting %d simulated chargers against %s%n", registered.stations().size(), ocppUrl);
        DemoStatus status = new DemoStatus(api, plan, registered.deviceIds());
        long billedBefore = status.read().billed();
        RunningFleet fleet = RunningFleet.start(plan, registered.stations(), ocppUrl, api, out);
        out.printf("  demo: %d chargers booted; drivers arrive with RFID cards, acme-driver starts an app session every %d s%n",
                fleet.fleet().status().booted(), RunningFleet.APP_SESSION_EVERY.toSeconds());
        return new Demo(plan, fleet, status, billedBefore, out, started);
    }

    public DemoPlan plan() {
        return plan;
    }

    public Snapshot snapshot() {
        return status.read();
    }

    /** Prints the status line whenever it changed, until {@link #stop()}. */
    public void printStatusLines() {
        printer.scheduleWithFixedDelay(this::printIfChanged, 0, STATUS_EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    private void printIfChanged() {
        try {
            Snapshot now = status.read();
            String line = now.line();
            if (!line.equals(lastLine)) {
                lastLine = line;
                out.println(line);
            }
            if (!firstBilledReported && now.billed() > billedBefore) {
                firstBilledReported = true;
                out.printf(Locale.ROOT, "demo: first billed session of this run %.1f s after the demo set-up began%n",
                        (System.nanoTime() - startedNanos) / 1e9);
            }
            out.flush();
        } catch (RuntimeException e) {
            // A service restarting or a slow answer: the next round reads again.
        }
    }

    /**
     * Stops the app sessions and the fleet (sessions end at the chargers), then waits until none is active and
     * billing-service has a receipt for every completed one.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        printer.shutdownNow();
        out.println("stopping the demo fleet (running sessions end and are billed)");
        long begin = System.nanoTime();
        fleet.stop();
        long deadline = System.nanoTime() + DRAIN_TIMEOUT.toNanos();
        Snapshot last = null;
        try {
            while (System.nanoTime() < deadline) {
                last = status.read();
                if (last.active() == 0 && last.billed() >= last.completed()) {
                    break;
                }
                Thread.sleep(500);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            out.println("  demo: could not read the sessions while stopping: " + e.getMessage());
        }
        out.printf(Locale.ROOT, "demo fleet stopped in %.1f s%s%n", (System.nanoTime() - begin) / 1e9,
                last == null ? "" : " — " + last.line());
        out.flush();
    }
}
