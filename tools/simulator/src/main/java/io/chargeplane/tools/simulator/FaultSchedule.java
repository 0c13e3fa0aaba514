package io.chargeplane.tools.simulator;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random processes of one charger: driver arrivals and the three kinds of fault, each a Poisson process
 * with its own random stream split from the charger's, so changing one rate does not move the others' events.
 */
final class FaultSchedule {

    private FaultSchedule() {
    }

    static void start(SimulatedCharger charger, FleetSettings settings, SplittableRandom random, List<Long> timers) {
        Vertx vertx = Vertx.currentContext().owner();
        every(vertx, new PoissonClock(settings.arrivalsPerHour(), random.split()), charger::driverArrives, timers);
        every(vertx, new PoissonClock(settings.disconnectsPerHour(), random.split()),
                () -> charger.inject(FaultKind.DISCONNECT), timers);
        every(vertx, new PoissonClock(settings.errorsPerHour(), random.split()),
                () -> charger.inject(FaultKind.ERROR), timers);
        every(vertx, new PoissonClock(settings.rebootsPerHour(), random.split()),
                () -> charger.inject(FaultKind.REBOOT), timers);
    }

    /** Runs {@code action} at the process's events; the live timer id is kept at one index of {@code timers}. */
    private static void every(Vertx vertx, PoissonClock clock, Runnable action, List<Long> timers) {
        if (!clock.enabled()) {
            return;
        }
        int slot = timers.size();
        timers.add(-1L);
        arm(vertx, clock, action, timers, slot);
    }

    private static void arm(Vertx vertx, PoissonClock clock, Runnable action, List<Long> timers, int slot) {
        timers.set(slot, vertx.setTimer(clock.nextGap().toMillis(), t -> {
            action.run();
            arm(vertx, clock, action, timers, slot);
        }));
    }
}
