package io.chargeplane.tools.loadgen;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Counters of one phase, recorded from every event loop of the process at once. */
final class PhaseCounters {

    final LongAdder attempted = new LongAdder();
    final LongAdder answered = new LongAdder();
    final LongAdder accepted = new LongAdder();
    final LongAdder failed = new LongAdder();
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final AtomicLong lastCompletionNanos = new AtomicLong();
    final AtomicLong lastUpgradeNanos = new AtomicLong();
    private final ConcurrentHistogram latency = new ConcurrentHistogram(3);
    final long startNanos;

    PhaseCounters(long startNanos) {
        this.startNanos = startNanos;
        latency.setAutoResize(true);
    }

    void fail(String reason) {
        failed.increment();
        failures.computeIfAbsent(reason, r -> new LongAdder()).increment();
        completed();
    }

    void answered(boolean accept, long latencyNanos) {
        answered.increment();
        if (accept) {
            accepted.increment();
        }
        latency.recordValue(Math.max(1, latencyNanos / 1000));
        completed();
    }

    void upgraded() {
        lastUpgradeNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    private void completed() {
        lastCompletionNanos.accumulateAndGet(System.nanoTime(), Math::max);
    }

    PhaseResult result(String phase, long windowMillis, long openAtEnd) {
        Map<String, Long> reasons = new TreeMap<>();
        failures.forEach((k, v) -> reasons.put(k, v.sum()));
        long last = lastCompletionNanos.get();
        long elapsed = last == 0 ? 0 : (last - startNanos) / 1_000_000;
        long upgrade = lastUpgradeNanos.get();
        Histogram copy = PhaseResult.newHistogram();
        copy.add(latency);
        return new PhaseResult(phase, attempted.sum(), answered.sum(), accepted.sum(), failed.sum(), reasons, elapsed,
                upgrade == 0 ? 0 : (upgrade - startNanos) / 1_000_000, windowMillis < 0 ? elapsed : windowMillis,
                openAtEnd, PhaseResult.encode(copy));
    }
}
