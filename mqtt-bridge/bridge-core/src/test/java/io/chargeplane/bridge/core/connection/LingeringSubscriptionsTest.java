package io.chargeplane.bridge.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chargeplane.bridge.core.spi.DeviceAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LingeringSubscriptionsTest {

    private static final DeviceAddress A = DeviceAddress.of("acme", "CP-A");
    private static final DeviceAddress B = DeviceAddress.of("acme", "CP-B");

    private final AtomicLong now = new AtomicLong(1_000);
    private final LingeringSubscriptions lingering = new LingeringSubscriptions(Duration.ofSeconds(30), now::get);

    @Test
    void aDeviceComingBackWithinTheLingerReclaimsItsSubscriptionOnce() {
        lingering.keep(A);

        assertTrue(lingering.reclaim(A));
        assertFalse(lingering.reclaim(A));
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertEquals(List.of(), lingering.expired());
    }

    @Test
    void lingersRunOutOldestFirstAndOnlyPastTheLingerTime() {
        lingering.keep(A);
        now.addAndGet(Duration.ofSeconds(10).toNanos());
        lingering.keep(B);
        now.addAndGet(Duration.ofSeconds(25).toNanos());   // A 35 s, B 25 s

        List<LingeringSubscriptions.Candidate> due = lingering.expired();

        assertEquals(List.of(A), due.stream().map(LingeringSubscriptions.Candidate::address).toList());
        assertTrue(lingering.release(due.get(0)));
        assertFalse(lingering.contains(A));
        assertTrue(lingering.contains(B));
    }

    @Test
    void aCandidateThatCameBackAndLeftAgainIsNotReleasedEarly() {
        lingering.keep(A);
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        List<LingeringSubscriptions.Candidate> due = lingering.expired();
        assertTrue(lingering.reclaim(A));   // reattached after being proposed ...
        lingering.keep(A);                  // ... and disconnected again: a fresh linger

        assertFalse(lingering.release(due.get(0)));
        assertTrue(lingering.contains(A));
    }

    @Test
    void aMovedDeviceIsForgottenAndABrokerReconnectClearsEverything() {
        lingering.keep(A);
        lingering.keep(B);

        assertTrue(lingering.forget(A));
        assertFalse(lingering.forget(A));
        lingering.clear();
        assertEquals(0, lingering.size());
    }

    @Test
    void zeroDisablesAndNegativeIsRefused() {
        assertFalse(new LingeringSubscriptions(Duration.ZERO, now::get).enabled());
        assertThrows(IllegalArgumentException.class, () -> new LingeringSubscriptions(Duration.ofSeconds(-1), now::get));
    }
}
