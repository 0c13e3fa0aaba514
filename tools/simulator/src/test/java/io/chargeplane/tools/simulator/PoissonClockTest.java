package io.chargeplane.tools.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonClockTest {

    private static List<Duration> gaps(long seed, double perHour, int n) {
        PoissonClock clock = new PoissonClock(perHour, new SplittableRandom(seed));
        List<Duration> gaps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            gaps.add(clock.nextGap());
        }
        return gaps;
    }

    @Test
    void theSameSeedReplaysTheSameArrivals() {
        assertEquals(gaps(42, 6, 200), gaps(42, 6, 200));
        assertFalse(gaps(42, 6, 200).equals(gaps(43, 6, 200)));
    }

    @Test
    void arrivalsComeAtTheConfiguredRateOnAverage() {
        List<Duration> gaps = gaps(7, 12, 20_000);
        double meanMinutes = gaps.stream().mapToLong(Duration::toMillis).average().orElseThrow() / 60_000;
        // 12 per hour = one every 5 minutes; 20,000 samples put the mean within a few percent
        assertEquals(5.0, meanMinutes, 0.15);
    }

    @Test
    void faultCountsOverARunMatchTheRatePerHour() {
        // 3 reboots per hour over 200 hours: 600 expected, Poisson standard deviation about 24.5
        int count = new PoissonClock(3, new SplittableRandom(11)).countWithin(Duration.ofHours(200));
        assertTrue(count > 500 && count < 700, "count " + count);
        assertEquals(count, new PoissonClock(3, new SplittableRandom(11)).countWithin(Duration.ofHours(200)));
    }

    @Test
    void aZeroRateNeverFires() {
        PoissonClock off = new PoissonClock(0, new SplittableRandom(1));
        assertFalse(off.enabled());
        assertEquals(0, off.countWithin(Duration.ofDays(365)));
        assertThrows(IllegalStateException.class, off::nextGap);
        assertThrows(IllegalArgumentException.class, () -> new PoissonClock(-1, new SplittableRandom(1)));
    }

    @Test
    void sessionLengthsFollowTheirDistributionAndSeed() {
        SessionLength uniform = SessionLength.parse("uniform:10m-40m");
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 1000; i++) {
            Duration d = uniform.sample(random);
            assertTrue(d.compareTo(Duration.ofMinutes(10)) >= 0 && d.compareTo(Duration.ofMinutes(40)) <= 0, d::toString);
        }
        assertEquals(Duration.ofMinutes(30), SessionLength.parse("fixed:30m").sample(random));
        assertEquals(Duration.ofSeconds(90), SessionLength.parse("90s").sample(random));
        SessionLength exp = SessionLength.parse("exp:20m");
        assertEquals(exp.sample(new SplittableRandom(9)), exp.sample(new SplittableRandom(9)));
        assertTrue(exp.sample(new SplittableRandom(9)).compareTo(Duration.ofMinutes(2)) >= 0);
        assertThrows(IllegalArgumentException.class, () -> SessionLength.parse("normal:20m"));
    }
}
