package io.chargeplane.tools.loadgen;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What one process saw in one phase; results of several processes {@link #merge} into one.
 *
 * @param phase {@code setup} (untimed connect and boot) or the scenario's id
 * @param attempted chargers (boot, reconnect) or CALLs (meter-loop window) started
 * @param answered CALLRESULTs and CALLERRORs received (meter-loop: within the window)
 * @param accepted CALLRESULTs that accept (BootNotification {@code Accepted}, any MeterValues CALLRESULT)
 * @param failed attempts without an answer or with a CALLERROR
 * @param failures failed attempts by reason ({@code http-401}, {@code timeout}, {@code closed-1011}, ...)
 * @param elapsedMillis from the phase's start to its last completion
 * @param lastUpgradeMillis from the phase's start to its last accepted WebSocket upgrade (0 = none)
 * @param windowMillis the measured window (meter-loop), else equal to elapsed
 * @param openAtEnd connections open when the phase ended
 * @param latencyMicros histogram of latencies (boot: connect to answer; meter-loop: CALL to answer), compressed
 */
public record PhaseResult(String phase, long attempted, long answered, long accepted, long failed,
                          Map<String, Long> failures, long elapsedMillis, long lastUpgradeMillis, long windowMillis,
                          long openAtEnd, String latencyMicros) {

    public static PhaseResult merge(PhaseResult a, PhaseResult b) {
        Map<String, Long> failures = new TreeMap<>(a.failures);
        b.failures.forEach((k, v) -> failures.merge(k, v, Long::sum));
        Histogram h = a.histogram();
        h.add(b.histogram());
        return new PhaseResult(a.phase, a.attempted + b.attempted, a.answered + b.answered, a.accepted + b.accepted,
                a.failed + b.failed, failures, Math.max(a.elapsedMillis, b.elapsedMillis),
                Math.max(a.lastUpgradeMillis, b.lastUpgradeMillis), Math.max(a.windowMillis, b.windowMillis),
                a.openAtEnd + b.openAtEnd, encode(h));
    }

    public Histogram histogram() {
        if (latencyMicros == null || latencyMicros.isEmpty()) {
            return newHistogram();
        }
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(latencyMicros)), 0);
            Histogram resizable = newHistogram();
            resizable.add(h);
            return resizable;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("latency histogram is not readable", e);
        }
    }

    /** Answered CALLs per second of the window. */
    public double answeredPerSecond() {
        return windowMillis <= 0 ? 0 : answered * 1000.0 / windowMillis;
    }

    static Histogram newHistogram() {
        Histogram h = new Histogram(3);
        h.setAutoResize(true);
        return h;
    }

    static String encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip();
        buffer.get(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
