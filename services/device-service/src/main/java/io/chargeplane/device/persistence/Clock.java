package io.chargeplane.device.persistence;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps at the database's precision, so what a write answers equals what a later read returns. */
final class Clock {

    private Clock() {
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
