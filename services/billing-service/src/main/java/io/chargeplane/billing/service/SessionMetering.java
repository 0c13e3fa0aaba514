package io.chargeplane.billing.service;

import io.chargeplane.billing.domain.rating.MeterReading;
import io.chargeplane.billing.domain.rating.MeteredSession;
import io.chargeplane.model.session.ChargingSessionChanged;
import io.chargeplane.model.session.SessionReading;
import io.chargeplane.model.unit.Energy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turns a session's readings into the rating engine's input. */
public final class SessionMetering {

    private SessionMetering() {
    }

    /**
     * The session's readings; a session that reported none yet is metered from its start register to its stop
     * register (or to nothing, as an empty window).
     */
    public static MeteredSession of(ChargingSessionChanged session) {
        List<MeterReading> readings = new ArrayList<>();
        for (SessionReading r : session.readings()) {
            readings.add(new MeterReading(r.at(), r.register()));
        }
        if (readings.isEmpty() && session.startedAt() != null && session.meterStart() != null) {
            readings.add(new MeterReading(session.startedAt(), session.meterStart()));
            if (session.endedAt() != null && session.meterStop() != null) {
                readings.add(new MeterReading(session.endedAt(), session.meterStop()));
            }
        }
        return of(readings);
    }

    /**
     * Readings the engine accepts: two readings at one instant keep the later register, and a single reading
     * becomes an empty window (no energy, one nanosecond).
     */
    public static MeteredSession of(List<MeterReading> raw) {
        List<MeterReading> readings = new ArrayList<>();
        for (MeterReading r : raw) {
            if (!readings.isEmpty() && !r.at().isAfter(readings.getLast().at())) {
                readings.set(readings.size() - 1, new MeterReading(readings.getLast().at(), r.register()));
            } else {
                readings.add(r);
            }
        }
        if (readings.isEmpty()) {
            throw new IllegalArgumentException("readings: the session has no reading and no start to rate from");
        }
        if (readings.size() == 1) {
            MeterReading only = readings.getFirst();
            readings.add(new MeterReading(only.at().plusNanos(1), only.register()));
        }
        return MeteredSession.of(readings);
    }

    /** {@code energy} delivered at constant power from {@code start} to {@code end} (a preview's hypothesis). */
    public static MeteredSession constantPower(Instant start, Instant end, Energy energy) {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end: must be after start (" + start + ")");
        }
        return MeteredSession.of(List.of(new MeterReading(start, Energy.ZERO), new MeterReading(end, energy)));
    }
}
