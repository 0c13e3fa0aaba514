package io.chargeplane.tools.simulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The command line: {@code java -jar chargeplane-simulator.jar --chargers 10 --ocpp mixed ...}. */
public final class SimulatorMain {

    private static boolean finished;

    private SimulatorMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> list = List.of(args);
        if (list.contains("--help") || list.contains("-h")) {
            System.out.println(SettingsParser.USAGE);
            return;
        }
        FleetSettings settings;
        try {
            settings = SettingsParser.parse(list);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.printf("Simulating %d chargers against %s (seed %d)%n", settings.stations().size(),
                settings.bridgeUrl(), settings.seed());
        Fleet fleet = Fleet.start(settings);
        CountDownLatch interrupted = new CountDownLatch(1);
        // Ctrl-C: end the sessions properly, so the CSMS bills them, and print the summary.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            interrupted.countDown();
            finish(fleet);
        }, "simulator-shutdown"));
        Duration run = settings.duration();
        long until = run.isZero() ? Long.MAX_VALUE : System.nanoTime() + run.toNanos();
        while (System.nanoTime() < until && interrupted.getCount() > 0) {
            long left = Math.min(settings.statusInterval().toNanos(), until - System.nanoTime());
            if (interrupted.await(Math.max(1, left), TimeUnit.NANOSECONDS)) {
                return;
            }
            System.out.println(fleet.status().line(fleet.elapsed()));
        }
        finish(fleet);
        System.exit(0);
    }

    private static synchronized void finish(Fleet fleet) {
        if (finished) {
            return;
        }
        finished = true;
        Duration elapsed = fleet.elapsed();
        fleet.stop();
        System.out.println(fleet.status().summary(elapsed));
    }
}
