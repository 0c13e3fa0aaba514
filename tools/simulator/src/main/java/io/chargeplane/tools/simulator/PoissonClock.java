package io.chargeplane.tools.simulator;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waiting times of a Poisson process: exponentially distributed gaps with the given rate. Driver arrivals and
 * each kind of fault are one such process per charger, each drawing from the charger's own seeded generator,
 * so a run with the same seed replays the same arrivals and faults whatever the thread interleaving.
 */
public final class PoissonClock {

    private final double perHour;
    private final RandomGenerator random;

    public PoissonClock(double perHour, RandomGenerator random) {
        if (perHour < 0 || Double.isNaN(perHour)) {
            throw new IllegalArgumentException("rate must be >= 0 per hour, was " + perHour);
        }
        this.perHour = perHour;
        this.random = random;
    }

    public boolean enabled() {
        return perHour > 0;
    }

    /** The gap until the next event; never called when the rate is zero. */
    public Duration nextGap() {
        if (!enabled()) {
            throw new IllegalStateException("a process with rate 0 has no next event");
        }
        double hours = -Math.log(1 - random.nextDouble()) / perHour;
        return Duration.ofMillis(Math.max(1, Math.round(hours * 3_600_000)));
    }

    /** How many events fall within {@code span} from now on: what a run of that length would see. */
    public int countWithin(Duration span) {
        if (!enabled()) {
            return 0;
        }
        int count = 0;
        for (Duration t = nextGap(); t.compareTo(span) <= 0; t = t.plus(nextGap())) {
            count++;
        }
        return count;
    }
}
